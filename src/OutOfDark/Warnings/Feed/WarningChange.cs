using System;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>
/// One change of one warning, as the warning feed records it: written in the same transaction as the journey events
/// that caused it, and delivered to every subscriber at least once.
/// </summary>
/// <param name="Id">
/// The change's stable id: the idempotency key a subscriber uses to apply each change once. Unique across the feed; the
/// same on every delivery of the change.
/// </param>
/// <param name="WorkspaceId">The journey's workspace.</param>
/// <param name="JourneyId">The journey whose warning changed.</param>
/// <param name="JourneyVersion">
/// The journey's version the change was evaluated at: the version after the events that caused it (1 or more).
/// </param>
/// <param name="Kind">What happened.</param>
/// <param name="Key">The warning: its rule and subject.</param>
/// <param name="Severity">The warning's severity after the change; for <see cref="WarningChangeKind.Cleared"/>, the last severity it had.</param>
/// <param name="PreviousSeverity">The severity before an <see cref="WarningChangeKind.Escalated"/> or <see cref="WarningChangeKind.Changed"/> change; otherwise <see langword="null"/>.</param>
/// <param name="Message">
/// The warning's readable message after the change. For <see cref="WarningChangeKind.Cleared"/>, the last message it was
/// raised or changed with (what was wrong), not a sentence about the clearing: show it as "cleared: …".
/// </param>
/// <param name="OccurredAt">When the change was recorded (the committing journey's clock).</param>
public sealed record WarningChange(
    Guid Id,
    WorkspaceId WorkspaceId,
    JourneyId JourneyId,
    long JourneyVersion,
    WarningChangeKind Kind,
    WarningKey Key,
    WarningSeverity Severity,
    WarningSeverity? PreviousSeverity,
    string Message,
    Instant OccurredAt);
