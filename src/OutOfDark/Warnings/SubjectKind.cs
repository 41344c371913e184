namespace OutOfDark.Warnings;

/// <summary>What a warning (and the rule that raised it) is about.</summary>
public enum SubjectKind
{
    /// <summary>The journey as a whole.</summary>
    Journey = 0,

    /// <summary>A phase.</summary>
    Phase = 1,

    /// <summary>An activity.</summary>
    Activity = 2,
}
