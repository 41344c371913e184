using System;
using System.Text;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>The <c>flow-relabelled</c> event in the JSON format (version 2).</summary>
public sealed class FlowRelabelJsonTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [Fact]
    public void A_relabelling_is_written_as_flow_relabelled_and_read_back_into_the_same_journey()
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Online store", clock);
        var buy = journey.AddPhase(ana, "Buy");
        var flow = journey.AddFlow(ana, journey.AddActivity(ana, buy, "Cart"), journey.AddActivity(ana, buy, "Checkout"), "clicks");
        journey.RelabelFlow(ana, flow, "pays", "clearer");
        journey.RelabelFlow(ana, flow, null);

        var text = Encoding.UTF8.GetString(Json.SerializeEvent(journey.PendingEvents[^2]));
        var cleared = Encoding.UTF8.GetString(Json.SerializeEvent(journey.PendingEvents[^1]));

        Assert.StartsWith($"{{\"type\":\"flow-relabelled\",\"flowId\":\"{flow.Value}\",\"label\":\"pays\",", text, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"clearer\"", text, StringComparison.Ordinal);
        Assert.StartsWith($"{{\"type\":\"flow-relabelled\",\"flowId\":\"{flow.Value}\",\"label\":null,", cleared, StringComparison.Ordinal);
        var read = Json.DeserializeEventStream(Json.SerializeEventStream(journey.PendingEvents));
        Assert.Equal(journey.PendingEvents, read);
        Assert.Null(Journey.Replay(read, clock).FindFlow(flow)!.Label);
        Assert.Equal("flow-relabelled", EventTypes.NameOf(typeof(FlowRelabelled)));
    }
}
