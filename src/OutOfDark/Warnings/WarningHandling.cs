namespace OutOfDark.Warnings;

/// <summary>What people last did with a warning. Recorded as journey events, so it has history.</summary>
public enum WarningHandling
{
    /// <summary>Someone has seen it and owns it.</summary>
    Acknowledged = 0,

    /// <summary>Hidden until an instant; it comes back then if its condition still holds.</summary>
    Snoozed = 1,

    /// <summary>Someone marked it resolved.</summary>
    Resolved = 2,

    /// <summary>Someone reopened it after it was acknowledged, snoozed or resolved.</summary>
    Reopened = 3,
}
