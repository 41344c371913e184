using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Json.TheyDo;

/// <summary>
/// Moves TheyDo metrics data into a journey's metrics and back. Each TheyDo metric is placed by its <c>importKey</c>: the
/// caller maps every key of the file to the metric it feeds: a metric widget on an activity, or a KPI of the journey or of a phase. See docs/interchange.md for what maps and
/// what does not.
/// </summary>
/// <remarks>
/// <para>
/// A data point's <c>dimensions</c> become its <see cref="Segment"/> (none, or an empty list: all customers). What it
/// records, by type:
/// </para>
/// <list type="bullet">
/// <item><description><c>CSAT</c> and <c>NPS</c> on a metric of kind <see cref="MetricKind.Csat"/> /
/// <see cref="MetricKind.Nps"/>: the answer counts (<see cref="AnswerDistribution"/>; NPS as its three groups), so the
/// value is their score (% of 4–5 answers; % promoters − % detractors; 1 decimal, midpoint away from zero) and the
/// sample size their total. On a percentage (CSAT only) or score metric: that score as a value, with the total as sample size;</description></item>
/// <item><description><c>CES</c>: the score as the value and <c>respondents</c> as the sample size (TheyDo sends no counts);</description></item>
/// <item><description><c>OTHER</c>: the value; <c>RATIO</c>: numerator ÷ denominator, rounded to 6 decimals, and on a
/// <see cref="MetricKind.Percentage"/> metric whose unit is <c>%</c> that quotient × 100 (1/4 is 25).</description></item>
/// </list>
/// <para>
/// A data point whose type does not fit the metric's kind is refused, never recorded as something else: <c>CSAT</c>
/// feeds a CSAT, percentage or score metric; <c>NPS</c> an NPS or score metric; <c>CES</c> a CES or score metric;
/// <c>RATIO</c> a ratio metric or a percentage metric with unit <c>%</c>; <c>OTHER</c> any metric.
/// </para>
/// <para>Thread-safe; the journey is not (use it from one thread).</para>
/// </remarks>
public static partial class TheyDoInterchange
{
    /// <summary>
    /// Imports a metrics file: records each data point as an observation of its segment of the metric its import key
    /// maps to, or corrects the observation of that segment and date when it differs (a re-import changes nothing). All
    /// or nothing: the import is rehearsed on a copy of the journey first.
    /// </summary>
    /// <param name="journey">The journey that holds the target metrics.</param>
    /// <param name="actor">Who imports.</param>
    /// <param name="file">The file, from <see cref="TheyDoJson.ReadMetrics"/>.</param>
    /// <param name="targets">For every import key of the file, the metric it feeds (an activity's metric widget, a journey KPI or a phase KPI).</param>
    /// <param name="reason">Why, recorded on every event.</param>
    /// <returns>How many observations were recorded and corrected.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TheyDoImportException">An import key has no target or its target is not a metric of the journey,
    /// two metrics of the file share an import key, two keys map to the same metric, a <c>CES</c> score is outside 1–7, a data point's type does not fit the kind of the metric it feeds (for example
    /// <c>NPS</c> into a CES metric, <c>RATIO</c> into a percentage metric whose unit is not <c>%</c>),
    /// a data point's dimensions are not a valid segment, it has no answers, too many (over
    /// <see cref="AnswerDistribution.MaxAnswers"/>) or a zero denominator, two points of a metric share a segment and
    /// date, or the journey refuses a value (inner <see cref="JourneyRuleException"/>);
    /// <see cref="TheyDoImportException.Path"/> says where in the file. The journey is unchanged.</exception>
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
    /// Exports metrics of a journey as a TheyDo metrics file, every segment's observations as data points with their
    /// dimensions, and reports every change TheyDo's file forces on a metric. A <see cref="MetricKind.Csat"/> or
    /// <see cref="MetricKind.Nps"/> metric whose observations all carry their answers becomes a <c>CSAT</c> /
    /// <c>NPS</c> metric with the counts; a <see cref="MetricKind.Ces"/> metric whose observations all carry a sample
    /// size becomes a <c>CES</c> metric (score and respondents); any other becomes an <c>OTHER</c> metric aggregated by
    /// <c>AVERAGE</c>. Title, unit and target are kept, and the target's good side comes from the metric's direction.
    /// </summary>
    /// <remarks>
    /// Nothing is changed silently: each of these is listed in <see cref="TheyDoMetricsExport.Downgrades"/> with its
    /// <see cref="TheyDoDowngradeReason"/> — a kind with no TheyDo type (count, percentage, currency, score: written as
    /// <c>OTHER</c>), a ratio without its terms, a CSAT/NPS/CES metric whose observations do not all carry answers or a
    /// sample size (written as <c>OTHER</c>, answer counts dropped), 0–10 NPS answers summed into three groups, CES
    /// answer counts dropped, sample sizes of <c>OTHER</c> values dropped, warning and critical thresholds dropped.
    /// </remarks>
    /// <param name="journey">The journey.</param>
    /// <param name="importKeys">The metric widgets to export, each with the import key it gets in the file, in this order.</param>
    /// <returns>The file and the downgrade report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two widgets are given the same import key (TheyDo's file holds one metric per
    /// key), a widget is not a metric of the journey, or a metric has no unit: TheyDo
    /// requires <c>unit</c> on every metric, so give the metric one (<see cref="Journey.ChangeWidget"/>) or leave it
    /// out. Nothing is exported.</exception>
    public static TheyDoMetricsExport ExportMetrics(Journey journey, IEnumerable<KeyValuePair<WidgetId, string>> importKeys)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(importKeys);
        var metrics = new List<TheyDoMetric>();
        var downgrades = new List<TheyDoMetricDowngrade>();
        var keys = new Dictionary<string, WidgetId>(StringComparer.Ordinal);
        foreach (var (id, key) in importKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(importKeys));
            if (!keys.TryAdd(key, id))
            {
                throw new ArgumentException($"The import key \"{key}\" is given to widget {keys[key]} and to widget {id}: TheyDo's file needs one key per metric (its own import refuses the file), so give each metric its own key.", nameof(importKeys));
            }


