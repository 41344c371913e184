using System;
using System.Linq;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>Metric rules evaluated per segment (<see cref="MetricRuleSettings.SplitBy"/>): one warning per (metric, segment).</summary>
public class SegmentSplitTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly Segment FirstTimeDe = Segment.Of(("region", "DE"), ("customer", "first-time buyer"));
    private static readonly Segment Fr = Segment.Of(("region", "FR"));
    private static readonly Segment App = Segment.Of(("channel", "app"));
    private readonly RuleHarness _h = new(2026, 10, 10);

    private WidgetId Csat()
    {
        var csat = _h.Metric(_h.Activity("Checkout"), "CSAT", target: 80, warning: 70, critical: 60, kind: MetricKind.Csat);
        _h.Journey.RecordObservation(Ana, csat, Segment.All, new Observation(_h.Today, 85m));
        _h.Journey.RecordObservation(Ana, csat, FirstTimeDe, new Observation(_h.Today, 65m));
        _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 55m));
        _h.Journey.RecordObservation(Ana, csat, App, new Observation(_h.Today, 50m));
        return csat;
    }

    private static WarningKey Key(WidgetId metric, Segment segment) => new(MetricThresholdRule.RuleId, WarningSubject.For(metric, segment));

    [Fact]
    public void By_default_only_the_metrics_own_series_is_judged()
    {
        var csat = Csat();
        var engine = _h.Engine();
        engine.Refresh();

        Assert.DoesNotContain(engine.Warnings, w => w.Key.Subject.Segment is not null);
        Assert.Null(engine.Find(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(csat))));
    }

    [Fact]
    public void Every_segment_past_a_threshold_raises_its_own_warning_naming_the_segment()
    {
        var csat = Csat();
        _h.Journey.SetRuleSettings(Ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });
        var engine = _h.Engine();
        engine.Refresh();

        var de = engine.Find(Key(csat, FirstTimeDe))!;
        Assert.Equal(WarningSeverity.Warning, de.Severity);
        Assert.StartsWith("CSAT for customer first-time buyer, region DE fell to 65", de.Message, StringComparison.Ordinal);
        Assert.Contains("metric=CSAT for customer first-time buyer, region DE", RuleHarness.Evidence(de));
        Assert.Equal(WarningSeverity.Critical, engine.Find(Key(csat, Fr))!.Severity);
        Assert.StartsWith("CSAT for region FR fell to 55", engine.Find(Key(csat, Fr))!.Message, StringComparison.Ordinal);
        Assert.NotNull(engine.Find(Key(csat, App)));
        Assert.Null(engine.Find(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(csat))));
        Assert.Equal(3, engine.Warnings.Count(w => w.Key.Rule == MetricThresholdRule.RuleId));
    }

    [Fact]
    public void Splitting_by_dimension_keys_judges_only_segments_cut_by_all_of_them()
    {
        var csat = Csat();
        _h.Journey.SetMetricRuleSettings(Ana, csat, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.Dimensions, SplitKeys = ValueList<string>.Of("region") });
        var engine = _h.Engine();
        engine.Refresh();

        Assert.NotNull(engine.Find(Key(csat, FirstTimeDe)));
        Assert.NotNull(engine.Find(Key(csat, Fr)));
        Assert.Null(engine.Find(Key(csat, App)));

        _h.Journey.SetMetricRuleSettings(Ana, csat, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.Dimensions, SplitKeys = ValueList<string>.Of("region", "customer") });
        engine.Refresh();

        Assert.NotNull(engine.Find(Key(csat, FirstTimeDe)));
        Assert.Null(engine.Find(Key(csat, Fr)));
    }

    [Fact]
    public void An_acknowledgement_holds_for_its_segment_only()
    {
        var csat = Csat();
        _h.Journey.SetRuleSettings(Ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });
        var engine = _h.Engine();
        engine.Refresh();

        engine.Acknowledge(Ana, Key(csat, FirstTimeDe), "campaign for first-time buyers running");
        _h.Journey.RecordObservation(Ana, csat, FirstTimeDe, new Observation(_h.Today.PlusDays(1), 64m));
        engine.Refresh();

        Assert.Equal(WarningState.Acknowledged, engine.StateOf(Key(csat, FirstTimeDe)));
        Assert.Equal(WarningState.Open, engine.StateOf(Key(csat, Fr)));
    }

    [Fact]
    public void Turning_the_split_off_clears_the_segments_warnings_and_a_recovered_segment_clears_its_own()
    {
        var csat = Csat();
        _h.Journey.SetRuleSettings(Ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });
        var engine = _h.Engine();
        engine.Refresh();

        _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today.PlusDays(1), 90m));
        engine.Refresh();
        Assert.Null(engine.Find(Key(csat, Fr)));
        Assert.NotNull(engine.Find(Key(csat, FirstTimeDe)));

        _h.Journey.SetRuleSettings(Ana, MetricThresholdRule.RuleId, new MetricThresholdSettings());
        engine.Refresh();
        Assert.DoesNotContain(engine.Warnings, w => w.Key.Subject.Segment is not null);
    }

    [Fact]
    public void A_segment_subject_reads_as_its_metric_and_segment()
    {
        var metric = new WidgetId(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

        Assert.Equal("metric:0f8fad5b-d9cb-469f-a165-70867728950e (region FR)", WarningSubject.For(metric, Fr).ToString());
        Assert.Equal(WarningSubject.For(metric), WarningSubject.For(metric, Segment.All));
        Assert.NotEqual(WarningSubject.For(metric), WarningSubject.For(metric, Fr));
        Assert.Equal(WarningSubject.For(metric, Segment.Of(("region", "FR"))), WarningSubject.For(metric, Fr));
    }

    [Theory]
    [InlineData(SegmentSplit.Dimensions, new string[0], "SplitBy is Dimensions but SplitKeys has 0 keys; give 1 to 8 dimension keys")]
    [InlineData(SegmentSplit.EverySegment, new[] { "region" }, "SplitKeys names 1 dimension key(s) but SplitBy is EverySegment")]
    [InlineData(SegmentSplit.Dimensions, new[] { " " }, "SplitKeys[0] is ' '; a dimension key is 1 to 500 characters and not blank")]
    [InlineData(SegmentSplit.Dimensions, new[] { "region", "region" }, "SplitKeys names 'region' twice")]
    [InlineData((SegmentSplit)7, new string[0], "SplitBy is 7; it must be None, EverySegment or Dimensions")]
    public void Split_settings_that_cannot_work_are_refused_naming_the_setting(SegmentSplit split, string[] keys, string expected)
    {
        var csat = Csat();

        var ex = _h.Journey.Refused(() => _h.Journey.SetMetricRuleSettings(Ana, csat, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = split, SplitKeys = ValueList<string>.From(keys) }));

        Assert.Equal(JourneyRules.InvalidSettings, ex.Rule);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
