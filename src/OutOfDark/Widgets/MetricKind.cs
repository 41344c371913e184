namespace OutOfDark;

/// <summary>What a metric counts, which decides the values it accepts.</summary>
public enum MetricKind
{
    /// <summary>A count of things; never negative.</summary>
    Count = 0,

    /// <summary>A percentage from 0 to 100.</summary>
    Percentage = 1,

    /// <summary>An amount of money in the metric's unit (a currency code).</summary>
    Currency = 2,

    /// <summary>A score on the metric's own scale.</summary>
    Score = 3,

    /// <summary>Net Promoter Score, from -100 to 100.</summary>
    Nps = 4,

    /// <summary>Customer satisfaction score.</summary>
    Csat = 5,

    /// <summary>Customer effort score.</summary>
    Ces = 6,

    /// <summary>A ratio of two quantities.</summary>
    Ratio = 7,
}
