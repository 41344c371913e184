using System;

namespace OutOfDark.Samples.OnlineStore;

/// <summary>
/// A metric of the sample journey and how its values move: a function of the day's index since
/// <see cref="OnlineStoreJourney.FirstDay"/>, so every run of the sample sees the same numbers.
/// </summary>
/// <param name="Activity">The name of the activity the metric belongs to.</param>
/// <param name="Metric">The metric widget as it is added (thresholds, unit, kind, direction), without observations.</param>
/// <param name="ValueOn">The value on a day, by day index.</param>
/// <param name="LastDay">The last day index with a value, for a feed that stopped; <see langword="null"/> when it never stops.</param>
public sealed record MetricPlan(string Activity, MetricWidget Metric, Func<int, decimal> ValueOn, int? LastDay = null)
{
    /// <summary>Whether the metric has a value on a day.</summary>
    /// <param name="day">The day index.</param>
    /// <returns><see langword="true"/> when the feed delivers a value that day.</returns>
    public bool HasValueOn(int day) => day >= 0 && (LastDay is not { } last || day <= last);
}
