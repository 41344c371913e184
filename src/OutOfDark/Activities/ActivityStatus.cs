namespace OutOfDark;

/// <summary>Where an activity stands in its life.</summary>
public enum ActivityStatus
{
    /// <summary>Planned, not yet live.</summary>
    Planned = 0,

    /// <summary>Live.</summary>
    Active = 1,

    /// <summary>Live but paused for now.</summary>
    Paused = 2,

    /// <summary>No longer run.</summary>
    Retired = 3,
}
