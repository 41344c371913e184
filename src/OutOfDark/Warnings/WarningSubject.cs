using System;

namespace OutOfDark.Warnings;

/// <summary>The journey, phase, activity or metric a warning is about.</summary>
/// <param name="Kind">What sort of subject it is.</param>
/// <param name="Id">The subject's id value.</param>
public readonly record struct WarningSubject(SubjectKind Kind, Guid Id)
{
    /// <summary>The subject for an activity.</summary>
    /// <param name="id">The activity.</param>
    /// <returns>The subject.</returns>
    public static WarningSubject For(ActivityId id) => new(SubjectKind.Activity, id.Value);

    /// <summary>The subject for a phase.</summary>
    /// <param name="id">The phase.</param>
    /// <returns>The subject.</returns>
    public static WarningSubject For(PhaseId id) => new(SubjectKind.Phase, id.Value);

    /// <summary>The subject for a metric (KPI) widget: what metric rules raise their warnings about.</summary>
    /// <param name="metric">The metric widget's id.</param>
    /// <returns>The subject.</returns>
    /// <remarks>The activity the metric sits on is the journey's to say: <see cref="Journey.FindWidget"/>, or <c>WarningViewItem.ActivityId</c> in the Warnings view.</remarks>
    public static WarningSubject For(WidgetId metric) => new(SubjectKind.Metric, metric.Value);

    /// <summary>The subject for one segment of a metric: what a metric rule that splits by segment (<see cref="MetricRuleSettings.SplitBy"/>) raises its per-segment warnings about.</summary>
    /// <param name="metric">The metric widget's id.</param>
    /// <param name="segment">The segment; <see cref="OutOfDark.Segment.All"/> gives the metric's own subject.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    public static WarningSubject For(WidgetId metric, Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.IsAll ? For(metric) : new(SubjectKind.Metric, metric.Value) { Segment = segment };
    }

    /// <summary>
    /// The segment of a metric a per-segment warning is about, or <see langword="null"/> for every other subject
    /// (including the metric's own series, all customers). Part of the subject's identity: two subjects differ when
    /// their segments do.
    /// </summary>
    public Segment? Segment { get; init; }

    /// <summary>The subject for a journey.</summary>
    /// <param name="id">The journey.</param>
    /// <returns>The subject.</returns>
    public static WarningSubject For(JourneyId id) => new(SubjectKind.Journey, id.Value);

    /// <summary>The activity id, when the subject is an activity.</summary>
    public ActivityId? ActivityId => Kind == SubjectKind.Activity ? new ActivityId(Id) : null;

    /// <summary>The metric widget's id, when the subject is a metric.</summary>
    public WidgetId? MetricId => Kind == SubjectKind.Metric ? new WidgetId(Id) : null;

    /// <summary>The phase id, when the subject is a phase.</summary>
    public PhaseId? PhaseId => Kind == SubjectKind.Phase ? new PhaseId(Id) : null;

    /// <summary>Returns <c>kind:id</c>, for example <c>activity:0f8fad5b-…</c>, and for a segment <c>metric:0f8fad5b-… (region DE)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Segment is { } segment
        ? $"{Kind.ToString().ToLowerInvariant()}:{Id:D} ({segment})"
        : $"{Kind.ToString().ToLowerInvariant()}:{Id:D}";
}
