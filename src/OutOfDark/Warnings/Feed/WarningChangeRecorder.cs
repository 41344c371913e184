using System;
using System.Collections.Generic;
using NodaTime;
using OutOfDark.Events;

namespace OutOfDark.Warnings;

/// <summary>
/// Hears what one evaluation of a warning engine raised, changed and cleared, and turns it (with the handling events of
/// the same commit) into the feed's <see cref="WarningChange"/>s.
/// </summary>
internal sealed class WarningChangeRecorder : IWarningObserver
{
    private readonly List<(WarningChangeKind Kind, Warning Warning, WarningSeverity? Previous)> _seen = [];

    public void OnRaised(Warning warning) => _seen.Add((WarningChangeKind.Raised, warning, null));

    public void OnChanged(Warning previous, Warning current)
    {
        if (current.Severity == previous.Severity && string.Equals(current.Message, previous.Message, StringComparison.Ordinal))
        {
            // Evidence alone moved (a value within the same band): nothing a subscriber acts on.
            return;
        }

        _seen.Add((current.Severity > previous.Severity ? WarningChangeKind.Escalated : WarningChangeKind.Changed, current, previous.Severity));
    }

    public void OnCleared(Warning previous) => _seen.Add((WarningChangeKind.Cleared, previous, null));

    /// <summary>The changes heard, then one per handling event whose warning is open after the evaluation.</summary>
    public List<WarningChange> Changes(Journey journey, long version, IReadOnlyList<JourneyEvent> events, WarningEngine engine, Instant at)
    {
        var changes = new List<WarningChange>(_seen.Count);
        foreach (var (kind, warning, previous) in _seen)
        {
            changes.Add(Change(journey, version, kind, warning, previous, at));
        }

        foreach (var e in events)
        {
            var (kind, key) = e switch
            {
                WarningAcknowledged a => (WarningChangeKind.Acknowledged, a.Warning),
                WarningSnoozed s => (WarningChangeKind.Snoozed, s.Warning),
                WarningResolved r => (WarningChangeKind.Resolved, r.Warning),
                WarningReopened r => (WarningChangeKind.Reopened, r.Warning),
                _ => ((WarningChangeKind?)null, default(WarningKey)),
            };
            if (kind is { } k && engine.Find(key) is { } open)
            {
                changes.Add(Change(journey, version, k, open, null, at));
            }
        }

        return changes;
    }

    private static WarningChange Change(Journey journey, long version, WarningChangeKind kind, Warning warning, WarningSeverity? previous, Instant at) =>
        new(Guid.CreateVersion7(at.ToDateTimeOffset()), journey.WorkspaceId, journey.Id, version, kind, warning.Key, warning.Severity, previous, warning.Message, at);
}
