using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Blueprint;

/// <summary>Opportunities: commands, history, what removing a linked object does, and every refusal message.</summary>
public sealed class OpportunityTests
{
    private static readonly Actor Ana = new("ana");
    private readonly Journey _journey;
    private readonly ActivityId _checkout;
    private readonly ActivityId _payment;
    private readonly WidgetId _feels;
    private readonly WidgetId _voice;
    private readonly WidgetId _conversion;
    private readonly OpportunityId _paypal;

    public OpportunityTests()
    {
        _journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        var buy = _journey.AddPhase(Ana, "Buy");
        var persona = _journey.AddPersona(Ana, "First-time buyer");
        _checkout = _journey.AddActivity(Ana, buy, "Checkout");
        _payment = _journey.AddActivity(Ana, buy, "Payment", parentId: _checkout);
        _feels = _journey.AddWidget(Ana, _payment, new EmotionWidget("Feels", persona, EmotionScore.VeryNegative));
        _voice = _journey.AddWidget(Ana, _payment, new FeedbackWidget("Voice of customer"));
        _journey.RecordFeedback(Ana, _voice, new FeedbackEntry("survey", "Where is PayPal?", Sentiment.Negative, new LocalDate(2026, 9, 30)));
        _conversion = _journey.AddWidget(Ana, _checkout, new MetricWidget(WidgetId.New(), "Conversion") { Unit = "%", Kind = MetricKind.Percentage });
        _paypal = _journey.AddOpportunity(Ana, "Offer PayPal", owner: "Payments team");
    }

