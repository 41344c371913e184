using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Json.TheyDo;

/// <summary>
/// Moves TheyDo metrics data into a journey's metrics and back. Each TheyDo metric is placed by its <c>importKey</c>: the
/// caller maps every key of the file to the metric widget (KPI) it feeds. See docs/interchange.md for what maps and
/// what does not.
/// </summary>
/// <remarks>
/// <para>Values recorded, by type, for data points without dimensions:</para>
/// <list type="bullet">
/// <item><description><c>CES</c>: the score as given;</description></item>
/// <item><description><c>CSAT</c>: 100 × (satisfied + very satisfied) ÷ all answers, a percentage rounded to 2 decimals
/// (midpoint away from zero);</description></item>
/// <item><description><c>NPS</c>: 100 × (promoters − detractors) ÷ all answers, rounded to 2 decimals the same way;</description></item>
/// <item><description><c>OTHER</c>: the value; <c>RATIO</c>: numerator ÷ denominator, rounded to 6 decimals.</description></item>
/// </list>
/// <para>Thread-safe; the journey is not (use it from one thread).</para>
/// </remarks>
public static class TheyDoInterchange
{
    /// <summary>
    /// Imports a metrics file: records each data point as an observation of the metric its import key maps to, or
    /// corrects the observation of that date when its value differs (a re-import changes nothing). All or nothing: the
    /// import is rehearsed on a copy of the journey first.
    /// </summary>
    /// <param name="journey">The journey that holds the target metrics.</param>
    /// <param name="actor">Who imports.</param>
    /// <param name="file">The file, from <see cref="TheyDoJson.ReadMetrics"/>.</param>
    /// <param name="targets">For every import key of the file, the metric widget it feeds.</param>
    /// <param name="reason">Why, recorded on every event.</param>
    /// <returns>How many observations were recorded and corrected.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TheyDoImportException">An import key has no target or its target is not a metric of the journey,
    /// a data point carries dimensions (segments), has no answers or a zero denominator, two points share a date, or
    /// the journey refuses a value (inner <see cref="JourneyRuleException"/>); <see cref="TheyDoImportException.Path"/>
    /// says where in the file. The journey is unchanged.</exception>
    public static (int Recorded, int Corrected) ImportMetrics(Journey journey, Actor actor, TheyDoMetricsFile file, IReadOnlyDictionary<string, WidgetId> targets, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(targets);
        var plan = Plan(journey, file, targets);

        // Rehearse on a copy so that a refusal half-way leaves the real journey untouched.
        var rehearsal = Journey.FromSnapshot(journey.ToSnapshot(), journey.Clock);
        Apply(rehearsal, actor, plan, reason);
        return Apply(journey, actor, plan, reason);
    }

    /// <summary>
    /// Exports metrics of a journey as a TheyDo metrics file: each mapped metric widget becomes an <c>OTHER</c> metric
    /// (aggregated by <c>AVERAGE</c>) with one data point per observation, its title, unit and target, and the target's
    /// good side from the metric's direction.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <param name="importKeys">The metric widgets to export, each with the import key it gets in the file, in this order.</param>
    /// <returns>The file, for <see cref="TheyDoJson.WriteMetrics"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A widget is not a metric of the journey.</exception>
    public static TheyDoMetricsFile ExportMetrics(Journey journey, IEnumerable<KeyValuePair<WidgetId, string>> importKeys)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(importKeys);
        var metrics = new List<TheyDoMetric>();
        foreach (var (id, key) in importKeys)
        {
            if (journey.FindWidget(id, out _) is not MetricWidget metric)
            {
                throw new ArgumentException($"Widget {id} is not a metric of journey '{journey.Name}'.", nameof(importKeys));
            }

            var points = metric.Observations.Select(o => (TheyDoDataPoint)new TheyDoOtherPoint(o.Date, null, o.Value));
            metrics.Add(new TheyDoMetric(TheyDoMetricType.Other, key, metric.Title, metric.Unit, ValueList<TheyDoDataPoint>.From(points.ToList()))
            {
                Target = metric.Target,
                TargetComparison = metric.Target is null ? null : metric.Direction == MetricDirection.HigherIsBetter ? TheyDoTargetComparison.MoreThanOrEqualTo : TheyDoTargetComparison.LessThanOrEqualTo,
                Aggregation = TheyDoAggregation.Average,
            });
        }

