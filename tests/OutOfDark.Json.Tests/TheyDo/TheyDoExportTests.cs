using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>Metrics going out to TheyDo: what the file cannot carry is reported, never changed silently.</summary>
public sealed class TheyDoExportTests
{
    private static readonly Actor Crm = TheyDoSamples.Crm;
    private static readonly LocalDate Day = new(2026, 9, 1);
    private readonly Journey _journey;
    private readonly ActivityId _refund;

    public TheyDoExportTests() => _journey = TheyDoSamples.ReturnsJourney(out _, out _refund);

    private TheyDoMetricsExport Export(params WidgetId[] metrics) =>
        TheyDoInterchange.ExportMetrics(_journey, metrics.Select((m, i) => KeyValuePair.Create(m, $"metric-{i}")));

    [Fact]
    public void An_nps_metric_with_answers_on_some_days_and_plain_values_on_others_is_written_as_other_and_reported()
    {
        var nps = _journey.AddWidget(Crm, _refund, new MetricWidget("NPS") { Unit = "points", Kind = MetricKind.Nps });
        _journey.RecordAnswers(Crm, nps, Day, AnswerDistribution.NpsGroups(20, 30, 50));
        _journey.RecordObservation(Crm, nps, Day.PlusDays(1), 35m);

        var export = Export(nps);

        var metric = Assert.Single(export.File.Metrics);
        Assert.Equal((TheyDoMetricType.Other, TheyDoAggregation.Average), (metric.Type, metric.Aggregation));
        Assert.Equal([new TheyDoOtherPoint(Day, null, 30m), new TheyDoOtherPoint(Day.PlusDays(1), null, 35m)], metric.DataPoints);
        var downgrade = Assert.Single(export.Downgrades);
        Assert.Equal(new TheyDoMetricDowngrade(nps, "metric-0", "NPS", TheyDoMetricType.Other, TheyDoDowngradeReason.MixedObservations, 1,
            "TheyDo's NPS type needs its answer counts on every data point, and not every observation has it: written as OTHER aggregated by AVERAGE with every observation's score, the answer counts of 1 observation(s) dropped."), downgrade);
        TheyDoSamples.AssertValidMetrics(TheyDoJson.WriteMetrics(export.File));
    }

    [Fact]
    public void A_metric_whose_kind_has_no_theydo_type_is_reported_with_its_dropped_sample_sizes_and_thresholds()
    {
        var spend = _journey.AddWidget(Crm, _refund, new MetricWidget("Refund spend") { Unit = "EUR", Kind = MetricKind.Currency, Direction = MetricDirection.LowerIsBetter, WarningThreshold = 100m, CriticalThreshold = 200m });
        _journey.RecordObservation(Crm, spend, Segment.All, new Observation(Day, 90m) { SampleSize = 12 });

        var export = Export(spend);

        Assert.Equal(TheyDoMetricType.Other, export.File.Metrics[0].Type);
        Assert.Equal(
            [
                (TheyDoDowngradeReason.KindWithoutType, 1, "TheyDo has no type for a currency metric: written as OTHER aggregated by AVERAGE, every value kept."),
                (TheyDoDowngradeReason.SampleSizesDropped, 1, "1 observation(s) carry a sample size; TheyDo's OTHER values have no respondents: the sample sizes are dropped."),
                (TheyDoDowngradeReason.ThresholdsDropped, 0, "TheyDo's metrics have a target only: the warning and critical thresholds are not written."),
            ],
            export.Downgrades.Select(d => (d.Reason, d.Observations, d.Explanation)));
    }

    [Fact]
    public void Nps_answers_per_score_are_reported_as_grouped_and_ces_answers_as_dropped()
    {
        var nps = _journey.AddWidget(Crm, _refund, new MetricWidget("NPS") { Unit = "points", Kind = MetricKind.Nps });
        _journey.RecordAnswers(Crm, nps, Day, AnswerDistribution.Of(SurveyScale.Nps, 1, 0, 0, 0, 0, 0, 1, 2, 0, 3, 3));
        var ces = _journey.AddWidget(Crm, _refund, new MetricWidget("Effort") { Unit = "score", Kind = MetricKind.Ces, Direction = MetricDirection.LowerIsBetter });
        _journey.RecordAnswers(Crm, ces, Day, AnswerDistribution.Of(SurveyScale.Ces, 4, 3, 2, 1, 0, 0, 0));

        var export = Export(nps, ces);

        Assert.Equal([TheyDoMetricType.Nps, TheyDoMetricType.Ces], export.File.Metrics.Select(m => m.Type));
        Assert.Equal(new TheyDoNpsPoint(Day, null, 2, 2, 6), export.File.Metrics[0].DataPoints.Single());
        Assert.Equal(new TheyDoCesPoint(Day, null, 2m, 10), export.File.Metrics[1].DataPoints.Single());
        Assert.Equal([(nps, TheyDoDowngradeReason.AnswersGrouped, 1), (ces, TheyDoDowngradeReason.AnswersDropped, 1)], export.Downgrades.Select(d => (d.Metric, d.Reason, d.Observations)));
    }

