namespace OutOfDark;

/// <summary>Where a proposed solution to a problem stands.</summary>
public enum SolutionStatus
{
    /// <summary>Suggested, not yet decided.</summary>
    Proposed = 0,

    /// <summary>Decided and planned.</summary>
    Planned = 1,

    /// <summary>Being built.</summary>
    InProgress = 2,

    /// <summary>Done.</summary>
    Done = 3,

    /// <summary>Considered and turned down.</summary>
    Rejected = 4,
}
