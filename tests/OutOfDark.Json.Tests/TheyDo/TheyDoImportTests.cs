using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>TheyDo metrics landing in a journey's metrics by import key, and going back out.</summary>
public sealed class TheyDoImportTests
{
    private static readonly Actor Crm = TheyDoSamples.Crm;
    private readonly Journey _journey;
    private readonly Dictionary<string, WidgetId> _targets;
    private readonly ActivityId _refund;

    public TheyDoImportTests()
    {
        _journey = TheyDoSamples.ReturnsJourney(out _, out var refund);
        _refund = refund;
        _targets = TheyDoSamples.Targets((_, metric) => _journey.AddWidget(Crm, refund, metric));
    }

    private MetricWidget Metric(string key) => (MetricWidget)_journey.FindWidget(_targets[key], out _)!;

    private decimal? Value(string key, LocalDate date) =>
        ((MetricWidget)_journey.FindWidget(_targets[key], out _)!).Observations.TryGetValue(date, out var v) ? v : null;

    [Fact]
    public void Each_type_lands_in_its_metric_by_the_documented_formula_and_a_reimport_changes_nothing()
    {
        var file = TheyDoSamples.Metrics();

        var (recorded, corrected) = TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets);

        var day = new LocalDate(2026, 9, 30);
        Assert.Equal((6, 0), (recorded, corrected));
        Assert.Equal(80m, Value("returns-csat", new LocalDate(2026, 8, 31)));   // (50 + 30) / 100
        Assert.Equal(81m, Value("returns-csat", day));                          // (41 + 40) / 100
        Assert.Equal(30m, Value("store-nps", day));                             // 50 % promoters − 20 % detractors
        Assert.Equal(2.4m, Value("checkout-effort", day));
        Assert.Equal(41.5m, Value("returns-per-day", day));
        Assert.Equal(0.75m, Value("refund-rate", day));                         // 180 / 240
        var csat = Metric("returns-csat").Observations[1];
        Assert.Equal((100, AnswerDistribution.Of(SurveyScale.Csat, 3, 7, 9, 41, 40)), (csat.SampleSize!.Value, csat.Answers));
        Assert.Equal(AnswerDistribution.NpsGroups(20, 30, 50), Metric("store-nps").Observations[0].Answers);
        Assert.Equal(118, Metric("checkout-effort").Observations[0].SampleSize);
        var version = _journey.Version;
        Assert.Equal((0, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));
        Assert.Equal(version, _journey.Version);
    }

    [Fact]
    public void An_import_key_without_a_target_is_refused_at_its_path_and_nothing_changes()
    {
        var file = TheyDoSamples.Metrics();
        _targets.Remove("returns-per-day");
        var before = _journey.ToSnapshot();

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        Assert.Equal("No target for import key \"returns-per-day\": map it to the metric it feeds, or leave the metric out of the file. (at $.metrics[3].importKey)", ex.Message);
        Assert.Equal(("$.metrics[3].importKey", "returns-per-day"), (ex.Path, ex.ImportKey));
        Assert.Equal(before, _journey.ToSnapshot());
    }

    [Fact]
    public void Dimensions_become_segments_with_their_answers()
    {
        var file = TheyDoSamples.Metrics("metrics-segmented.json");

        Assert.Equal((2, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        var metric = Metric("returns-csat");
        var germanFirstTimers = metric.SeriesOf(Segment.Of(("persona", "First-time buyer"), ("country", "DE"))).Single();
        Assert.Equal((85m, 40), (germanFirstTimers.Value, germanFirstTimers.SampleSize!.Value));   // (20 + 14) / 40
        Assert.Equal(79.7m, metric.SeriesOf(Segment.Of(("country", "NL"))).Single().Value);       // (21 + 26) / 59, 1 decimal
        Assert.Empty(metric.Observations);
    }

    [Fact]
    public void Dimensions_that_are_not_a_segment_are_refused_at_their_path()
    {
        var file = TheyDoSamples.Metrics("metrics-segmented.json");
        var point = (TheyDoCsatPoint)file.Metrics[0].DataPoints[1];
        var twice = point with { Dimensions = ValueList<TheyDoDimension>.Of(new TheyDoDimension("country", "NL"), new TheyDoDimension("country", "BE")) };
        file = file with { Metrics = file.Metrics.SetItem(0, file.Metrics[0] with { DataPoints = file.Metrics[0].DataPoints.SetItem(1, twice) }) };

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        Assert.Equal(("$.metrics[0].dataPoints[1].dimensions", "returns-csat"), (ex.Path, ex.ImportKey));
        Assert.StartsWith("The dimensions are not a valid segment: ", ex.Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_journey_refuses_is_refused_at_its_data_point_and_nothing_changes()
    {
        // The sixth point is dated after "today" (2026-10-01 plus a day of slack): refused only after five were fine.
        var file = TheyDoSamples.Metrics();
        var late = file.Metrics[4] with { DataPoints = file.Metrics[4].DataPoints.Add(new TheyDoRatioPoint(new LocalDate(2026, 12, 1), null, 1, 2)) };
        file = file with { Metrics = file.Metrics.SetItem(4, late) };
        var before = _journey.ToSnapshot();

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        Assert.Equal(("$.metrics[4].dataPoints[1]", "refund-rate"), (ex.Path, ex.ImportKey));
        Assert.IsType<JourneyRuleException>(ex.InnerException);
        Assert.Equal(before, _journey.ToSnapshot());
    }

    private static TheyDoMetricsFile One(TheyDoMetricType type, string key, TheyDoDataPoint point) =>
        new(ValueList<TheyDoMetric>.Of(new TheyDoMetric(type, key, key, "x", ValueList<TheyDoDataPoint>.Of(point)) { Aggregation = type == TheyDoMetricType.Other ? TheyDoAggregation.Average : null }));

    [Fact]
    public void A_ratio_into_a_percentage_metric_with_unit_percent_is_recorded_times_100()
    {
        var share = _journey.AddWidget(Crm, _refund, new MetricWidget("Refund share") { Unit = "%", Kind = MetricKind.Percentage });
        var day = new LocalDate(2026, 9, 30);

        TheyDoInterchange.ImportMetrics(_journey, Crm, One(TheyDoMetricType.Ratio, "share", new TheyDoRatioPoint(day, null, 1, 4)), new Dictionary<string, WidgetId> { ["share"] = share });

        Assert.Equal(25m, ((MetricWidget)_journey.FindWidget(share, out _)!).Observations.Single().Value);
    }

    [Fact]
    public void A_ratio_into_a_percentage_metric_with_another_unit_is_refused_at_its_path()
    {
        var share = _journey.AddWidget(Crm, _refund, new MetricWidget("Refund share") { Unit = "share", Kind = MetricKind.Percentage });

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, One(TheyDoMetricType.Ratio, "share", new TheyDoRatioPoint(new LocalDate(2026, 9, 30), null, 1, 4)), new Dictionary<string, WidgetId> { ["share"] = share }));

        Assert.Equal("A RATIO data point cannot feed metric 'Refund share' of kind Percentage: its value would mean something else there. A RATIO data point feeds a ratio metric, or a percentage metric whose unit is \"%\" (the quotient × 100); map its import key to such a metric, or change the metric's kind. (at $.metrics[0].dataPoints[0])", ex.Message);
    }

    [Fact]
    public void Nps_counts_into_a_ces_metric_are_refused_with_the_path_and_what_to_do_and_nothing_changes()
    {
        var file = One(TheyDoMetricType.Nps, "checkout-effort", new TheyDoNpsPoint(new LocalDate(2026, 9, 30), null, 20, 60, 20));
        var before = _journey.ToSnapshot();

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        Assert.Equal("An NPS data point cannot feed metric 'Effort' of kind Ces: its value would mean something else there. An NPS data point feeds an NPS or score metric; map its import key to such a metric, or change the metric's kind. (at $.metrics[0].dataPoints[0])", ex.Message);
        Assert.Equal(("$.metrics[0].dataPoints[0]", "checkout-effort"), (ex.Path, ex.ImportKey));
        Assert.Equal(before, _journey.ToSnapshot());
    }

    [Fact]
    public void A_data_point_without_answers_is_refused()
    {
        var file = new TheyDoMetricsFile(ValueList<TheyDoMetric>.Of(new TheyDoMetric(TheyDoMetricType.Nps, "store-nps", "NPS", "", ValueList<TheyDoDataPoint>.Of(new TheyDoNpsPoint(new LocalDate(2026, 9, 1), null, 0, 0, 0)))));

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        Assert.Equal("The data point has no value: no answers, or a zero denominator. (at $.metrics[0].dataPoints[0])", ex.Message);
    }

    [Fact]
    public void Exported_metrics_are_a_valid_file_that_imports_back_to_the_same_values()
    {
        TheyDoInterchange.ImportMetrics(_journey, Crm, TheyDoSamples.Metrics(), _targets);

        var export = TheyDoInterchange.ExportMetrics(_journey, _targets.Select(t => KeyValuePair.Create(t.Value, t.Key)));
        var exported = TheyDoJson.WriteMetrics(export.File);

        TheyDoSamples.AssertValidMetrics(exported);
        Assert.Equal([("returns-per-day", TheyDoDowngradeReason.KindWithoutType), ("refund-rate", TheyDoDowngradeReason.RatioWithoutTerms)], export.Downgrades.Select(d => (d.ImportKey, d.Reason)));
        var file = TheyDoJson.ReadMetrics(exported);
        Assert.Equal([TheyDoMetricType.Csat, TheyDoMetricType.Nps, TheyDoMetricType.Ces, TheyDoMetricType.Other, TheyDoMetricType.Other], file.Metrics.Select(m => m.Type));
        Assert.Equal(new TheyDoCsatPoint(new LocalDate(2026, 9, 30), null, 3, 7, 9, 41, 40), file.Metrics[0].DataPoints[1]);
        Assert.Equal(TheyDoTargetComparison.MoreThanOrEqualTo, file.Metrics.Single(m => m.ImportKey == "refund-rate").TargetComparison);
        Assert.Equal((0, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));
    }
    private static TheyDoMetric Other(string key, decimal value) =>
        new(TheyDoMetricType.Other, key, key, "returns", ValueList<TheyDoDataPoint>.From([new TheyDoOtherPoint(new LocalDate(2026, 9, 30), null, value)])) { Aggregation = TheyDoAggregation.Sum };

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public FsCheck.Property Two_metrics_with_one_import_key_are_refused_at_the_second_and_nothing_is_recorded(FsCheck.PositiveInt before, FsCheck.PositiveInt between)
    {
        var metrics = Enumerable.Range(0, before.Get % 3).Select(n => Other(new[] { "returns-csat", "store-nps", "refund-rate" }[n], 1m)).ToList();
        var first = metrics.Count;
        metrics.Add(Other("returns-per-day", 1m));
        metrics.AddRange(Enumerable.Range(0, between.Get % 2).Select(_ => Other("checkout-effort", 2m)));
        var second = metrics.Count;
        metrics.Add(Other("returns-per-day", 2m));
        var journey = Journey.FromSnapshot(_journey.ToSnapshot(), _journey.Clock);
        var snapshot = journey.ToSnapshot();

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(journey, Crm, new TheyDoMetricsFile(ValueList<TheyDoMetric>.From(metrics)), _targets));

        Assert.Equal(($"$.metrics[{second}].importKey", "returns-per-day"), (ex.Path, ex.ImportKey));
        Assert.Contains($"also the key of metric {first}", ex.Message, System.StringComparison.Ordinal);
        Assert.Equal(snapshot, journey.ToSnapshot());
        return FsCheck.Fluent.Prop.ToProperty(true);
    }

    [Fact]
    public void Two_import_keys_mapped_to_one_metric_are_refused_at_the_second_key_and_nothing_is_recorded()
    {
        _targets["returns-per-store"] = _targets["returns-per-day"];
        var file = new TheyDoMetricsFile(ValueList<TheyDoMetric>.From([Other("returns-per-day", 1m), Other("returns-per-store", 2m)]));
        var before = _journey.ToSnapshot();

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        Assert.Equal(("$.metrics[1].importKey", "returns-per-store"), (ex.Path, ex.ImportKey));
        Assert.Equal($"Import key \"returns-per-store\" is mapped to metric {_targets["returns-per-day"]} ('Returns per day'), which import key \"returns-per-day\" (metric 0) already feeds: one would overwrite the other; map each key to its own metric. (at $.metrics[1].importKey)", ex.Message);
        Assert.Equal(before, _journey.ToSnapshot());
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public FsCheck.Property A_ces_score_outside_1_to_7_is_refused_at_its_score(decimal score)
    {
        var point = new TheyDoCesPoint(new LocalDate(2026, 9, 30), null, score, 10);
        var file = new TheyDoMetricsFile(ValueList<TheyDoMetric>.From([new TheyDoMetric(TheyDoMetricType.Ces, "checkout-effort", "Effort", "score", ValueList<TheyDoDataPoint>.From([point]))]));
        var journey = Journey.FromSnapshot(_journey.ToSnapshot(), _journey.Clock);
        var snapshot = journey.ToSnapshot();

        if (score is >= 1m and <= 7m)
        {
            Assert.Equal((1, 0), TheyDoInterchange.ImportMetrics(journey, Crm, file, _targets));
        }
        else
        {
            var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportMetrics(journey, Crm, file, _targets));
            Assert.Equal("$.metrics[0].dataPoints[0].score", ex.Path);
            Assert.Equal(snapshot, journey.ToSnapshot());
        }

        return FsCheck.Fluent.Prop.ToProperty(true);
    }
}