    [Fact]
    public void The_report_names_the_type_as_the_file_writes_it()
    {
        var spend = _journey.AddWidget(Crm, _refund, new MetricWidget("Refund spend") { Unit = "EUR", Kind = MetricKind.Currency });
        _journey.RecordObservation(Crm, spend, Day, 90m);
        _journey.RecordObservation(Crm, spend, Day.PlusDays(1), 95m);

        var downgrade = Assert.Single(Export(spend).Downgrades);

        Assert.Equal(("OTHER", 2), (downgrade.WrittenAsType, downgrade.Observations));
        Assert.Equal(["CSAT", "NPS", "CES", "OTHER", "RATIO"], new[] { TheyDoMetricType.Csat, TheyDoMetricType.Nps, TheyDoMetricType.Ces, TheyDoMetricType.Other, TheyDoMetricType.Ratio }.Select(TheyDoJson.TypeName));
    }

    [Fact]
    public void Two_metrics_under_one_import_key_are_refused_before_anything_is_written()
    {
        var a = _journey.AddWidget(Crm, _refund, new MetricWidget("Spend") { Unit = "EUR", Kind = MetricKind.Currency });
        var b = _journey.AddWidget(Crm, _refund, new MetricWidget("Returns") { Unit = "returns" });

        var ex = Assert.Throws<ArgumentException>(() => TheyDoInterchange.ExportMetrics(_journey, [KeyValuePair.Create(a, "same"), KeyValuePair.Create(b, "same")]));

        Assert.Equal($"The import key \"same\" is given to widget {a} and to widget {b}: TheyDo's file needs one key per metric (its own import refuses the file), so give each metric its own key. (Parameter 'importKeys')", ex.Message);
    }

    [Fact]
    public void A_metric_without_a_unit_is_refused_naming_it_and_what_to_do()
    {
        var nps = _journey.AddWidget(Crm, _refund, new MetricWidget("NPS") { Kind = MetricKind.Nps });

        var ex = Assert.Throws<ArgumentException>(() => Export(nps));

        Assert.Equal($"Metric 'NPS' ({nps}, import key \"metric-0\") has no unit, and every TheyDo metric requires one: give the metric a unit (for example \"%\", \"points\" or \"returns\") with Journey.ChangeWidget, or leave it out of the export. (Parameter 'importKeys')", ex.Message);
    }

    /// <summary>
    /// Any mix of answered and plain observations of a CSAT metric: the file is CSAT exactly when every observation
    /// has its answers; otherwise OTHER with every value, and the report counts the answered observations it dropped.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property A_csat_metric_is_written_as_csat_or_reported_as_downgraded()
    {
        var observation = Gen.OneOf(
            Gen.Choose(1, 20).ArrayOf(5).Select(c => (Answers: (AnswerDistribution?)AnswerDistribution.Of(SurveyScale.Csat, c), Value: 0m)),
            Gen.Choose(0, 100).Select(v => (Answers: (AnswerDistribution?)null, Value: (decimal)v)));
        return Prop.ForAll(observation.ListOf().Where(l => l.Count is > 0 and < 8).ToArbitrary(), list =>
        {
            var journey = TheyDoSamples.ReturnsJourney(out _, out var refund);
            var csat = journey.AddWidget(Crm, refund, new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Csat });
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Answers is { } answers)
                {
                    journey.RecordAnswers(Crm, csat, Day.PlusDays(i), answers);
                }
                else
                {
                    journey.RecordObservation(Crm, csat, Day.PlusDays(i), list[i].Value);
                }
            }

            var export = TheyDoInterchange.ExportMetrics(journey, [KeyValuePair.Create(csat, "csat")]);

            var answered = list.Count(o => o.Answers is not null);
            var metric = export.File.Metrics.Single();
            Assert.Equal(answered == list.Count ? TheyDoMetricType.Csat : TheyDoMetricType.Other, metric.Type);
            Assert.Equal(journey.FindMetric(csat, out _, out _)!.Observations.Select(o => o.Value), metric.DataPoints.Select(p => TheyDoInterchange.ValueOf(p)!.Value));
            Assert.Equal(answered == list.Count ? [] : [(TheyDoDowngradeReason.MixedObservations, answered)], export.Downgrades.Select(d => (d.Reason, d.Observations)));
            TheyDoSamples.AssertValidMetrics(TheyDoJson.WriteMetrics(export.File));
        });
    }
}
