using System;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>Acknowledgements and snoozes of a metric rule's warning about one segment, and split settings, in JSON.</summary>
public sealed class SegmentWarningStateTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly Segment FirstTimeDe = Segment.Of(("region", "DE"), ("customer", "first-time buyer"));

    private static (Journey Journey, WidgetId Csat, FakeClock Clock) Journey()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 10, 1, 9, 0));
        var journey = OutOfDark.Journey.Create(Ana, WorkspaceId.New(), "Online store", clock);
        var buy = journey.AddActivity(Ana, journey.AddPhase(Ana, "Buy"), "Checkout", ActivityKind.Touchpoint);
        var csat = journey.AddWidget(Ana, buy, new MetricWidget(WidgetId.New(), "CSAT") { Unit = "%", WarningThreshold = 70 });
        journey.RecordObservation(Ana, csat, FirstTimeDe, new Observation(new LocalDate(2026, 10, 1), 65m));
        journey.SetRuleSettings(Ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.Dimensions, SplitKeys = ValueList<string>.Of("region") });
        return (journey, csat, clock);
    }

    [Fact]
    public void A_segments_acknowledgement_and_snooze_and_the_split_settings_round_trip_through_a_document_and_an_event_stream()
    {
        var (journey, csat, clock) = Journey();
        var de = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(csat, FirstTimeDe));
        var all = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(csat));
        journey.SnoozeWarning(Ana, de, clock.GetCurrentInstant() + Duration.FromDays(3), "campaign running");
        journey.AcknowledgeWarning(Ana, all, "known");

        var bytes = JourneyJsonSerializer.Default.SerializeDocument(journey.ToSnapshot());
        var read = JourneyJsonSerializer.Default.DeserializeDocument(bytes);
        var stream = JourneyJsonSerializer.Default.SerializeEventStream(journey.PendingEvents);
        var replayed = JourneyJsonSerializer.Default.ReplayEventStream(stream, new FakeClock(Instant.FromUtc(2026, 10, 2, 0, 0)));

        Assert.Contains("{\"id\":\"metric:" + csat.Value.ToString("D") + "\",\"segment\":{\"customer\":\"first-time buyer\",\"region\":\"DE\"}}", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("\"splitBy\":\"dimensions\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("\"splitKeys\":[\"region\"]", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var status = Assert.Single(read.Warnings, w => w.Key == de);
        Assert.Equal((WarningHandling.Snoozed, "campaign running"), (status.Handling, status.Note));
        Assert.Equal("known", Assert.Single(read.Warnings, w => w.Key == all).Note);
        Assert.Equal(WarningHandling.Snoozed, replayed.FindWarningStatus(de)!.Handling);
        Assert.Equal(WarningHandling.Acknowledged, replayed.FindWarningStatus(all)!.Handling);
        var settings = Assert.IsType<MetricThresholdSettings>(replayed.RuleSettings.Rules[MetricThresholdRule.RuleId]);
        Assert.Equal((SegmentSplit.Dimensions, ValueList<string>.Of("region")), (settings.SplitBy, settings.SplitKeys));
    }

    [Theory]
    [InlineData("{\"id\":\"activity:0f8fad5b-d9cb-469f-a165-70867728950e\",\"segment\":{\"region\":\"DE\"}}", "Only a metric's subject carries a segment")]
    [InlineData("{\"id\":\"metric:0f8fad5b-d9cb-469f-a165-70867728950e\"}", "needs both \\\"id\\\"")]
    [InlineData("{\"id\":\"metric:0f8fad5b-d9cb-469f-a165-70867728950e\",\"segment\":{\"region\":\"DE\"},\"x\":1}", "has \\\"id\\\" and \\\"segment\\\" only")]
    public void A_segment_subject_that_cannot_be_read_is_refused_saying_what_it_needs(string subject, string expected)
    {
        var (journey, csat, _) = Journey();
        journey.AcknowledgeWarning(Ana, new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(csat, FirstTimeDe)));
        var text = Encoding.UTF8.GetString(JourneyJsonSerializer.Default.SerializeDocument(journey.ToSnapshot()));
        var written = "{\"id\":\"metric:" + csat.Value.ToString("D") + "\",\"segment\":{\"customer\":\"first-time buyer\",\"region\":\"DE\"}}";
        Assert.Contains(written, text, StringComparison.Ordinal);

        var ex = Assert.ThrowsAny<Exception>(() => JourneyJsonSerializer.Default.DeserializeDocument(Encoding.UTF8.GetBytes(text.Replace(written, subject, StringComparison.Ordinal))));

        Assert.Contains(expected.Replace("\\\"", "\"", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
    }
}
