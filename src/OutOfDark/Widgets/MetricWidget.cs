namespace OutOfDark;

/// <summary>
/// A key performance indicator: its unit, kind and direction, a target, warning and critical thresholds, and its
/// time series of observations (one per date).
/// </summary>
/// <remarks>
/// Thresholds must agree with <see cref="Direction"/>: when higher is better, critical ≤ warning ≤ target; when lower is
/// better, critical ≥ warning ≥ target. Values must fit the kind (percentages 0–100, NPS −100–100, counts ≥ 0).
/// </remarks>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The metric's name, for example "Open rate".</param>
[WidgetKind("metric")]
public sealed record MetricWidget(WidgetId Id, string Title) : Widget(Id, Title)
{
    /// <summary>Creates a metric with a new id, for example <c>new MetricWidget("Open rate") { Unit = "%", Target = 25 }</c>.</summary>
    /// <param name="Title">The metric's name, for example "Open rate".</param>
    public MetricWidget(string Title)
        : this(WidgetId.New(), Title)
    {
    }

    /// <summary>The unit shown after values, for example "%", "EUR" or "visits".</summary>
    public string Unit { get; init; } = "";

    /// <summary>
    /// What the metric counts, which decides the values it accepts; <see cref="MetricKind.Count"/> when not set. Set it
    /// for anything that is not a count of things: a rate is <see cref="MetricKind.Percentage"/>, a duration or a
    /// rating a <see cref="MetricKind.Score"/>. A count that should rise is a funnel step's volume
    /// (<see cref="StepVolume"/>).
    /// </summary>
    public MetricKind Kind { get; init; } = MetricKind.Count;

    /// <summary>Which way the metric should move.</summary>
    public MetricDirection Direction { get; init; } = MetricDirection.HigherIsBetter;

    /// <summary>The value aimed for, if set.</summary>
    public decimal? Target { get; init; }

    /// <summary>The value past which the metric needs attention, if set.</summary>
    public decimal? WarningThreshold { get; init; }

    /// <summary>The value past which the metric needs action now, if set.</summary>
    public decimal? CriticalThreshold { get; init; }

    /// <summary>The observations for all customers, in date order.</summary>
    public ObservationSeries Observations { get; init; } = ObservationSeries.Empty;

    /// <summary>
    /// The observations cut by segment (channel, region, persona, customer segment…), one series per segment, in the order
    /// the segments were first recorded; empty when the metric is not segmented. Each series holds at most one observation
    /// per date, and no segment is <see cref="Segment.All"/> or appears twice.
    /// </summary>
    public ValueList<SegmentSeries> Segments { get; init; } = ValueList<SegmentSeries>.Empty;

    /// <summary>The observations of one segment: <see cref="Observations"/> for <see cref="Segment.All"/>, the segment's series, or the empty series.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The series.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    public ObservationSeries SeriesOf(Segment segment)
    {
        System.ArgumentNullException.ThrowIfNull(segment);
        if (segment.IsAll)
        {
            return Observations;
        }

        foreach (var series in Segments.AsSpan())
        {
            if (series.Segment.Equals(segment))
            {
                return series.Observations;
            }
        }

        return ObservationSeries.Empty;
    }

    /// <summary>Checks that an observation fits the metric: its value fits the kind, and its sample size and answers agree with it.</summary>
    /// <param name="observation">The observation.</param>
    /// <returns>What is wrong, or <see langword="null"/>.</returns>
    public string? CheckObservation(Observation observation)
    {
        if (CheckValue(observation.Value) is { } problem)
        {
            return problem;
        }

        if (observation.SampleSize is < 0 or > AnswerDistribution.MaxAnswers)
        {
            return $"A sample size is a number of respondents from 0 to {AnswerDistribution.MaxAnswers:N0}; got {observation.SampleSize}.";
        }

        if (observation.Answers is not { } answers)
        {
            return null;
        }

        var kind = answers.Scale switch { SurveyScale.Nps => MetricKind.Nps, SurveyScale.Csat => MetricKind.Csat, _ => MetricKind.Ces };
        if (Kind != kind)
        {
            return $"{answers.Scale.ToString().ToUpperInvariant()} answers can only be recorded on a metric of kind {kind}; this metric's kind is {Kind}.";
        }

        if (answers.Score is not { } score)
        {
            return "The answers hold no answer, so they have no score; record answers once someone has answered.";
        }

        if (score != observation.Value)
        {
            return $"The value {observation.Value} is not the answers' score {score}; record the answers alone and the score is computed.";
        }

        return observation.SampleSize == answers.Total ? null
            : $"The sample size {observation.SampleSize} is not the number of answers {answers.Total}.";
    }

