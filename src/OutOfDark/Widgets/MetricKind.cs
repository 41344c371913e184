namespace OutOfDark;

/// <summary>
/// What a metric counts, which decides the values it accepts (<see cref="MetricWidget.CheckValue"/>) and whether it
/// adds up across activities in a roll-up (Count and Currency do); <see cref="Count"/> is a metric's default. A
/// duration or wait time has no kind of its own: use <see cref="Score"/> with the unit in <see cref="MetricWidget.Unit"/>,
/// such as <c>"min"</c>, <c>"h"</c> or <c>"days"</c>.
/// </summary>
public enum MetricKind
{
    /// <summary>A count of things (visitors, orders, tickets); never negative. Adds up in roll-ups.</summary>
    Count = 0,

    /// <summary>A percentage (conversion rate, open rate) from 0 to 100 inclusive; the unit is usually <c>"%"</c>.</summary>
    Percentage = 1,

    /// <summary>An amount of money (order value, cost per click) in the metric's unit, a currency code such as <c>"EUR"</c>; may be negative. Adds up in roll-ups.</summary>
    Currency = 2,

    /// <summary>
    /// A score on the metric's own scale, any value (a rating, a health index, a duration such as a wait time in
    /// <c>"min"</c>); the unit says what it measures.
    /// </summary>
    Score = 3,

    /// <summary>Net Promoter Score, from −100 to 100 (the value is refused outside); may be recorded as 0–10 answers (<see cref="SurveyScale.Nps"/>).</summary>
    Nps = 4,

    /// <summary>Customer satisfaction score, the percentage of satisfied answers (0 to 100) when computed from 1–5 answers (<see cref="SurveyScale.Csat"/>).</summary>
    Csat = 5,

    /// <summary>Customer effort score, the mean answer (1 to 7) when computed from 1–7 answers (<see cref="SurveyScale.Ces"/>).</summary>
    Ces = 6,

    /// <summary>A ratio of two quantities (items per order, contacts per resolution), any value.</summary>
    Ratio = 7,
}
