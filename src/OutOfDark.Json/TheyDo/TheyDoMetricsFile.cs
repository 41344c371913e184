using NodaTime;

namespace OutOfDark.Json.TheyDo;

/// <summary>The kind of a TheyDo metric, which decides the shape of its data points.</summary>
public enum TheyDoMetricType
{
    /// <summary><c>CES</c>: each data point is a score (a mean) and the number of respondents.</summary>
    Ces,

    /// <summary><c>CSAT</c>: each data point counts the answers very unsatisfied … very satisfied (1–5).</summary>
    Csat,

    /// <summary><c>NPS</c>: each data point counts detractors (0–6), passives (7–8) and promoters (9–10).</summary>
    Nps,

    /// <summary><c>OTHER</c>: each data point is a value; the metric says how values aggregate.</summary>
    Other,

    /// <summary><c>RATIO</c>: each data point is a numerator and a denominator.</summary>
    Ratio,
}

/// <summary>How TheyDo aggregates the values of an <c>OTHER</c> metric.</summary>
public enum TheyDoAggregation
{
    /// <summary><c>SUM</c>.</summary>
    Sum,

    /// <summary><c>AVERAGE</c>.</summary>
    Average,
}

/// <summary>Which side of a TheyDo metric's target is good.</summary>
public enum TheyDoTargetComparison
{
    /// <summary><c>LESS_THAN_OR_EQUAL_TO</c>: at or below the target is good (our <see cref="MetricDirection.LowerIsBetter"/>).</summary>
    LessThanOrEqualTo,

    /// <summary><c>MORE_THAN_OR_EQUAL_TO</c>: at or above the target is good (our <see cref="MetricDirection.HigherIsBetter"/>).</summary>
    MoreThanOrEqualTo,
}

/// <summary>A TheyDo metrics file (<c>THEYDO_METRICS_V1</c>): metrics with their data points.</summary>
/// <remarks>Immutable and thread-safe. Read and write it with <see cref="TheyDoJson"/>.</remarks>
/// <param name="Metrics">The metrics, in file order.</param>
public sealed record TheyDoMetricsFile(ValueList<TheyDoMetric> Metrics)
{
    /// <summary>The value of the file's <c>format</c> member.</summary>
    public const string Format = "THEYDO_METRICS_V1";
}

/// <summary>One metric of a TheyDo metrics file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Type">The metric's kind; every data point has the matching shape.</param>
/// <param name="ImportKey">The metric's identifier in the file: how an import finds the metric it feeds.</param>
/// <param name="Title">The metric's title.</param>
/// <param name="Unit">The unit (free text, for example <c>%</c> or <c>score</c>).</param>
/// <param name="DataPoints">The data points, in file order.</param>
public sealed record TheyDoMetric(TheyDoMetricType Type, string ImportKey, string Title, string Unit, ValueList<TheyDoDataPoint> DataPoints)
{
    /// <summary>A markdown description, or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>The owner's e-mail address, or <see langword="null"/>.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>The target, or <see langword="null"/>.</summary>
    public decimal? Target { get; init; }

    /// <summary>Which side of the target is good, or <see langword="null"/>.</summary>
    public TheyDoTargetComparison? TargetComparison { get; init; }

    /// <summary>The TheyDo groups the metric belongs to, or <see langword="null"/>.</summary>
    public ValueList<string>? Groups { get; init; }

    /// <summary>The tags, each in a tag group, or <see langword="null"/>.</summary>
    public ValueList<TheyDoGroupTag>? GroupTags { get; init; }

    /// <summary>How values aggregate: required for <see cref="TheyDoMetricType.Other"/>, absent otherwise.</summary>
    public TheyDoAggregation? Aggregation { get; init; }
}

/// <summary>A tag in a TheyDo tag group.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="TagGroup">The tag group's title.</param>
/// <param name="Tag">The tag.</param>
public sealed record TheyDoGroupTag(string TagGroup, string Tag);

/// <summary>One dimension value of a data point (a segment key and value, for example <c>region</c> = <c>EMEA</c>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Key">The dimension.</param>
/// <param name="Value">Its value.</param>
public sealed record TheyDoDimension(string Key, string Value);

/// <summary>A data point of a TheyDo metric: its date, optional dimensions, and the shape of its metric's type.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Date">The date of measurement.</param>
/// <param name="Dimensions">The dimension values (a segment), or <see langword="null"/> when the file has none (an empty list is kept as written).</param>
public abstract record TheyDoDataPoint(LocalDate Date, ValueList<TheyDoDimension>? Dimensions);

/// <summary>A <c>CES</c> data point.</summary>
/// <param name="Date">The date of measurement.</param>
/// <param name="Dimensions">The dimension values, or <see langword="null"/>.</param>
/// <param name="Score">The effort score (TheyDo's mean score).</param>
/// <param name="Respondents">How many answered; 0 to 2,147,483,647.</param>
public sealed record TheyDoCesPoint(LocalDate Date, ValueList<TheyDoDimension>? Dimensions, decimal Score, int Respondents) : TheyDoDataPoint(Date, Dimensions);

/// <summary>A <c>CSAT</c> data point: answer counts on the 1–5 scale, each 0 to 2,147,483,647.</summary>
/// <param name="Date">The date of measurement.</param>
/// <param name="Dimensions">The dimension values, or <see langword="null"/>.</param>
/// <param name="VeryUnsatisfied">Answers of 1.</param>
/// <param name="Unsatisfied">Answers of 2.</param>
/// <param name="Neutral">Answers of 3.</param>
/// <param name="Satisfied">Answers of 4.</param>
/// <param name="VerySatisfied">Answers of 5.</param>
public sealed record TheyDoCsatPoint(LocalDate Date, ValueList<TheyDoDimension>? Dimensions, int VeryUnsatisfied, int Unsatisfied, int Neutral, int Satisfied, int VerySatisfied) : TheyDoDataPoint(Date, Dimensions);

/// <summary>An <c>NPS</c> data point: answer counts by group, each 0 to 2,147,483,647.</summary>
/// <param name="Date">The date of measurement.</param>
/// <param name="Dimensions">The dimension values, or <see langword="null"/>.</param>
/// <param name="Detractors">Answers 0–6.</param>
/// <param name="Passives">Answers 7–8.</param>
/// <param name="Promoters">Answers 9–10.</param>
public sealed record TheyDoNpsPoint(LocalDate Date, ValueList<TheyDoDimension>? Dimensions, int Detractors, int Passives, int Promoters) : TheyDoDataPoint(Date, Dimensions);

/// <summary>An <c>OTHER</c> data point.</summary>
/// <param name="Date">The date of measurement.</param>
/// <param name="Dimensions">The dimension values, or <see langword="null"/>.</param>
/// <param name="Value">The value.</param>
public sealed record TheyDoOtherPoint(LocalDate Date, ValueList<TheyDoDimension>? Dimensions, decimal Value) : TheyDoDataPoint(Date, Dimensions);

/// <summary>A <c>RATIO</c> data point: two whole numbers from −2,147,483,648 to 2,147,483,647.</summary>
/// <param name="Date">The date of measurement.</param>
/// <param name="Dimensions">The dimension values, or <see langword="null"/>.</param>
/// <param name="Numerator">The numerator.</param>
/// <param name="Denominator">The denominator.</param>
public sealed record TheyDoRatioPoint(LocalDate Date, ValueList<TheyDoDimension>? Dimensions, int Numerator, int Denominator) : TheyDoDataPoint(Date, Dimensions);
