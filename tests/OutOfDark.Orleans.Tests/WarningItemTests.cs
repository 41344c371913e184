using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>A grain's Warnings row keeps what tells two warnings apart, the segment included (no cluster needed).</summary>
public sealed class WarningItemTests
{
    [Fact]
    public void Per_segment_warnings_become_items_with_their_segment_and_the_metrics_own_warning_has_none()
    {
        var ana = new Actor("ana");
        var clock = new FakeClock(Instant.FromUtc(2031, 3, 10, 9, 0));
        var journey = Journey.Create(ana, WorkspaceId.New(), "Shop", clock);
        var checkout = journey.AddActivity(ana, journey.AddPhase(ana, "Buy"), "Checkout");
        var csat = journey.AddWidget(ana, checkout, new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Csat, Target = 80, WarningThreshold = 70, CriticalThreshold = 60 });
        var day = new LocalDate(2031, 3, 9);
        journey.RecordObservation(ana, csat, Segment.All, new Observation(day, 50m));
        journey.RecordObservation(ana, csat, Segment.Of(("region", "DE")), new Observation(day, 65m));
        journey.RecordObservation(ana, csat, Segment.Of(("region", "NL")), new Observation(day, 66m));
        journey.SetRuleSettings(ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });
        var engine = new WarningEngine(journey, clock);
        engine.EvaluateAll();

        var items = engine.View().Where(i => i.Key.Rule == MetricThresholdRule.RuleId).Select(WarningItem.From).OrderBy(i => i.SubjectName, System.StringComparer.Ordinal).ToList();

        Assert.Equal(["CSAT on Checkout", "CSAT on Checkout (region DE)", "CSAT on Checkout (region NL)"], items.Select(i => i.SubjectName));
        Assert.Null(items[0].Segment);
        Assert.Equal(["DE", "NL"], items.Skip(1).Select(i => i.Segment!["region"]));
    }

    [Fact]
    public void Every_item_is_named_as_the_workspace_read_model_names_its_row()
    {
        var ana = new Actor("ana");
        var clock = new FakeClock(Instant.FromUtc(2031, 3, 10, 9, 0));
        var journey = Journey.Create(ana, WorkspaceId.New(), "Shop", clock);
        var buy = journey.AddPhase(ana, "Buy");
        var checkout = journey.AddActivity(ana, buy, "Checkout");
        journey.AddActivity(ana, buy, "Delivery");
        journey.AddPhase(ana, "Later");
        var csat = journey.AddWidget(ana, checkout, new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Csat, Target = 80, WarningThreshold = 70, CriticalThreshold = 60 });
        var day = new LocalDate(2031, 3, 9);
        journey.RecordObservation(ana, csat, Segment.All, new Observation(day, 50m));
        journey.RecordObservation(ana, csat, Segment.Of(("region", "DE")), new Observation(day, 65m));
        journey.SetRuleSettings(ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });
        var engine = new WarningEngine(journey, clock);
        engine.EvaluateAll();

        var rows = WorkspaceWarningProjector.RowsOf(engine).ToDictionary(r => r.Key);
        var items = engine.View().ToDictionary(i => i.Key, WarningItem.From);

        // Metric rows (own series and a segment) and at least one row that is not a metric's.
        Assert.Contains(items.Values, i => i.SubjectName == "CSAT on Checkout (region DE)");
        Assert.Contains(items.Values, i => i.SubjectKind != "Metric");
        Assert.True(rows.Keys.ToHashSet().SetEquals(items.Keys));
        Assert.All(items, pair => Assert.Equal(rows[pair.Key].SubjectName, pair.Value.SubjectName));
    }
}
