using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Tests.Portfolio;

/// <summary>The messages of the journey's own portfolio rules, of moving to an index, and of removing feedback entries.</summary>
public class PortfolioRefusalTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly JourneyId Id = new(new Guid("11111111-1111-1111-1111-111111111111"));
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
    private readonly Journey _journey;
    private readonly PhaseId _see;
    private readonly PhaseId _think;
    private readonly ActivityId _email;

    public PortfolioRefusalTests()
    {
        _journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock, Id);
        _see = _journey.AddPhase(Ana, "See");
        _think = _journey.AddPhase(Ana, "Think");
        _email = _journey.AddActivity(Ana, _see, "Newsletter");
    }

    private JourneyRuleException Refused(Action command) => _journey.Refused(command);

    [Fact]
    public void A_journey_cannot_be_its_own_parent()
    {
        var ex = Refused(() => _journey.SetParent(Ana, Id));

        Assert.Equal((JourneyRules.JourneyCycle, "Journey 'Online store' (11111111-1111-1111-1111-111111111111) cannot be its own parent: a journey's parent must be another journey of its workspace."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void The_empty_guid_as_parent_is_refused()
    {
        var ex = Refused(() => _journey.SetParent(Ana, default(JourneyId)));

        Assert.Equal((JourneyRules.InvalidValue, "Journey 'Online store' cannot have default(JourneyId), the empty GUID, as its parent: pass the parent journey's id, or null for a top-level journey."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void An_activity_cannot_link_to_its_own_journey()
    {
        var ex = Refused(() => _journey.LinkSubJourney(Ana, _email, Id));

        Assert.Equal(JourneyRules.JourneyCycle, ex.Rule);
        Assert.Equal($"Activity 'Newsletter' ({_email}) cannot link to its own journey 'Online store' as its sub-journey: a sub-journey details an activity in another journey of the workspace.", ex.Message);
    }

    [Fact]
    public void A_sub_journey_link_on_a_missing_activity_is_refused()
    {
        var missing = ActivityId.New();

        var ex = Refused(() => _journey.LinkSubJourney(Ana, missing, JourneyId.New()));

        Assert.Equal((JourneyRules.UnknownActivity, $"Journey 'Online store' has no activity {missing}."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void The_empty_guid_as_sub_journey_is_refused()
    {
        var ex = Refused(() => _journey.LinkSubJourney(Ana, _email, default(JourneyId)));

        Assert.Equal((JourneyRules.InvalidValue, $"Activity 'Newsletter' ({_email}) cannot link to default(JourneyId), the empty GUID, as its sub-journey: pass the sub-journey's id, or null to remove the link."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Setting_the_same_parent_or_link_again_records_nothing()
    {
        var parent = JourneyId.New();
        _journey.SetParent(Ana, parent);
        _journey.LinkSubJourney(Ana, _email, parent);
        var version = _journey.Version;

        _journey.SetParent(Ana, parent);
        _journey.LinkSubJourney(Ana, _email, parent);

        Assert.Equal(version, _journey.Version);
        Assert.Equal(parent, _journey.ParentJourneyId);
        Assert.Equal(parent, _journey.GetActivity(_email).SubJourneyId);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Moving_a_phase_out_of_range_names_the_phase_and_the_valid_indexes(int position)
    {
        var ex = Refused(() => _journey.MovePhase(Ana, _think, position));

        Assert.Equal((JourneyRules.InvalidPosition, $"Phase 'Think' ({_think}) cannot move to position {position}: the journey has 2 phases, so use 0 to 1."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Moving_a_missing_phase_is_refused_even_to_minus_one()
    {
        var missing = PhaseId.New();

        var ex = Refused(() => _journey.MovePhase(Ana, missing, -1));

        Assert.Equal((JourneyRules.UnknownPhase, $"Journey 'Online store' has no phase {missing}."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Moving_a_phase_to_an_index_shifts_the_ones_between()
    {
        var doIt = _journey.AddPhase(Ana, "Do");
        var care = _journey.AddPhase(Ana, "Care");

        _journey.MovePhase(Ana, care, 0);
        Assert.Equal(new[] { care, _see, _think, doIt }, _journey.Phases.Select(p => p.Id));
        _journey.MovePhase(Ana, care, 3);
        Assert.Equal(new[] { _see, _think, doIt, care }, _journey.Phases.Select(p => p.Id));
    }

    [Fact]
    public void Moving_a_widget_out_of_range_names_the_widget_its_activity_and_the_valid_indexes()
    {
        var link = _journey.AddWidget(Ana, _email, new LinkWidget("Campaign", new Uri("https://example.com/c")));
        _journey.AddWidget(Ana, _email, new DescriptionWidget("Notes", "text"));

        var ex = Refused(() => _journey.MoveWidget(Ana, link, 5));

        Assert.Equal((JourneyRules.InvalidPosition, $"Widget 'Campaign' ({link}) cannot move to position 5: activity 'Newsletter' has 2 widgets, so use 0 to 1."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Removing_a_feedback_entry_past_the_end_names_the_valid_indexes()
    {
        var feedback = _journey.AddWidget(Ana, _email, new FeedbackWidget("Voice of customer"));
        _journey.RecordFeedback(Ana, feedback, new FeedbackEntry("survey", "Too many emails", Sentiment.Negative, new LocalDate(2026, 9, 30)));

        var ex = Refused(() => _journey.RemoveFeedback(Ana, feedback, 1));

        Assert.Equal((JourneyRules.InvalidPosition, $"Feedback widget 'Voice of customer' ({feedback}) has no entry 1: use 0 to 0."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Removing_a_feedback_entry_from_an_empty_widget_says_it_has_none()
    {
        var feedback = _journey.AddWidget(Ana, _email, new FeedbackWidget("Voice of customer"));

        var ex = Refused(() => _journey.RemoveFeedback(Ana, feedback, 0));

        Assert.Equal((JourneyRules.InvalidPosition, $"Feedback widget 'Voice of customer' ({feedback}) has no entries, so there is no entry 0 to remove."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Removing_feedback_from_another_kind_of_widget_is_refused()
    {
        var notes = _journey.AddWidget(Ana, _email, new DescriptionWidget("Notes", "text"));

        var ex = Refused(() => _journey.RemoveFeedback(Ana, notes, 0));

        Assert.Equal((JourneyRules.WrongWidgetKind, $"Cannot remove feedback on widget 'Notes' ({notes}): it is a description widget."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Removing_a_feedback_entry_keeps_the_others_in_order()
    {
        var feedback = _journey.AddWidget(Ana, _email, new FeedbackWidget("Voice of customer"));
        var first = new FeedbackEntry("survey", "Too many emails", Sentiment.Negative, new LocalDate(2026, 9, 28));
        var second = new FeedbackEntry("chat", "Loved the offer", Sentiment.Positive, new LocalDate(2026, 9, 29));
        var third = new FeedbackEntry("call", "Could not unsubscribe", Sentiment.VeryNegative, new LocalDate(2026, 9, 30));
        foreach (var entry in new[] { first, second, third })
        {
            _journey.RecordFeedback(Ana, feedback, entry);
        }

        _journey.RemoveFeedback(Ana, feedback, 1, "duplicate of a survey answer");

        Assert.Equal(new[] { first, third }, ((FeedbackWidget)_journey.FindWidget(feedback, out _)!).Entries);
        Assert.Equal(new FeedbackRemoved(_email, feedback, 1), _journey.PendingEvents[^1] with { JourneyId = default, OccurredAt = default, Actor = "", Reason = null });
    }
}
