using NodaTime;

namespace OutOfDark.Events;

/// <summary>
/// A metric (a KPI) was added to the journey itself or to a phase, at a position in that list. Journey and phase KPIs
/// follow the same rules as metrics on activities; their widget ids are unique across the journey.
/// </summary>
/// <param name="PhaseId">The phase that holds it, or <see langword="null"/> for the journey itself.</param>
/// <param name="Metric">The metric, with its content.</param>
/// <param name="Position">Its index in the list, from 0 to the number of KPIs there before it was added.</param>
public sealed record KpiAdded(PhaseId? PhaseId, MetricWidget Metric, int Position) : JourneyEvent;

/// <summary>A journey or phase KPI's content was replaced. It keeps its id and position.</summary>
/// <param name="PhaseId">The phase that holds it, or <see langword="null"/> for the journey itself.</param>
/// <param name="Metric">The metric's new content.</param>
public sealed record KpiChanged(PhaseId? PhaseId, MetricWidget Metric) : JourneyEvent;

/// <summary>A journey or phase KPI moved to another position in its list.</summary>
/// <param name="PhaseId">The phase that holds it, or <see langword="null"/> for the journey itself.</param>
/// <param name="WidgetId">The metric.</param>
/// <param name="Position">Its new index.</param>
public sealed record KpiMoved(PhaseId? PhaseId, WidgetId WidgetId, int Position) : JourneyEvent;

/// <summary>A journey or phase KPI was removed, with its observations, warning statuses and rule settings.</summary>
/// <param name="PhaseId">The phase that held it, or <see langword="null"/> for the journey itself.</param>
/// <param name="WidgetId">The metric.</param>
public sealed record KpiRemoved(PhaseId? PhaseId, WidgetId WidgetId) : JourneyEvent;

/// <summary>
/// A journey or phase KPI got an observation for a segment (or <see cref="OutOfDark.Segment.All"/>) on a date that
/// segment had none for: what <see cref="MeasurementRecorded"/> is for a metric on an activity.
/// </summary>
/// <param name="PhaseId">The phase that holds the metric, or <see langword="null"/> for the journey itself.</param>
/// <param name="WidgetId">The metric.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Date">The date.</param>
/// <param name="Value">The value.</param>
/// <param name="SampleSize">How many customers it is based on, or <see langword="null"/>.</param>
/// <param name="Answers">The survey answers it is the score of, or <see langword="null"/>.</param>
public sealed record KpiMeasurementRecorded(PhaseId? PhaseId, WidgetId WidgetId, Segment Segment, LocalDate Date, decimal Value, int? SampleSize, AnswerDistribution? Answers) : JourneyEvent
{
    /// <summary>The observation recorded.</summary>
    /// <returns>The observation.</returns>
    public Observation ToObservation() => new(Date, Value) { SampleSize = SampleSize, Answers = Answers };
}

/// <summary>A segment's observation of a journey or phase KPI on a date was corrected (value, sample size and answers together).</summary>
/// <param name="PhaseId">The phase that holds the metric, or <see langword="null"/> for the journey itself.</param>
/// <param name="WidgetId">The metric.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Date">The date.</param>
/// <param name="Value">The corrected value.</param>
/// <param name="SampleSize">How many customers it is based on, or <see langword="null"/>.</param>
/// <param name="Answers">The survey answers it is the score of, or <see langword="null"/>.</param>
public sealed record KpiMeasurementCorrected(PhaseId? PhaseId, WidgetId WidgetId, Segment Segment, LocalDate Date, decimal Value, int? SampleSize, AnswerDistribution? Answers) : JourneyEvent
{
    /// <summary>The observation as corrected.</summary>
    /// <returns>The observation.</returns>
    public Observation ToObservation() => new(Date, Value) { SampleSize = SampleSize, Answers = Answers };
}

/// <summary>A segment's observation of a journey or phase KPI on a date was removed; a segment left with none is dropped.</summary>
/// <param name="PhaseId">The phase that holds the metric, or <see langword="null"/> for the journey itself.</param>
/// <param name="WidgetId">The metric.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Date">The date.</param>
public sealed record KpiMeasurementRemoved(PhaseId? PhaseId, WidgetId WidgetId, Segment Segment, LocalDate Date) : JourneyEvent;