    [Fact]
    public void An_opportunity_is_added_scored_linked_and_changed_with_history()
    {
        _journey.ScoreOpportunity(Ana, _paypal, new OpportunityScores(4, 3, 2), "workshop");
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_checkout));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToPainPoint(_feels));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(_voice, 0));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToWarning(new WarningKey(new RuleId("metric.threshold"), WarningSubject.For(_conversion))));
        _journey.SetOpportunityStatus(Ana, _paypal, OpportunityStatus.InProgress);

        var o = _journey.GetOpportunity(_paypal);
        Assert.Equal((OpportunityStatus.InProgress, "Payments team", 4), (o.Status, o.Owner, o.Links.Count));
        var texts = new JourneyHistory(_journey.PendingEvents).Entries.Select(e => e.Description).ToList();
        Assert.Contains("Added opportunity \"Offer PayPal\"", texts);
        Assert.Contains("Scored opportunity \"Offer PayPal\": customer value 4, business value 3, effort 2 (priority 3.5)", texts);
        Assert.Contains("Linked opportunity \"Offer PayPal\" to activity \"Checkout\"", texts);
        Assert.Contains("Linked opportunity \"Offer PayPal\" to pain point \"Feels\" on activity \"Payment\"", texts);
        Assert.Contains("Linked opportunity \"Offer PayPal\" to feedback entry 0 of \"Voice of customer\" on activity \"Payment\"", texts);
        Assert.Contains("Linked opportunity \"Offer PayPal\" to warning metric.threshold on metric \"Conversion\"", texts);
        Assert.Contains("Changed opportunity \"Offer PayPal\": status idea → in progress", texts);
    }

    [Fact]
    public void Removing_a_feedback_entry_unlinks_it_and_moves_links_to_later_entries_down()
    {
        _journey.RecordFeedback(Ana, _voice, new FeedbackEntry("interview", "Card only is fine", Sentiment.Positive, new LocalDate(2026, 9, 30)));
        var wallet = _journey.AddOpportunity(Ana, "Offer wallets");
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(_voice, 0));
        _journey.LinkOpportunity(Ana, wallet, OpportunityLink.ToFeedback(_voice, 1));

        _journey.RemoveFeedback(Ana, _voice, 0);

        Assert.Empty(_journey.GetOpportunity(_paypal).Links);
        Assert.Equal(new[] { OpportunityLink.ToFeedback(_voice, 0) }, _journey.GetOpportunity(wallet).Links);
        Assert.Equal(
            "Removed feedback entry 1 (negative, from \"survey\") of feedback \"Voice of customer\", unlinking it from opportunity \"Offer PayPal\"",
            new JourneyHistory(_journey.PendingEvents).Entries.Last().Description);
    }

    [Fact]
    public void Changing_feedback_to_fewer_entries_and_removing_a_phase_name_the_opportunities_they_unlink()
    {
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(_voice, 0));
        var empty = _journey.AddPhase(Ana, "After sales");
        var wallet = _journey.AddOpportunity(Ana, "Offer wallets");
        _journey.LinkOpportunity(Ana, wallet, OpportunityLink.ToWarning(new WarningKey(new RuleId("phase.empty"), WarningSubject.For(empty))));

        _journey.ChangeWidget(Ana, (FeedbackWidget)_journey.FindWidget(_voice, out _)! with { Entries = ValueList<FeedbackEntry>.Empty });
        _journey.RemovePhase(Ana, empty);

        Assert.Empty(_journey.GetOpportunity(_paypal).Links);
        Assert.Empty(_journey.GetOpportunity(wallet).Links);
        var texts = new JourneyHistory(_journey.PendingEvents).Entries.Select(e => e.Description).TakeLast(2).ToList();
        Assert.EndsWith(", unlinking it from opportunity \"Offer PayPal\"", texts[0], StringComparison.Ordinal);
        Assert.Equal("Removed phase \"After sales\", unlinking it from opportunity \"Offer wallets\"", texts[1]);
    }

    [Fact]
    public void Linking_twice_and_unlinking_what_is_not_linked_record_nothing()
    {
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_checkout));
        var version = _journey.Version;

        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_checkout));
        _journey.UnlinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_payment));

        Assert.Equal(version, _journey.Version);
    }

    [Fact]
    public void Removing_an_activity_removes_the_links_to_it_its_subtree_and_their_widgets_and_says_so()
    {
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_payment));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToPainPoint(_feels));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(_voice, 0));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToWarning(new WarningKey(new RuleId("metric.threshold"), WarningSubject.For(_conversion))));
        var other = _journey.AddOpportunity(Ana, "Guest checkout");

        _journey.RemoveActivity(Ana, _checkout);

        Assert.Empty(_journey.GetOpportunity(_paypal).Links);
        Assert.Equal("Removed activity \"Checkout\" and the activities under it, unlinking it from opportunity \"Offer PayPal\"",
            new JourneyHistory(_journey.PendingEvents).Entries[^1].Description);
        Assert.NotNull(_journey.FindOpportunity(other));
    }

    [Fact]
    public void Removing_a_widget_removes_the_links_to_it()
    {
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToPainPoint(_feels));
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_payment));

        _journey.RemoveWidget(Ana, _feels);

        Assert.Equal([OpportunityLink.ToActivity(_payment)], _journey.GetOpportunity(_paypal).Links);
        Assert.EndsWith(", unlinking it from opportunity \"Offer PayPal\"", new JourneyHistory(_journey.PendingEvents).Entries[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_an_opportunity_keeps_what_it_linked()
    {
        _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(_checkout));

        _journey.RemoveOpportunity(Ana, _paypal);

        Assert.Empty(_journey.Opportunities);
        Assert.True(_journey.TryGetActivity(_checkout, out _));
    }

    [Fact]
    public void A_link_to_a_missing_activity_is_refused_with_its_id_and_what_to_do()
    {
        var missing = ActivityId.New();

        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToActivity(missing)));

        Assert.Equal(JourneyRules.InvalidLink, ex.Rule);
        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to activity {missing}: journey 'Online store' has no such activity. Link one of its activities (Journey.Activities), or add the activity first.", ex.Message);
        Assert.Contains(missing, ex.Subjects);
    }

    [Fact]
    public void A_pain_point_link_to_a_missing_widget_is_refused()
    {
        var missing = WidgetId.New();

        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToPainPoint(missing)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to pain point {missing}: journey 'Online store' has no widget {missing}. Link an emotion widget of one of its activities, or add the widget first.", ex.Message);
    }

    [Fact]
    public void A_pain_point_link_to_a_widget_that_is_not_an_emotion_is_refused()
    {
        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToPainPoint(_conversion)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to widget 'Conversion' ({_conversion}) as a pain point: it is a metric widget, and a pain point is an emotion widget. Link an emotion widget instead.", ex.Message);
    }

    [Fact]
    public void A_feedback_link_past_the_last_entry_is_refused()
    {
        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(_voice, 1)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to feedback entry 1 of 'Voice of customer' ({_voice}): that widget has 1 entry (0 to 0). Link an entry it has, or record the feedback first.", ex.Message);
    }

    [Fact]
    public void A_feedback_link_to_a_widget_that_is_not_feedback_is_refused()
    {
        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(_feels, 0)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to widget 'Feels' ({_feels}) as feedback: it is an emotion widget. Link an entry of a feedback widget instead.", ex.Message);
    }

    [Fact]
    public void A_feedback_link_to_a_missing_widget_is_refused()
    {
        var missing = WidgetId.New();

        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToFeedback(missing, 0)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to feedback in widget {missing}: journey 'Online store' has no widget {missing}. Link a feedback widget of one of its activities, or add the widget first.", ex.Message);
    }

    [Fact]
    public void A_warning_link_about_a_missing_subject_is_refused()
    {
        var missing = ActivityId.New();
        var key = new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(missing));

        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, OpportunityLink.ToWarning(key)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) cannot link to warning {key}: it is about activity:{missing}, which is not part of journey 'Online store'. Link a warning about one of its activities, metrics or phases, or the journey itself.", ex.Message);
    }

    [Fact]
    public void A_malformed_link_is_refused_saying_how_to_build_one()
    {
        var ex = _journey.Refused(() => _journey.LinkOpportunity(Ana, _paypal, new OpportunityLink(OpportunityLinkKind.Activity, null, _feels, null, null)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}): An opportunity link of kind Activity must set exactly Activity; build it with OpportunityLink.ToActivity(…).", ex.Message);
    }

    [Fact]
    public void An_unknown_opportunity_is_refused()
    {
        var missing = OpportunityId.New();

        var ex = _journey.Refused(() => _journey.ScoreOpportunity(Ana, missing, new OpportunityScores(1, 1, 1)));

        Assert.Equal((JourneyRules.UnknownOpportunity, $"Journey 'Online store' has no opportunity {missing}; add it first with AddOpportunity, or pick one of Journey.Opportunities."), (ex.Rule, ex.Message));
    }

    [Theory]
    [InlineData(0, 3, 2, "customer value", 0)]
    [InlineData(3, 6, 2, "business value", 6)]
    [InlineData(3, 3, 0, "effort", 0)]
    public void A_score_outside_1_to_5_is_refused_naming_it(int customer, int business, int effort, string name, int value)
    {
        var ex = _journey.Refused(() => _journey.ScoreOpportunity(Ana, _paypal, new OpportunityScores(customer, business, effort)));

        Assert.Equal((JourneyRules.InvalidValue, $"Opportunity 'Offer PayPal' ({_paypal}): The {name} score is {value}; scores are whole numbers from 1 to 5 (see OpportunityScores for what each means)."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void An_empty_title_and_a_taken_id_are_refused()
    {
        var title = _journey.Refused(() => _journey.AddOpportunity(Ana, " "));
        var taken = _journey.Refused(() => _journey.AddOpportunity(Ana, "Apple Pay", id: _paypal));
        var empty = _journey.Refused(() => _journey.AddOpportunity(Ana, "Apple Pay", id: default(OpportunityId)));

        Assert.Equal("The opportunity title has no visible character (only white space, format characters such as U+200B or combining marks); type a name.", title.Message);
        Assert.Equal($"Opportunity id {_paypal} is already used by 'Offer PayPal'.", taken.Message);
        Assert.Equal("An opportunity's id must not be default(OpportunityId), the empty GUID: omit the id to get a new one, or pass OpportunityId.New().", empty.Message);
    }

    [Fact]
    public void A_replayed_unlink_of_a_link_that_is_not_there_is_refused()
    {
        var events = _journey.PendingEvents.ToList();
        events.Add(new Events.OpportunityUnlinked(_paypal, OpportunityLink.ToActivity(_checkout)) { JourneyId = _journey.Id, OccurredAt = events[^1].OccurredAt, Actor = "ana" });

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Replay(events, FakeClock.FromUtc(2026, 10, 2, 0, 0, 0)));

        Assert.Equal($"Opportunity 'Offer PayPal' ({_paypal}) is not linked to activity \"Checkout\"; there is nothing to unlink.", ex.Message);
    }
}
