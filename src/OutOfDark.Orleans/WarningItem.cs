using System;
using System.Collections.Immutable;
using Orleans;

namespace OutOfDark.Orleans;

/// <summary>One row of a journey's Warnings view, as a journey grain answers it (from <see cref="OutOfDark.Warnings.WarningViewItem"/>).</summary>
/// <remarks>Enumerations travel as their names so that a client need not share the silo's enum values.</remarks>
[GenerateSerializer]
[Alias("outofdark.warning-item")]
public sealed record WarningItem
{
    /// <summary>The rule's id, for example <c>metric.stale</c>.</summary>
    [Id(0)]
    public required string Rule { get; init; }

    /// <summary>The subject's kind: "Journey", "Phase", "Activity" or "Metric".</summary>
    [Id(1)]
    public required string SubjectKind { get; init; }

    /// <summary>The subject's id (the journey, phase, activity or metric widget).</summary>
    [Id(2)]
    public required Guid SubjectId { get; init; }

    /// <summary>The subject's name as shown to people (<see cref="OutOfDark.Warnings.WarningViewItem.FullSubjectName"/>, the
    /// wording of the workspace read model and the web sample): the activity's, phase's or journey's name; for a metric,
    /// its title and the activity it sits on, as <c>CSAT on Checkout</c>, followed for a per-segment warning by the segment
    /// in parentheses, as <c>CSAT on Checkout (customer first-time buyer, region DE)</c>.</summary>
    [Id(3)]
    public required string SubjectName { get; init; }

    /// <summary>The severity: "Info", "Warning" or "Critical".</summary>
    [Id(4)]
    public required string Severity { get; init; }

    /// <summary>The readable message.</summary>
    [Id(5)]
    public required string Message { get; init; }

    /// <summary>How people handled it: "Open", "Acknowledged", "Snoozed" or "Resolved".</summary>
    [Id(6)]
    public required string State { get; init; }

    /// <summary>When the warning was raised (UTC).</summary>
    [Id(7)]
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>The phase the subject sits in; <see langword="null"/> for the journey.</summary>
    [Id(8)]
    public Guid? PhaseId { get; init; }

    /// <summary>The owner responsible, when known.</summary>
    [Id(9)]
    public string? Owner { get; init; }

    /// <summary>
    /// The segment of the metric a per-segment warning is about (<see cref="OutOfDark.Warnings.WarningSubject.Segment"/>):
    /// its dimensions, key to value (for example <c>region</c> → <c>DE</c>), sorted by key (ordinal); at most
    /// <see cref="OutOfDark.Segment.MaxDimensions"/>. <see langword="null"/> for every other warning, including one about
    /// the metric's own series (all customers). Part of the warning's identity: two segments of one metric and rule are
    /// two items; pass it back in <see cref="HandleWarning.Segment"/>.
    /// </summary>
    [Id(10)]
    public ImmutableSortedDictionary<string, string>? Segment { get; init; }

    internal static WarningItem From(OutOfDark.Warnings.WarningViewItem item) => new()
    {
        Rule = item.Key.Rule.Value,
        SubjectKind = item.Key.Subject.Kind.ToString(),
        SubjectId = item.Key.Subject.Id,
        SubjectName = item.FullSubjectName,
        Severity = item.Severity.ToString(),
        Message = item.Message,
        State = item.State.ToString(),
        RaisedAt = item.Warning.RaisedAt.ToDateTimeOffset(),
        PhaseId = item.PhaseId?.Value,
        Owner = item.Owner,
        Segment = item.Key.Subject.Segment is { } s ? s.Dimensions.ToImmutableSortedDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal) : null,
    };
}
