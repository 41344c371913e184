using System.Linq;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>Relabelling a flow: one event, the flow's id and ends kept, the label rules of a new flow.</summary>
public sealed class FlowRelabelTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);

    private (Journey Journey, FlowId Flow, ActivityId Cart, ActivityId Checkout) Build(string? label = "clicks")
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        var buy = journey.AddPhase(Ana, "Buy");
        var cart = journey.AddActivity(Ana, buy, "Cart");
        var checkout = journey.AddActivity(Ana, buy, "Checkout");
        var flow = journey.AddFlow(Ana, cart, checkout, label);
        return (journey, flow, cart, checkout);
    }

    [Fact]
    public void Relabelling_a_flow_raises_one_event_and_keeps_its_id_and_ends()
    {
        var (journey, flow, cart, checkout) = Build();
        var count = journey.PendingEvents.Count;

        journey.RelabelFlow(new Actor("bo"), flow, "pays", "clearer");

        var e = Assert.IsType<FlowRelabelled>(Assert.Single(journey.PendingEvents.Skip(count)));
        Assert.Equal((flow, "pays", "bo", "clearer"), (e.FlowId, e.Label, e.Actor, e.Reason));
        Assert.Equal(new Flow(flow, cart, checkout, "pays"), Assert.Single(journey.Flows));
        Assert.Equal("pays", Assert.Single(journey.FlowsFrom(cart)).Label);
        Assert.Equal("pays", Assert.Single(journey.FlowsTo(checkout)).Label);
        Assert.Equal("pays", journey.FindFlow(flow)!.Label);
    }

    [Fact]
    public void A_label_can_be_cleared_and_given_again()
    {
        var (journey, flow, _, _) = Build();

        journey.RelabelFlow(Ana, flow, null);
        Assert.Null(journey.FindFlow(flow)!.Label);
        journey.RelabelFlow(Ana, flow, "buys");
        Assert.Equal("buys", journey.FindFlow(flow)!.Label);
    }

    [Fact]
    public void The_present_label_raises_no_event()
    {
        var (journey, flow, _, _) = Build();
        var version = journey.Version;

        journey.RelabelFlow(Ana, flow, "clicks");

        Assert.Equal(version, journey.Version);
    }

    [Fact]
    public void Relabelling_an_unknown_flow_is_refused()
    {
        var (journey, _, _, _) = Build();
        var missing = FlowId.New();

        var ex = journey.Refused(() => journey.RelabelFlow(Ana, missing, "pays"));

        Assert.Equal(JourneyRules.UnknownFlow, ex.Rule);
        Assert.Contains(missing.ToString(), ex.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("pays\u202E")]
    [InlineData("line\u0007bell")]
    public void A_label_a_new_flow_could_not_have_is_refused(string label)
    {
        var (journey, flow, _, _) = Build();

        var ex = journey.Refused(() => journey.RelabelFlow(Ana, flow, label));

        Assert.Contains("flow label", ex.Message, System.StringComparison.Ordinal);
        Assert.Throws<JourneyRuleException>(() => Build(label));
    }

    [Fact]
    public void History_says_which_flow_was_relabelled_from_what_to_what()
    {
        var (journey, flow, _, _) = Build("x");
        journey.RelabelFlow(new Actor("bo"), flow, "y", "clearer");
        journey.RelabelFlow(new Actor("bo"), flow, null);

        var entries = new JourneyHistory(journey.PendingEvents, _clock).Entries.TakeLast(2).Select(e => e.Description).ToList();

        Assert.Equal(
        [
            "Relabelled the flow from \"Cart\" to \"Checkout\": \"x\" → \"y\"",
            "Relabelled the flow from \"Cart\" to \"Checkout\": \"y\" → (none)",
        ], entries);
    }

    [Fact]
    public void A_replayed_journey_has_the_new_label()
    {
        var (journey, flow, _, _) = Build();
        journey.RelabelFlow(Ana, flow, "pays");

        var replayed = Journey.Replay(journey.PendingEvents, _clock);

        Assert.Equal(journey.ToSnapshot(), replayed.ToSnapshot());
    }
}