    /// <summary>Whether <paramref name="value"/> is worse than <paramref name="limit"/> in this metric's direction.</summary>
    /// <param name="value">The value.</param>
    /// <param name="limit">The limit (target or threshold).</param>
    /// <returns><see langword="true"/> when the value is past the limit on the bad side.</returns>
    public bool IsWorse(decimal value, decimal limit) =>
        Direction == MetricDirection.HigherIsBetter ? value < limit : value > limit;

    /// <summary>Checks that <paramref name="value"/> fits the metric's kind.</summary>
    /// <param name="value">The value.</param>
    /// <returns>What is wrong, or <see langword="null"/>.</returns>
    public string? CheckValue(decimal value) => Kind switch
    {
        MetricKind.Count when value < 0 => $"A count cannot be negative; got {value}.",
        MetricKind.Percentage when value is < 0 or > 100 => $"A percentage must be between 0 and 100; got {value}.",
        MetricKind.Nps when value is < -100 or > 100 => $"A Net Promoter Score must be between -100 and 100; got {value}.",
        _ => null,
    };

    /// <inheritdoc />
    protected internal override string? Validate()
    {
        if (Unit is null || Internal.Text.CharacterCount(Unit) > Internal.JourneyGuards.MaxNameLength)
        {
            return "The unit must be present and at most 500 characters.";
        }

        if (Observations is null)
        {
            return "The observations must not be missing.";
        }

        if (!System.Enum.IsDefined(Kind) || !System.Enum.IsDefined(Direction))
        {
            return $"Kind {Kind} or direction {Direction} is not defined.";
        }

        foreach (var limit in new[] { Target, WarningThreshold, CriticalThreshold })
        {
            if (limit is { } l && CheckValue(l) is { } problem)
            {
                return problem;
            }
        }

        // Moving from target towards critical, each limit must be no better than the one before.
        if (Target is { } t && WarningThreshold is { } w && IsWorse(t, w))
        {
            return $"The warning threshold {w} must not be better than the target {t} for a metric where {Describe(Direction)}. {Fix("warning threshold", "target")}";
        }

        if (WarningThreshold is { } w2 && CriticalThreshold is { } c && IsWorse(w2, c))
        {
            return $"The critical threshold {c} must not be better than the warning threshold {w2} for a metric where {Describe(Direction)}. {Fix("critical threshold", "warning threshold")}";
        }

        if (Target is { } t2 && CriticalThreshold is { } c2 && IsWorse(t2, c2))
        {
            return $"The critical threshold {c2} must not be better than the target {t2} for a metric where {Describe(Direction)}. {Fix("critical threshold", "target")}";
        }

        foreach (var observation in Observations.AsSpan())
        {
            if (CheckObservation(observation) is { } problem)
            {
                return $"Observation on {observation.Date:yyyy-MM-dd}: {problem}";
            }
        }

        if (Segments is null)
        {
            return "The segments must not be missing.";
        }

        for (var i = 0; i < Segments.Count; i++)
        {
            var series = Segments[i];
            if (series?.Segment is null || series.Observations is null || series.Segment.IsAll)
            {
                return $"Segment {i + 1} must name a segment with at least one dimension and hold its observations.";
            }

            for (var j = 0; j < i; j++)
            {
                if (Segments[j].Segment.Equals(series.Segment))
                {
                    return $"Segment '{series.Segment}' appears twice; keep one series per segment.";
                }
            }

            foreach (var observation in series.Observations.AsSpan())
            {
                if (CheckObservation(observation) is { } problem)
                {
                    return $"Observation for {series.Segment} on {observation.Date:yyyy-MM-dd}: {problem}";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The member <see cref="Validate"/> refuses, below the metric, in the order it checks them: for example
    /// <c>Target</c>, <c>Observations[2].Value</c> or <c>Segments[1].Observations[0].Answers</c>; <see langword="null"/>
    /// when the metric is valid. Lets a snapshot's reader point at the member.
    /// </summary>
    internal string? ProblemMember()
    {
        if (Unit is null || Internal.Text.CharacterCount(Unit) > Internal.JourneyGuards.MaxNameLength)
        {
            return nameof(Unit);
        }

        if (Observations is null)
        {
            return nameof(Observations);
        }

        if (!System.Enum.IsDefined(Kind))
        {
            return nameof(Kind);
        }

        if (!System.Enum.IsDefined(Direction))
        {
            return nameof(Direction);
        }

        foreach (var (limit, name) in new[] { (Target, nameof(Target)), (WarningThreshold, nameof(WarningThreshold)), (CriticalThreshold, nameof(CriticalThreshold)) })
        {
            if (limit is { } l && CheckValue(l) is not null)
            {
                return name;
            }
        }

        if ((Target is { } t && WarningThreshold is { } w && IsWorse(t, w)))
        {
            return nameof(WarningThreshold);
        }

        if ((WarningThreshold is { } w2 && CriticalThreshold is { } c && IsWorse(w2, c)) || (Target is { } t2 && CriticalThreshold is { } c2 && IsWorse(t2, c2)))
        {
            return nameof(CriticalThreshold);
        }

        if (ObservationProblem(Observations) is { } observation)
        {
            return nameof(Observations) + observation;
        }

        if (Segments is null)
        {
            return nameof(Segments);
        }

        for (var i = 0; i < Segments.Count; i++)
        {
            var series = Segments[i];
            if (series?.Segment is null || series.Observations is null || series.Segment.IsAll)
            {
                return $"{nameof(Segments)}[{i}]" + (series is null ? "" : series.Segment is null || series.Segment.IsAll ? ".Segment" : ".Observations");
            }

            for (var j = 0; j < i; j++)
            {
                if (Segments[j].Segment.Equals(series.Segment))
                {
                    return $"{nameof(Segments)}[{i}].Segment";
                }
            }

            if (ObservationProblem(series.Observations) is { } problem)
            {
                return $"{nameof(Segments)}[{i}].Observations{problem}";
            }
        }

        return null;
    }

    /// <summary>The index and member of the first observation of a series <see cref="CheckObservation"/> refuses.</summary>
    private string? ObservationProblem(ObservationSeries series)
    {
        var i = 0;
        foreach (var observation in series.AsSpan())
        {
            if (CheckObservation(observation) is not null)
            {
                var member = CheckValue(observation.Value) is not null ? nameof(observation.Value)
                    : observation.SampleSize is < 0 or > AnswerDistribution.MaxAnswers ? nameof(observation.SampleSize)
                    : observation.Answers is { } answers && answers.Score is { } score && score == observation.Value && observation.SampleSize != answers.Total ? nameof(observation.SampleSize)
                    : nameof(observation.Answers);
                return $"[{i}].{member}";
            }

            i++;
        }

        return null;
    }

    // Limits the wrong way round usually mean the direction is wrong: name the other one, then the other fix.
    private string Fix(string limit, string reference) => Direction == MetricDirection.HigherIsBetter
        ? $"If lower values are better for this metric, set Direction = MetricDirection.LowerIsBetter; otherwise put the {limit} below the {reference}."
        : $"If higher values are better for this metric, set Direction = MetricDirection.HigherIsBetter; otherwise put the {limit} above the {reference}.";

    private static string Describe(MetricDirection direction) =>
        direction == MetricDirection.HigherIsBetter ? "higher is better" : "lower is better";
}
