using System;
using System.Linq;
using NodaTime.Testing;
using Xunit;

namespace OutOfDark.Tests.Blueprint;

/// <summary>Service-blueprint lanes: the built-ins, the journey's own lanes, an activity's lane, and every refusal.</summary>
public sealed class LaneTests
{
    private static readonly Actor Ana = new("ana");
    private readonly Journey _journey;
    private readonly PhaseId _buy;
    private readonly ActivityId _checkout;

    public LaneTests()
    {
        _journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        _buy = _journey.AddPhase(Ana, "Buy");
        _checkout = _journey.AddActivity(Ana, _buy, "Checkout");
    }

    [Fact]
    public void A_journey_has_the_four_built_in_lanes_top_to_bottom_and_a_new_activity_is_frontstage()
    {
        Assert.Equal(["customer-action", "frontstage", "backstage", "support-process"], _journey.Lanes.Select(l => l.Id.Value));
        Assert.Equal(LaneId.Frontstage, _journey.GetActivity(_checkout).Lane);
    }

    [Fact]
    public void Own_lanes_show_by_order_between_the_built_ins()
    {
        _journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);
        _journey.AddLane(Ana, new LaneId("web-shop"), "Web shop", 200);

        Assert.Equal(["customer-action", "frontstage", "web-shop", "backstage", "partners", "support-process"], _journey.Lanes.Select(l => l.Id.Value));
        Assert.Equal([BlueprintLine.Interaction, BlueprintLine.Visibility, BlueprintLine.InternalInteraction], _journey.Lanes.Select(l => l.LineAbove).OfType<BlueprintLine>());
    }

    [Fact]
    public void Moving_an_activity_to_a_lane_is_history_in_the_blueprints_words()
    {
        _journey.SetActivityLane(Ana, _checkout, LaneId.Backstage, "it is the payment run");
        _journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);
        _journey.SetActivityLane(Ana, _checkout, new LaneId("partners"));

        var history = new JourneyHistory(_journey.PendingEvents);

        Assert.Equal(LaneId.Backstage, history.AsOf(4).GetActivity(_checkout).Lane);
        Assert.Contains(history.Entries, e => e.ToString().EndsWith("ana: Moved activity \"Checkout\" to backstage (it is the payment run)", StringComparison.Ordinal));
        Assert.Contains(history.Entries, e => e.ToString().EndsWith("ana: Added lane \"Partners\" (partners) at order 350", StringComparison.Ordinal));
        Assert.Contains(history.Entries, e => e.ToString().EndsWith("ana: Moved activity \"Checkout\" to lane \"Partners\"", StringComparison.Ordinal));
        Assert.Equal(2, history.ForActivity(_checkout).Count(e => e.ToString().Contains("Moved activity \"Checkout\" to", StringComparison.Ordinal)));
    }

    [Fact]
    public void Setting_the_lane_an_activity_already_has_records_nothing()
    {
        var version = _journey.Version;

        _journey.SetActivityLane(Ana, _checkout, LaneId.Frontstage);

        Assert.Equal(version, _journey.Version);
    }

    [Fact]
    public void An_unknown_lane_is_refused_naming_the_built_ins()
    {
        var ex = _journey.Refused(() => _journey.SetActivityLane(Ana, _checkout, new LaneId("partners")));

        Assert.Equal(JourneyRules.UnknownLane, ex.Rule);
        Assert.Equal("Journey 'Online store' has no lane 'partners'. Use a built-in lane (customer-action, frontstage, backstage, support-process) or add the lane first with AddLane.", ex.Message);
    }

    [Fact]
    public void A_built_in_lane_id_for_a_new_lane_is_refused()
    {
        var ex = _journey.Refused(() => _journey.AddLane(Ana, LaneId.Backstage, "Back office", 300));

        Assert.Equal((JourneyRules.DuplicateId, "'backstage' is a built-in lane, present in every journey; give the new lane another id."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void A_taken_lane_id_is_refused()
    {
        _journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);

        var ex = _journey.Refused(() => _journey.AddLane(Ana, new LaneId("partners"), "Resellers", 360));

        Assert.Equal((JourneyRules.DuplicateId, "Lane id 'partners' is already used by lane 'Partners'."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void A_lane_id_that_is_not_a_short_key_is_refused_saying_what_a_key_is()
    {
        var ex = _journey.Refused(() => _journey.AddLane(Ana, new LaneId("Partner Network"), "Partners", 350));

        Assert.Equal(JourneyRules.InvalidValue, ex.Rule);
        Assert.Equal("The lane id \"Partner Network\" holds 'P' at index 0; a lane id is lower-case letters a–z, digits, and (after the first character) '-', '_' or '.', for example \"partner-network\".", ex.Message);
    }

    [Fact]
    public void A_default_lane_id_is_refused()
    {
        var ex = _journey.Refused(() => _journey.AddLane(Ana, default, "Partners", 350));

        Assert.Equal("A lane id must not be empty: use a short key such as \"partner-network\".", ex.Message);
    }

    [Fact]
    public void A_lane_order_out_of_range_is_refused()
    {
        var ex = _journey.Refused(() => _journey.AddLane(Ana, new LaneId("partners"), "Partners", 2_000_000));

        Assert.Equal("Lane 'Partners' has order 2000000; a lane's order is from -1,000,000 to 1,000,000 (the built-in lanes are 100, 200, 300 and 400).", ex.Message);
    }

    [Fact]
    public void Changing_or_removing_a_built_in_lane_is_refused()
    {
        var change = _journey.Refused(() => _journey.ChangeLane(Ana, LaneId.Frontstage, "Shop floor", 200));
        var remove = _journey.Refused(() => _journey.RemoveLane(Ana, LaneId.SupportProcess));

        Assert.Equal(JourneyRules.BuiltInLane, change.Rule);
        Assert.Equal("Cannot change lane 'Frontstage' (frontstage): it is built in, present in every journey as the service blueprint defines it. Add a lane of your own with AddLane instead.", change.Message);
        Assert.Equal("Cannot remove lane 'Support processes' (support-process): it is built in, present in every journey as the service blueprint defines it. Add a lane of your own with AddLane instead.", remove.Message);
    }

    [Fact]
    public void Removing_a_lane_that_holds_activities_is_refused_naming_them()
    {
        var partners = _journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);
        _journey.SetActivityLane(Ana, _checkout, partners);

        var ex = _journey.Refused(() => _journey.RemoveLane(Ana, partners));

        Assert.Equal(JourneyRules.LaneNotEmpty, ex.Rule);
        Assert.Equal("Lane 'Partners' (partners) still holds 1 activity ('Checkout'); move it to another lane first (SetActivityLane).", ex.Message);
    }

    [Fact]
    public void An_empty_lane_of_the_journeys_own_is_renamed_reordered_and_removed()
    {
        var partners = _journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);
        _journey.ChangeLane(Ana, partners, "Resellers", 50);
        Assert.Equal("Resellers", _journey.Lanes[0].Name);

        _journey.RemoveLane(Ana, partners);

        Assert.Empty(_journey.CustomLanes);
        Assert.Equal(4, _journey.Lanes.Count);
    }

    [Fact]
    public void A_snapshot_with_an_activity_in_a_missing_lane_is_refused()
    {
        var snapshot = _journey.ToSnapshot();
        var broken = snapshot with { Activities = ValueList<Activity>.Of(snapshot.Activities[0] with { Lane = new LaneId("partners") }) };

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.FromSnapshot(broken, FakeClock.FromUtc(2026, 10, 2, 0, 0, 0)));

        Assert.Equal(JourneyRules.UnknownLane, ex.Rule);
        Assert.Equal($"Activity 'Checkout' ({_checkout}) sits in lane 'partners', which the journey does not have.", ex.Message);
    }
    [Theory]
    [InlineData("Frontstage")]
    [InlineData("  customer ACTIONS ")]
    [InlineData("partners")]
    [InlineData("Partners\u00A0")]
    public void A_lane_name_another_lane_has_is_refused_ignoring_case_and_surrounding_space(string name)
    {
        _journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);
        _journey.AddLane(Ana, new LaneId("web-shop"), "Web shop", 250);
        var version = _journey.Version;

        var added = Assert.Throws<JourneyRuleException>(() => _journey.AddLane(Ana, new LaneId("other"), name, 360));
        var changed = Assert.Throws<JourneyRuleException>(() => _journey.ChangeLane(Ana, new LaneId("web-shop"), name, 250));

        Assert.Contains("is already named", added.Message, StringComparison.Ordinal);
        Assert.Contains("is already named", changed.Message, StringComparison.Ordinal);
        Assert.Equal(version, _journey.Version);
        _journey.ChangeLane(Ana, new LaneId("partners"), "PARTNERS", 350); // its own name, another case: allowed
        Assert.Equal("PARTNERS", _journey.FindLane(new LaneId("partners"))!.Name);
    }
}
