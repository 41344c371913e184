using NodaTime;

namespace OutOfDark.Events;

/// <summary>A widget was added at the end of an activity's Detail view.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Widget">The widget, with its content.</param>
public sealed record WidgetAdded(ActivityId ActivityId, Widget Widget) : JourneyEvent;

/// <summary>A widget's content was replaced. The widget keeps its id, kind and position.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Widget">The widget's new content.</param>
public sealed record WidgetChanged(ActivityId ActivityId, Widget Widget) : JourneyEvent;

/// <summary>A widget moved to another position in its activity's Detail view.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The widget.</param>
/// <param name="Position">Its new index.</param>
public sealed record WidgetMoved(ActivityId ActivityId, WidgetId WidgetId, int Position) : JourneyEvent;

/// <summary>A widget was removed.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The widget.</param>
public sealed record WidgetRemoved(ActivityId ActivityId, WidgetId WidgetId) : JourneyEvent;

/// <summary>A metric got a value for a date it had none for.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The metric widget.</param>
/// <param name="Date">The date.</param>
/// <param name="Value">The value.</param>
public sealed record ObservationRecorded(ActivityId ActivityId, WidgetId WidgetId, LocalDate Date, decimal Value) : JourneyEvent;

/// <summary>A metric's value for a date was corrected.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The metric widget.</param>
/// <param name="Date">The date.</param>
/// <param name="Value">The corrected value.</param>
public sealed record ObservationCorrected(ActivityId ActivityId, WidgetId WidgetId, LocalDate Date, decimal Value) : JourneyEvent;

/// <summary>A metric's value for a date was removed.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The metric widget.</param>
/// <param name="Date">The date.</param>
public sealed record ObservationRemoved(ActivityId ActivityId, WidgetId WidgetId, LocalDate Date) : JourneyEvent;

/// <summary>A feedback widget got a new entry.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The feedback widget.</param>
/// <param name="Entry">The entry.</param>
public sealed record FeedbackRecorded(ActivityId ActivityId, WidgetId WidgetId, FeedbackEntry Entry) : JourneyEvent;

/// <summary>
/// A metric got an observation for a segment (or <see cref="OutOfDark.Segment.All"/>, all customers) on a date that
/// segment had none for, with the sample size and survey answers when known.
/// </summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The metric widget.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Date">The date.</param>
/// <param name="Value">The value.</param>
/// <param name="SampleSize">How many customers it is based on, or <see langword="null"/>.</param>
/// <param name="Answers">The survey answers it is the score of, or <see langword="null"/>.</param>
public sealed record MeasurementRecorded(ActivityId ActivityId, WidgetId WidgetId, Segment Segment, LocalDate Date, decimal Value, int? SampleSize, AnswerDistribution? Answers) : JourneyEvent
{
    /// <summary>The observation recorded.</summary>
    /// <returns>The observation.</returns>
    public Observation ToObservation() => new(Date, Value) { SampleSize = SampleSize, Answers = Answers };
}

/// <summary>A segment's observation of a metric on a date was corrected (value, sample size and answers together).</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The metric widget.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Date">The date.</param>
/// <param name="Value">The corrected value.</param>
/// <param name="SampleSize">How many customers it is based on, or <see langword="null"/>.</param>
/// <param name="Answers">The survey answers it is the score of, or <see langword="null"/>.</param>
public sealed record MeasurementCorrected(ActivityId ActivityId, WidgetId WidgetId, Segment Segment, LocalDate Date, decimal Value, int? SampleSize, AnswerDistribution? Answers) : JourneyEvent
{
    /// <summary>The observation as corrected.</summary>
    /// <returns>The observation.</returns>
    public Observation ToObservation() => new(Date, Value) { SampleSize = SampleSize, Answers = Answers };
}

/// <summary>A segment's observation of a metric on a date was removed; a segment left with no observation is dropped.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The metric widget.</param>
/// <param name="Segment">The segment.</param>
/// <param name="Date">The date.</param>
public sealed record MeasurementRemoved(ActivityId ActivityId, WidgetId WidgetId, Segment Segment, LocalDate Date) : JourneyEvent;
/// <summary>An entry was removed from a feedback widget.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="WidgetId">The feedback widget.</param>
/// <param name="Index">The entry's index in the widget's entries before the removal, from 0.</param>
public sealed record FeedbackRemoved(ActivityId ActivityId, WidgetId WidgetId, int Index) : JourneyEvent;
