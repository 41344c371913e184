using System;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>
/// One row of the workspace-wide Warnings view: a present warning of one journey, with what the view filters and sorts
/// on, as the read model (<see cref="IWorkspaceWarnings"/>) stores it.
/// </summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="JourneyName">The journey's name when the row was written.</param>
/// <param name="Key">The warning's identity: rule and subject.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="State">Where it stood when the row was written; see <see cref="StateAt"/> for the state at a later instant.</param>
/// <param name="SnoozedUntil">Until when it is snoozed, for <see cref="WarningState.Snoozed"/>; otherwise <see langword="null"/>.</param>
/// <param name="SubjectName">The activity's or phase's name, or the journey's name; for a metric, the metric's title and what it sits on: "Checkout completion on Checkout".</param>
/// <param name="PhaseId">The phase the subject lives in (or is), or <see langword="null"/> for the journey.</param>
/// <param name="PhaseName">That phase's name, or <see langword="null"/>.</param>
/// <param name="Owner">The activity's owner, if any.</param>
/// <param name="Team">The activity's team, if any.</param>
/// <param name="Message">What is wrong, as the rule said it.</param>
/// <param name="RaisedAt">
/// When the read model first saw the warning in its current episode: kept while the warning stays present without its
/// severity rising, set anew when it reappears after clearing or escalates.
/// </param>
/// <param name="PastLimit">How far past its limit (see <see cref="Warning.PastLimit"/>), or <see langword="null"/>.</param>
/// <param name="PhaseIndex">Map order: the phase's position in the journey (0-based), or -1 for the journey itself.</param>
/// <param name="MapIndex">Map order: the activity's position in the activity map's preorder (0-based), or -1 for a phase or the journey.</param>
public sealed record WorkspaceWarning(
    WorkspaceId WorkspaceId,
    JourneyId JourneyId,
    string JourneyName,
    WarningKey Key,
    WarningSeverity Severity,
    WarningState State,
    Instant? SnoozedUntil,
    string SubjectName,
    PhaseId? PhaseId,
    string? PhaseName,
    string? Owner,
    string? Team,
    string Message,
    Instant RaisedAt,
    decimal? PastLimit,
    int PhaseIndex,
    int MapIndex)
{
    /// <summary>
    /// When the status that decides <see cref="State"/> was recorded (<see cref="WarningStatus.At"/>), or
    /// <see langword="null"/> when no status applies. Set by <see cref="WorkspaceWarningProjector"/> and used by a store
    /// while it writes the row: a status recorded before the episode the stored row is in does not replace its open state
    /// (see <see cref="WorkspaceWarningChecks.KeepEpisode"/>). Not kept by the stores: a row read back carries
    /// <see langword="null"/>.
    /// </summary>
    public Instant? HandledAt { get; init; }

    /// <summary>
    /// The state at an instant: a snooze that has ended by <paramref name="now"/> makes the warning open again, as the
    /// journey's own Warnings view does; every other state is the one written.
    /// </summary>
    /// <param name="now">The instant to look at.</param>
    /// <returns>The state.</returns>
    public WarningState StateAt(Instant now) =>
        State == WarningState.Snoozed && SnoozedUntil is { } until && now >= until ? WarningState.Open : State;

    /// <summary>Returns the line as the Warnings view shows it: severity, journey, subject, message and state.</summary>
    /// <returns>The line; no ids.</returns>
    public override string ToString() => FormattableString.Invariant($"{Severity} · {JourneyName} · {SubjectName} · {Message} ({State})");
}