        return new TheyDoMetricsFile(ValueList<TheyDoMetric>.From(metrics));
    }

    /// <summary>The value a data point records, by the documented formulas.</summary>
    /// <param name="point">The data point.</param>
    /// <returns>The value, or <see langword="null"/> when it has none (no answers, a zero denominator).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="point"/> is <see langword="null"/>.</exception>
    public static decimal? ValueOf(TheyDoDataPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point switch
        {
            TheyDoCesPoint p => p.Score,
            TheyDoCsatPoint p => Percent((decimal)p.Satisfied + p.VerySatisfied, (decimal)p.VeryUnsatisfied + p.Unsatisfied + p.Neutral + p.Satisfied + p.VerySatisfied),
            TheyDoNpsPoint p => Percent((decimal)p.Promoters - p.Detractors, (decimal)p.Detractors + p.Passives + p.Promoters),
            TheyDoOtherPoint p => p.Value,
            TheyDoRatioPoint p => p.Denominator == 0 ? null : Math.Round((decimal)p.Numerator / p.Denominator, 6, MidpointRounding.AwayFromZero),
            _ => throw new ArgumentException($"{point.GetType().Name} is not a TheyDo data point this version knows.", nameof(point)),
        };

        static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
    }

    private static List<(WidgetId Metric, NodaTime.LocalDate Date, decimal Value, string Path, string Key)> Plan(Journey journey, TheyDoMetricsFile file, IReadOnlyDictionary<string, WidgetId> targets)
    {
        var plan = new List<(WidgetId, NodaTime.LocalDate, decimal, string, string)>();
        for (var i = 0; i < file.Metrics.Count; i++)
        {
            var metric = file.Metrics[i];
            var path = $"$.metrics[{i}]";
            if (!targets.TryGetValue(metric.ImportKey, out var target))
            {
                throw new TheyDoImportException($"No target for import key \"{metric.ImportKey}\": map it to the metric it feeds, or leave the metric out of the file.", path + ".importKey", metric.ImportKey);
            }

            if (journey.FindWidget(target, out _) is not MetricWidget)
            {
                throw new TheyDoImportException($"Import key \"{metric.ImportKey}\" is mapped to {target}, which is not a metric of journey '{journey.Name}'.", path + ".importKey", metric.ImportKey);
            }

            var dates = new HashSet<NodaTime.LocalDate>();
            for (var j = 0; j < metric.DataPoints.Count; j++)
            {
                var point = metric.DataPoints[j];
                var pointPath = $"{path}.dataPoints[{j}]";
                if (point.Dimensions is { Count: > 0 })
                {
                    throw new TheyDoImportException("The data point is segmented (it has dimensions); this version imports unsegmented data points only: import the totals, or leave the segments out.", pointPath + ".dimensions", metric.ImportKey);
                }

                if (!dates.Add(point.Date))
                {
                    throw new TheyDoImportException($"A second data point on {point.Date:uuuu-MM-dd} for import key \"{metric.ImportKey}\": a metric holds one value per date.", pointPath + ".dateOfMeasurement", metric.ImportKey);
                }

                var value = ValueOf(point) ?? throw new TheyDoImportException("The data point has no value: no answers, or a zero denominator.", pointPath, metric.ImportKey);
                plan.Add((target, point.Date, value, pointPath, metric.ImportKey));
            }
        }

        return plan;
    }

    private static (int Recorded, int Corrected) Apply(Journey journey, Actor actor, List<(WidgetId Metric, NodaTime.LocalDate Date, decimal Value, string Path, string Key)> plan, string? reason)
    {
        var (recorded, corrected) = (0, 0);
        foreach (var (metric, date, value, path, key) in plan)
        {
            try
            {
                var series = ((MetricWidget)journey.FindWidget(metric, out _)!).Observations;
                if (!series.TryGetValue(date, out var existing))
                {
                    journey.RecordObservation(actor, metric, date, value, reason);
                    recorded++;
                }
                else if (existing != value)
                {
                    journey.CorrectObservation(actor, metric, date, value, reason);
                    corrected++;
                }
            }
            catch (JourneyRuleException ex)
            {
                throw new TheyDoImportException($"The journey refuses the value {value} of import key \"{key}\" on {date:uuuu-MM-dd}: {ex.Message}", path, key, ex);
            }
        }

        return (recorded, corrected);
    }
}
