using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Comparison;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Tests.Comparison;

/// <summary>Pairing an as-is with a to-be journey, matching their activities, and the messages of every refusal.</summary>
public sealed class PairingTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
    private readonly WorkspaceId _workspace = WorkspaceId.New();
    private readonly Journey _asIs;
    private readonly Journey _toBe;
    private readonly ActivityId _oldCheckout;
    private readonly ActivityId _newCheckout;

    public PairingTests()
    {
        _asIs = Journey.Create(Ana, _workspace, "Online store today", _clock);
        _toBe = Journey.Create(Ana, _workspace, "Online store 2027", _clock);
        _toBe.SetState(Ana, JourneyState.Future);
        _oldCheckout = _asIs.AddActivity(Ana, _asIs.AddPhase(Ana, "Do"), "Checkout");
        _newCheckout = _toBe.AddActivity(Ana, _toBe.AddPhase(Ana, "Do"), "One-click checkout");
    }

    [Fact]
    public void Pairing_and_matching_are_events_with_history_and_survive_a_replay()
    {
        _toBe.PairWith(Ana, _asIs.Id, "the 2027 redesign");
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);

        Assert.Equal(new JourneyPairing(_asIs.Id, ValueList<ActivityMatch>.Of(new ActivityMatch(_newCheckout, _oldCheckout))), _toBe.Pairing);
        Assert.IsType<ActivityMatched>(_toBe.PendingEvents[^1]);
        var replayed = Journey.Replay(_toBe.PendingEvents, _clock);
        Assert.Equal(_toBe.ToSnapshot(), replayed.ToSnapshot());
        var history = new JourneyHistory(_toBe.PendingEvents).Entries.Select(e => e.Description).ToList();
        Assert.Contains($"Paired the journey with journey {_asIs.Id}", history);
        Assert.Contains($"Matched activity \"One-click checkout\" with activity {_oldCheckout} of the paired journey", history);
    }

    [Fact]
    public void Pairing_again_with_the_same_journey_changes_nothing_and_with_another_drops_the_matches()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);
        var version = _toBe.Version;

        _toBe.PairWith(Ana, _asIs.Id);
        Assert.Equal(version, _toBe.Version);

        var other = JourneyId.New();
        _toBe.PairWith(Ana, other);
        Assert.Empty(_toBe.Pairing!.Matches);
    }

    [Fact]
    public void Pairing_with_another_journey_records_each_dropped_match_and_the_history_names_it()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);
        var before = _toBe.PendingEvents.Count;
        var other = JourneyId.New();

        _toBe.PairWith(Ana, other, "new baseline");

        var raised = _toBe.PendingEvents.Skip(before).ToList();
        Assert.Equal([new ActivityUnmatched(_newCheckout), new JourneyPaired(other)], raised.Select(e => e with { JourneyId = default, OccurredAt = default, Actor = "", Reason = null }));
        Assert.All(raised, e => Assert.Equal("new baseline", e.Reason));
        var history = new JourneyHistory(_toBe.PendingEvents).Entries.Select(e => e.Description).ToList();
        Assert.Equal(
            ["Removed the match of activity \"One-click checkout\" with the paired journey", $"Paired the journey with journey {other} instead of {_asIs.Id}"],
            history.Skip(before));
    }

    [Fact]
    public void Unpairing_records_each_dropped_match_first()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);
        var before = _toBe.PendingEvents.Count;

        _toBe.Unpair(Ana);

        Assert.Equal([typeof(ActivityUnmatched), typeof(JourneyUnpaired)], _toBe.PendingEvents.Skip(before).Select(e => e.GetType()));
        Assert.Null(_toBe.Pairing);
    }

    [Fact]
    public void A_pairing_event_applied_over_matches_names_the_matches_it_drops()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);
        var other = JourneyId.New();

        // A stream written without the unmatch events: the journey still drops the match, and the history says so.
        var text = EventDescriber.Describe(new JourneyPaired(other), _toBe);

        Assert.Equal($"Paired the journey with journey {other} instead of {_asIs.Id}, dropping the matches of activity \"One-click checkout\" (with {_oldCheckout})", text);
    }

    [Fact]
    public void A_refused_pairing_keeps_every_match()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);

        _toBe.Refused(() => _toBe.PairWith(Ana, _toBe.Id));

        Assert.Equal([new ActivityMatch(_newCheckout, _oldCheckout)], _toBe.Pairing!.Matches);
    }

    [Fact]
    public void Replacing_a_match_records_the_counterpart_it_replaces_and_the_history_says_so()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);
        var express = ActivityId.New();

        _toBe.MatchActivity(Ana, _newCheckout, express);

        var replaced = Assert.IsType<ActivityMatched>(_toBe.PendingEvents[^1]);
        Assert.Equal((express, (ActivityId?)_oldCheckout), (replaced.Counterpart, replaced.Previous));
        Assert.Null(Assert.IsType<ActivityMatched>(_toBe.PendingEvents[^2]).Previous);
        Assert.Equal(
            $"Replaced the match of activity \"One-click checkout\" with activity {_oldCheckout} of the paired journey with activity {express}",
            new JourneyHistory(_toBe.PendingEvents).Entries[^1].Description);
        Assert.Equal(_toBe.ToSnapshot(), Journey.Replay(_toBe.PendingEvents, _clock).ToSnapshot());
    }

    [Fact]
    public void A_match_event_naming_the_wrong_previous_counterpart_is_refused()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        var saved = Journey.Replay(_toBe.PendingEvents, _clock);
        var wrong = ActivityId.New();

        var ex = saved.Refused(() => saved.Apply(new ActivityMatched(_newCheckout, _oldCheckout, wrong) { JourneyId = saved.Id, OccurredAt = _clock.GetCurrentInstant(), Actor = "ana" }));

        Assert.Equal((JourneyRules.InvalidPairing, $"The match event of activity 'One-click checkout' ({_newCheckout}) gives its previous counterpart as {wrong}, but the activity's match is none; the event does not follow from this journey's history."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Matching_an_activity_with_an_activity_of_its_own_journey_is_refused()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        var express = _toBe.AddActivity(Ana, _toBe.Phases[0].Id, "Express checkout");

        var ex = _toBe.Refused(() => _toBe.MatchActivity(Ana, _newCheckout, express));

        Assert.Equal((JourneyRules.InvalidPairing, $"Activity 'One-click checkout' ({_newCheckout}) cannot be matched with 'Express checkout' ({express}), an activity of the same journey: match it with an activity of the paired journey {_asIs.Id}."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Adding_an_activity_with_the_id_of_a_matched_counterpart_is_refused()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);

        var ex = _toBe.Refused(() => _toBe.AddActivity(Ana, _toBe.Phases[0].Id, "Checkout", id: _oldCheckout));

        Assert.Equal((JourneyRules.InvalidPairing, $"Activity id {_oldCheckout} belongs to the paired journey: 'One-click checkout' ({_newCheckout}) is matched with it. Give the new activity another id (ActivityId.New())."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Removing_an_activity_removes_its_match()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);

        _toBe.RemoveActivity(Ana, _newCheckout);

        Assert.Empty(_toBe.Pairing!.Matches);
    }

    [Fact]
    public void Pairing_a_journey_with_itself_is_refused()
    {
        var ex = _toBe.Refused(() => _toBe.PairWith(Ana, _toBe.Id));

        Assert.Equal((JourneyRules.InvalidPairing, "Journey 'Online store 2027' cannot be paired with itself: pair an as-is journey with a different, to-be journey of the same workspace."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Pairing_with_the_empty_id_is_refused()
    {
        var ex = _toBe.Refused(() => _toBe.PairWith(Ana, default));

        Assert.Equal((JourneyRules.InvalidValue, "A paired journey's id must not be default(JourneyId), the empty GUID: omit the id to get a new one, or pass JourneyId.New()."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Matching_before_pairing_is_refused()
    {
        var ex = _toBe.Refused(() => _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout));

        Assert.Equal((JourneyRules.InvalidPairing, "Journey 'Online store 2027' is not paired: call PairWith(actor, counterpartJourneyId) before matching its activities."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Matching_a_missing_activity_is_refused()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        var missing = ActivityId.New();

        var ex = _toBe.Refused(() => _toBe.MatchActivity(Ana, missing, _oldCheckout));

        Assert.Equal(JourneyRules.UnknownActivity, ex.Rule);
        Assert.Contains(missing.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_a_counterpart_activity_twice_is_refused()
    {
        _toBe.PairWith(Ana, _asIs.Id);
        _toBe.MatchActivity(Ana, _newCheckout, _oldCheckout);
        var express = _toBe.AddActivity(Ana, _toBe.Phases[0].Id, "Express checkout");

        var ex = _toBe.Refused(() => _toBe.MatchActivity(Ana, express, _oldCheckout));

        Assert.Equal((JourneyRules.InvalidPairing, $"Activity {_oldCheckout} of the paired journey is already matched with 'One-click checkout' ({_newCheckout}); matches are one to one, so unmatch that activity first."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Unmatching_an_activity_without_a_match_is_refused()
    {
        _toBe.PairWith(Ana, _asIs.Id);

        var ex = _toBe.Refused(() => _toBe.UnmatchActivity(Ana, _newCheckout));

        Assert.Equal((JourneyRules.InvalidPairing, $"Activity 'One-click checkout' ({_newCheckout}) is not matched with an activity of the paired journey."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Comparing_journeys_of_two_workspaces_is_refused()
    {
        var elsewhere = Journey.Create(Ana, WorkspaceId.New(), "Other tenant", _clock);
        elsewhere.PairWith(Ana, _asIs.Id);

        var ex = Assert.Throws<JourneyRuleException>(() => JourneyComparison.Compare(_asIs, elsewhere));

        Assert.Equal(JourneyRules.InvalidPairing, ex.Rule);
        Assert.StartsWith($"Journeys 'Online store today' ({_asIs.Id}) and 'Other tenant' ({elsewhere.Id}) belong to different workspaces", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_a_journey_with_itself_is_refused()
    {
        var copy = Journey.FromSnapshot(_asIs.ToSnapshot(), _clock);

        var self = Assert.Throws<ArgumentException>(() => JourneyComparison.Compare(_asIs, _asIs));
        var withCopy = Assert.Throws<ArgumentException>(() => JourneyComparison.Compare(_asIs, copy));

        Assert.Equal("toBe", self.ParamName);
        Assert.Equal($"The to-be journey is journey 'Online store today' ({_asIs.Id}) itself at the same version ({_asIs.Version}), so nothing can differ: pass the journey paired with it (PairWith), or an earlier or later version of it. (Parameter 'toBe')", self.Message);
        Assert.Equal(self.Message, withCopy.Message);
    }

    [Fact]
    public void Comparing_two_journeys_that_are_not_paired_is_refused()
    {
        var ex = Assert.Throws<JourneyRuleException>(() => JourneyComparison.Compare(_asIs, _toBe));

        Assert.Equal((JourneyRules.InvalidPairing, $"Journeys 'Online store today' ({_asIs.Id}) and 'Online store 2027' ({_toBe.Id}) are not paired: call PairWith on one of them with the other's id, then compare."), (ex.Rule, ex.Message));
    }
}