            if (journey.FindMetric(id, out _, out _) is not { } metric)
            {
                throw new ArgumentException($"Widget {id} is not a metric of journey '{journey.Name}'.", nameof(importKeys));
            }

            if (string.IsNullOrWhiteSpace(metric.Unit))
            {
                throw new ArgumentException($"Metric '{metric.Title}' ({id}, import key \"{key}\") has no unit, and every TheyDo metric requires one: give the metric a unit (for example \"%\", \"points\" or \"returns\") with Journey.ChangeWidget, or leave it out of the export.", nameof(importKeys));
            }

            var all = new List<(Segment Segment, Observation Observation)>();
            all.AddRange(metric.Observations.Select(o => (Segment.All, o)));
            all.AddRange(metric.Segments.SelectMany(s => s.Observations.Select(o => (s.Segment, o))));
            var type = metric.Kind switch
            {
                MetricKind.Csat when all.All(x => x.Observation.Answers?.Scale == SurveyScale.Csat) => TheyDoMetricType.Csat,
                MetricKind.Nps when all.All(x => x.Observation.Answers?.Scale == SurveyScale.Nps) => TheyDoMetricType.Nps,
                MetricKind.Ces when all.All(x => x.Observation.SampleSize is not null) => TheyDoMetricType.Ces,
                _ => TheyDoMetricType.Other,
            };
            downgrades.AddRange(Downgrades(metric, key, type, all.Select(x => x.Observation).ToList()));
            var points = all.OrderBy(x => x.Observation.Date).Select(x => Point(type, x.Segment, x.Observation)).ToList();
            metrics.Add(new TheyDoMetric(type, key, metric.Title, metric.Unit, ValueList<TheyDoDataPoint>.From(points))
            {
                Target = metric.Target,
                TargetComparison = metric.Target is null ? null : metric.Direction == MetricDirection.HigherIsBetter ? TheyDoTargetComparison.MoreThanOrEqualTo : TheyDoTargetComparison.LessThanOrEqualTo,
                Aggregation = type == TheyDoMetricType.Other ? TheyDoAggregation.Average : null,
            });
        }

        return new TheyDoMetricsExport(new TheyDoMetricsFile(ValueList<TheyDoMetric>.From(metrics)), ValueList<TheyDoMetricDowngrade>.From(downgrades));
    }

    private static IEnumerable<TheyDoMetricDowngrade> Downgrades(MetricWidget metric, string key, TheyDoMetricType type, List<Observation> observations)
    {
        TheyDoMetricDowngrade Of(TheyDoDowngradeReason reason, int count, string text) => new(metric.Id, key, metric.Title, type, reason, count, text);
        var answered = observations.Count(o => o.Answers is not null);
        switch (metric.Kind)
        {
            case MetricKind.Count or MetricKind.Percentage or MetricKind.Currency or MetricKind.Score:
                yield return Of(TheyDoDowngradeReason.KindWithoutType, observations.Count, $"TheyDo has no type for a {metric.Kind.ToString().ToLowerInvariant()} metric: written as OTHER aggregated by AVERAGE, every value kept.");
                break;
            case MetricKind.Ratio:
                yield return Of(TheyDoDowngradeReason.RatioWithoutTerms, observations.Count, "The metric holds quotients, not the numerator and denominator TheyDo's RATIO needs: written as OTHER aggregated by AVERAGE with the quotients as values.");
                break;
            case MetricKind.Csat or MetricKind.Nps or MetricKind.Ces when type == TheyDoMetricType.Other:
                var needs = metric.Kind == MetricKind.Ces ? "a sample size" : "its answer counts";
                yield return Of(TheyDoDowngradeReason.MixedObservations, answered, $"TheyDo's {metric.Kind.ToString().ToUpperInvariant()} type needs {needs} on every data point, and not every observation has it: written as OTHER aggregated by AVERAGE with every observation's score, the answer counts of {answered} observation(s) dropped.");
                break;
        }

        if (type == TheyDoMetricType.Nps && observations.Count(o => o.Answers is { IsGrouped: false }) is > 0 and var perAnswer)
        {
            yield return Of(TheyDoDowngradeReason.AnswersGrouped, perAnswer, $"{perAnswer} observation(s) hold answers per 0–10 score; TheyDo's NPS has the three groups only: written as detractors (0–6), passives (7–8) and promoters (9–10), the score unchanged.");
        }

        if (type == TheyDoMetricType.Ces && answered > 0)
        {
            yield return Of(TheyDoDowngradeReason.AnswersDropped, answered, $"{answered} observation(s) hold CES answer counts (1–7); TheyDo's CES has the score and the number of respondents only: the counts are dropped.");
        }

        if (type == TheyDoMetricType.Other && observations.Count(o => o.SampleSize is not null && o.Answers is null) is > 0 and var sized)
        {
            yield return Of(TheyDoDowngradeReason.SampleSizesDropped, sized, $"{sized} observation(s) carry a sample size; TheyDo's OTHER values have no respondents: the sample sizes are dropped.");
        }

        if (metric.WarningThreshold is not null || metric.CriticalThreshold is not null)
        {
            yield return Of(TheyDoDowngradeReason.ThresholdsDropped, 0, "TheyDo's metrics have a target only: the warning and critical thresholds are not written.");
        }
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

        // The same definition and rounding as AnswerDistribution.Score.
        static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
    }

    private static TheyDoDataPoint Point(TheyDoMetricType type, Segment segment, Observation o)
    {
        var dimensions = segment.IsAll ? null : ValueList<TheyDoDimension>.From(segment.Dimensions.Select(d => new TheyDoDimension(d.Key, d.Value)).ToList());
        var answers = o.Answers;
        return type switch
        {
            TheyDoMetricType.Csat => new TheyDoCsatPoint(o.Date, dimensions, answers!.CountOf(1), answers.CountOf(2), answers.CountOf(3), answers.CountOf(4), answers.CountOf(5)),
            TheyDoMetricType.Nps => answers!.IsGrouped
                ? new TheyDoNpsPoint(o.Date, dimensions, answers.Counts[0], answers.Counts[1], answers.Counts[2])
                : new TheyDoNpsPoint(o.Date, dimensions, Enumerable.Range(0, 7).Sum(answers.CountOf), answers.CountOf(7) + answers.CountOf(8), answers.CountOf(9) + answers.CountOf(10)),
            TheyDoMetricType.Ces => new TheyDoCesPoint(o.Date, dimensions, o.Value, o.SampleSize!.Value),
            _ => new TheyDoOtherPoint(o.Date, dimensions, o.Value),
        };
    }

    private static List<(WidgetId Metric, Segment Segment, Observation Observation, string Path, string Key)> Plan(Journey journey, TheyDoMetricsFile file, IReadOnlyDictionary<string, WidgetId> targets)
    {
        var plan = new List<(WidgetId, Segment, Observation, string, string)>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var fed = new Dictionary<WidgetId, (string Key, int Index)>();
        for (var i = 0; i < file.Metrics.Count; i++)
        {
            var metric = file.Metrics[i];
            var path = $"$.metrics[{i}]";
            if (!keys.TryAdd(metric.ImportKey, i))
            {
                throw new TheyDoImportException($"The import key \"{metric.ImportKey}\" is also the key of metric {keys[metric.ImportKey]}: each metric of the file needs its own key, or one would overwrite the other; merge the two metrics or give one another key.", path + ".importKey", metric.ImportKey);
            }

            if (!targets.TryGetValue(metric.ImportKey, out var target))
            {
                throw new TheyDoImportException($"No target for import key \"{metric.ImportKey}\": map it to the metric it feeds, or leave the metric out of the file.", path + ".importKey", metric.ImportKey);
            }

            if (journey.FindMetric(target, out _, out _) is not { } widget)
            {
                throw new TheyDoImportException($"Import key \"{metric.ImportKey}\" is mapped to {target}, which is not a metric of journey '{journey.Name}'.", path + ".importKey", metric.ImportKey);
            }

            if (!fed.TryAdd(target, (metric.ImportKey, i)))
            {
                var first = fed[target];
                throw new TheyDoImportException($"Import key \"{metric.ImportKey}\" is mapped to metric {target} ('{widget.Title}'), which import key \"{first.Key}\" (metric {first.Index}) already feeds: one would overwrite the other; map each key to its own metric.", path + ".importKey", metric.ImportKey);
            }

            var seen = new HashSet<(Segment, NodaTime.LocalDate)>();
            for (var j = 0; j < metric.DataPoints.Count; j++)
            {
                var point = metric.DataPoints[j];
                var pointPath = $"{path}.dataPoints[{j}]";
                Segment segment;
                try
                {
                    segment = point.Dimensions is { } dimensions ? Segment.From(dimensions.Select(d => KeyValuePair.Create(d.Key, d.Value))) : Segment.All;
                }
                catch (ArgumentException ex)
                {
                    throw new TheyDoImportException($"The dimensions are not a valid segment: {ex.Message}", pointPath + ".dimensions", metric.ImportKey, ex);
                }

                if (!seen.Add((segment, point.Date)))
                {
                    throw new TheyDoImportException($"A second data point on {point.Date:uuuu-MM-dd} for {(segment.IsAll ? "all customers" : "segment " + segment)} of import key \"{metric.ImportKey}\": a metric holds one value per segment and date.", pointPath + ".dateOfMeasurement", metric.ImportKey);
                }

                plan.Add((target, segment, Observe(widget, point, pointPath, metric.ImportKey), pointPath, metric.ImportKey));
            }
        }

        return plan;
    }

    private static Observation Observe(MetricWidget metric, TheyDoDataPoint point, string path, string key)
    {
        if (Misfit(metric, point) is { } misfit)
        {
            throw new TheyDoImportException(misfit, path, key);
        }

        var value = ValueOf(point) ?? throw new TheyDoImportException("The data point has no value: no answers, or a zero denominator.", path, key);
        if (point is TheyDoRatioPoint && metric.Kind == MetricKind.Percentage)
        {
            // A quotient of 1/4 is 25 % on a percentage metric (documented; the unit is "%", Misfit checked it).
            value = Math.Round(value * 100m, 6, MidpointRounding.AwayFromZero);
        }

        if (point is TheyDoCesPoint { Score: < 1m or > 7m } ces)
        {
            throw new TheyDoImportException($"The CES score {ces.Score} is outside the 1–7 scale; send the mean of 1–7 answers.", path + ".score", key);
        }

        try
        {
            return point switch
            {
                TheyDoCsatPoint p when metric.Kind == MetricKind.Csat => Observation.Of(p.Date, AnswerDistribution.Of(SurveyScale.Csat, p.VeryUnsatisfied, p.Unsatisfied, p.Neutral, p.Satisfied, p.VerySatisfied)),
                TheyDoNpsPoint p when metric.Kind == MetricKind.Nps => Observation.Of(p.Date, AnswerDistribution.NpsGroups(p.Detractors, p.Passives, p.Promoters)),
                TheyDoCsatPoint p => new Observation(p.Date, value) { SampleSize = Total(p.VeryUnsatisfied, p.Unsatisfied, p.Neutral, p.Satisfied, p.VerySatisfied) },
                TheyDoNpsPoint p => new Observation(p.Date, value) { SampleSize = Total(p.Detractors, p.Passives, p.Promoters) },
                TheyDoCesPoint p => new Observation(p.Date, value) { SampleSize = p.Respondents },
                _ => new Observation(point.Date, value),
            };
        }
        catch (ArgumentException ex)
        {
            throw new TheyDoImportException($"The answers cannot be recorded: {ex.Message}", path, key, ex);
        }

        static int Total(params int[] counts)
        {
            var total = counts.Sum(c => (long)c);
            return total <= AnswerDistribution.MaxAnswers
                ? (int)total
                : throw new ArgumentException($"The counts add up to {total}, more than the {AnswerDistribution.MaxAnswers:N0} answers a sample size may hold.");
        }
    }

    /// <summary>Why a data point's type does not fit the target metric's kind, or <see langword="null"/> when it fits.</summary>
    private static string? Misfit(MetricWidget metric, TheyDoDataPoint point)
    {
        var (type, fits) = point switch
        {
            TheyDoCsatPoint => ("CSAT", metric.Kind is MetricKind.Csat or MetricKind.Percentage or MetricKind.Score),
            TheyDoNpsPoint => ("NPS", metric.Kind is MetricKind.Nps or MetricKind.Score),
            TheyDoCesPoint => ("CES", metric.Kind is MetricKind.Ces or MetricKind.Score),
            TheyDoRatioPoint => ("RATIO", metric.Kind is MetricKind.Ratio || (metric.Kind == MetricKind.Percentage && metric.Unit?.Trim() == "%")),
            _ => ("OTHER", true),
        };
        if (fits)
        {
            return null;
        }

        var takes = type switch
        {
            "CSAT" => "a CSAT, percentage or score metric",
            "NPS" => "an NPS or score metric",
            "CES" => "a CES or score metric",
            _ => "a ratio metric, or a percentage metric whose unit is \"%\" (the quotient × 100)",
        };
        var a = type == "NPS" ? "An" : "A";
        return $"{a} {type} data point cannot feed metric '{metric.Title}' of kind {metric.Kind}: its value would mean something else there. {a} {type} data point feeds {takes}; map its import key to such a metric, or change the metric's kind.";
    }

    private static (int Recorded, int Corrected) Apply(Journey journey, Actor actor, List<(WidgetId Metric, Segment Segment, Observation Observation, string Path, string Key)> plan, string? reason)
    {
        var (recorded, corrected) = (0, 0);
        foreach (var (metric, segment, observation, path, key) in plan)
        {
            try
            {
                var series = journey.FindMetric(metric, out _, out _)!.SeriesOf(segment);
                var index = series.IndexOf(observation.Date);
                if (index < 0)
                {
                    journey.RecordObservation(actor, metric, segment, observation, reason);
                    recorded++;
                }
                else if (series[index] != observation)
                {
                    journey.CorrectObservation(actor, metric, segment, observation, reason);
                    corrected++;
                }
            }
            catch (JourneyRuleException ex)
            {
                throw new TheyDoImportException($"The journey refuses the value {observation.Value} of import key \"{key}\" on {observation.Date:uuuu-MM-dd}: {ex.Message}", path, key, ex);
            }
        }

        return (recorded, corrected);
    }
}
