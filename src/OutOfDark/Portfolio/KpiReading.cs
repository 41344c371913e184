using System.Collections.Generic;
using NodaTime;

namespace OutOfDark.Portfolio;

/// <summary>One KPI (a metric widget) of one journey as the portfolio's KPI roll-up reads it: what it measures and where its latest value stands.</summary>
/// <param name="Title">The metric's title, for example "NPS"; roll-ups group KPIs by title (compared ignoring case), unit, kind and direction.</param>
/// <param name="Unit">Its unit ("" for none).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="LatestDate">The date of its latest observation, or <see langword="null"/> for none.</param>
/// <param name="LatestValue">Its latest value, or <see langword="null"/> for none.</param>
/// <param name="Status">Where the latest value stands against the target and thresholds.</param>
public sealed record KpiReading(string Title, string Unit, MetricKind Kind, MetricDirection Direction, LocalDate? LatestDate, decimal? LatestValue, KpiStatus Status)
{
    /// <summary>Reads a metric widget.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The reading.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="metric"/> is <see langword="null"/>.</exception>
    public static KpiReading Of(MetricWidget metric)
    {
        System.ArgumentNullException.ThrowIfNull(metric);
        var latest = metric.Observations.Latest;
        return new KpiReading(metric.Title, metric.Unit, metric.Kind, metric.Direction, latest?.Date, latest?.Value, StatusOf(metric, latest?.Value));
    }

    /// <summary>
    /// Reads every KPI of a journey: its journey KPIs (<see cref="Journey.Metrics"/>), then each phase's KPIs in phase
    /// order, then the metric widgets of its activities in map order then widget order.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The readings.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<KpiReading> Of(Journey journey)
    {
        System.ArgumentNullException.ThrowIfNull(journey);
        var readings = new List<KpiReading>();
        foreach (var metric in journey.Metrics)
        {
            readings.Add(Of(metric));
        }

        foreach (var phase in journey.Phases)
        {
            foreach (var metric in phase.Metrics)
            {
                readings.Add(Of(metric));
            }
        }

        foreach (var activity in journey.Activities)
        {
            foreach (var widget in activity.Widgets.AsSpan())
            {
                if (widget is MetricWidget metric)
                {
                    readings.Add(Of(metric));
                }
            }
        }

        return readings;
    }

    private static KpiStatus StatusOf(MetricWidget metric, decimal? latest)
    {
        if (latest is not { } value)
        {
            return KpiStatus.NoData;
        }

        if (metric.CriticalThreshold is { } critical && metric.IsWorse(value, critical))
        {
            return KpiStatus.PastCritical;
        }

        if (metric.WarningThreshold is { } warning && metric.IsWorse(value, warning))
        {
            return KpiStatus.PastWarning;
        }

        return metric.Target is not { } target ? KpiStatus.NoTarget
            : metric.IsWorse(value, target) ? KpiStatus.OffTarget
            : KpiStatus.OnTarget;
    }
}
