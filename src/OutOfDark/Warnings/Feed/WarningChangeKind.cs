namespace OutOfDark.Warnings;

/// <summary>What happened to a warning, as the warning feed tells subscribers.</summary>
/// <remarks>
/// The first four come from the warning engine comparing a journey's warnings before and after a commit; the last four
/// from people handling an open warning (the journey's <c>WarningAcknowledged</c>, <c>WarningSnoozed</c>,
/// <c>WarningResolved</c> and <c>WarningReopened</c> events), so a subscriber that pages someone can stop paging once
/// the warning is acknowledged. Handling a warning that is not open records no change. New kinds may be added at the
/// end; subscribers should ignore kinds they do not know.
/// </remarks>
public enum WarningChangeKind
{
    /// <summary>A rule's condition started holding on a subject: a new warning (a new episode).</summary>
    Raised = 0,

    /// <summary>An open warning's severity rose (for example warning → critical).</summary>
    Escalated = 1,

    /// <summary>An open warning's severity fell, or its message changed.</summary>
    Changed = 2,

    /// <summary>The condition stopped holding, or its subject or rule went away: the warning cleared itself.</summary>
    Cleared = 3,

    /// <summary>Someone acknowledged the open warning.</summary>
    Acknowledged = 4,

    /// <summary>Someone snoozed the open warning.</summary>
    Snoozed = 5,

    /// <summary>Someone marked the open warning resolved.</summary>
    Resolved = 6,

    /// <summary>Someone reopened the warning after acknowledging, snoozing or resolving it.</summary>
    Reopened = 7,
}
