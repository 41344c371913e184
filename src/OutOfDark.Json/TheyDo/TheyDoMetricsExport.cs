namespace OutOfDark.Json.TheyDo;

/// <summary>
/// What <see cref="TheyDoInterchange.ExportMetrics"/> produced: the file, and every metric that TheyDo's file cannot
/// carry exactly, with what was changed or left out and why.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="File">The file, for <see cref="TheyDoJson.WriteMetrics"/>.</param>
/// <param name="Downgrades">Every change the export made to a metric's data, in export order (a metric may have
/// several); empty when the file carries every metric exactly.</param>
public sealed record TheyDoMetricsExport(TheyDoMetricsFile File, ValueList<TheyDoMetricDowngrade> Downgrades);

/// <summary>One way an exported metric differs from the metric in the journey.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Metric">The metric widget (an activity's metric, a journey KPI or a phase KPI).</param>
/// <param name="ImportKey">The import key it was written under.</param>
/// <param name="Title">The metric's title.</param>
/// <param name="WrittenAs">The TheyDo type the metric was written as.</param>
/// <param name="Reason">What was changed or left out.</param>
/// <param name="Observations">How many observations (all segments) it concerns: for <see cref="TheyDoDowngradeReason.KindWithoutType"/>
/// and <see cref="TheyDoDowngradeReason.RatioWithoutTerms"/> every observation of the metric (each is written as an
/// <c>OTHER</c> value); 0 for <see cref="TheyDoDowngradeReason.ThresholdsDropped"/>, which concerns the metric itself.</param>
/// <param name="Explanation">The same, in a sentence for people.</param>
public sealed record TheyDoMetricDowngrade(WidgetId Metric, string ImportKey, string Title, TheyDoMetricType WrittenAs, TheyDoDowngradeReason Reason, int Observations, string Explanation)
{
    /// <summary>
    /// <see cref="WrittenAs"/> as the file writes it: <c>CSAT</c>, <c>NPS</c>, <c>CES</c>, <c>OTHER</c> or
    /// <c>RATIO</c> (the enum value itself prints as <c>Csat</c>, <c>Other</c>, …).
    /// </summary>
    public string WrittenAsType => TheyDoJson.TypeName(WrittenAs);
}

/// <summary>Why an exported metric differs from the metric in the journey.</summary>
public enum TheyDoDowngradeReason
{
    /// <summary>
    /// The metric's kind (count, percentage, currency, score) has no TheyDo type: it is written as <c>OTHER</c>
    /// aggregated by <c>AVERAGE</c>. Every value is kept; the kind is not.
    /// </summary>
    KindWithoutType = 0,

    /// <summary>
    /// A <see cref="MetricKind.Ratio"/> metric holds quotients, not the numerator and denominator TheyDo's <c>RATIO</c>
    /// needs: it is written as <c>OTHER</c> (<c>AVERAGE</c>) with the quotients as values.
    /// </summary>
    RatioWithoutTerms = 1,

    /// <summary>
    /// A CSAT, NPS or CES metric whose observations do not all carry what TheyDo's type needs (answer counts; for CES a
    /// sample size): it is written as <c>OTHER</c> (<c>AVERAGE</c>) with every observation's value, and the answer
    /// counts of the observations that had them are dropped (<see cref="TheyDoMetricDowngrade.Observations"/> counts them).
    /// </summary>
    MixedObservations = 2,

    /// <summary>
    /// Observations on a 0–10 NPS scale are written as TheyDo's three groups (detractors, passives, promoters): the
    /// per-answer counts are summed; the score is unchanged.
    /// </summary>
    AnswersGrouped = 3,

    /// <summary>Observations carry CES answer counts (1–7): TheyDo's <c>CES</c> has only the score and the number of respondents, so the counts are dropped.</summary>
    AnswersDropped = 4,

    /// <summary>Observations written as <c>OTHER</c> values carried a sample size: TheyDo's <c>OTHER</c> has no respondents, so it is dropped.</summary>
    SampleSizesDropped = 5,

    /// <summary>The metric's warning and critical thresholds: TheyDo's metrics have a target only, so they are not written.</summary>
    ThresholdsDropped = 6,
}
