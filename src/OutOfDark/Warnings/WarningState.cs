namespace OutOfDark.Warnings;

/// <summary>Where a present warning stands in the Warnings view, combining the rule's result with what people did.</summary>
public enum WarningState
{
    /// <summary>Needs attention: nobody has handled it in its current episode, or it was reopened, or its snooze ended.</summary>
    Open = 0,

    /// <summary>Someone acknowledged it in its current episode.</summary>
    Acknowledged = 1,

    /// <summary>Someone snoozed it and the snooze has not ended.</summary>
    Snoozed = 2,

    /// <summary>Someone marked it resolved in its current episode, though its condition still holds.</summary>
    Resolved = 3,
}
