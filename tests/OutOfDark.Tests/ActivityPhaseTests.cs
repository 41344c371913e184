using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Events;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>A child activity lives in its parent's phase, whichever way the journey is built.</summary>
public class ActivityPhaseTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);

    private (Journey Journey, PhaseId See, PhaseId Do, ActivityId Checkout, ActivityId Payment) Store()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        var see = journey.AddPhase(Ana, "See");
        var @do = journey.AddPhase(Ana, "Do");
        var checkout = journey.AddActivity(Ana, @do, "Checkout");
        var payment = journey.AddActivity(Ana, @do, "Payment");
        return (journey, see, @do, checkout, payment);
    }

    [Fact]
    public void Moving_an_activity_under_a_parent_in_another_phase_is_refused_naming_both_phases()
    {
        var (journey, see, _, checkout, payment) = Store();

        var ex = journey.Refused(() => journey.MoveActivity(Ana, payment, see, checkout));

        Assert.Equal(JourneyRules.ParentInOtherPhase, ex.Rule);
        Assert.Equal(
            $"Activity 'Payment' ({payment}) cannot go under 'Checkout' in phase 'See': the parent 'Checkout' is in phase 'Do', and a child lives in its parent's phase; choose a parent in 'See' or move to 'Do'.",
            ex.Message);
        Assert.Equal([payment, checkout], ex.Subjects.ToArray());
    }

    [Fact]
    public void Adding_an_activity_under_a_parent_in_another_phase_is_refused()
    {
        var (journey, see, _, checkout, _) = Store();

        var ex = journey.Refused(() => journey.AddActivity(Ana, see, "Card form", parentId: checkout));

        Assert.Equal(JourneyRules.ParentInOtherPhase, ex.Rule);
        Assert.Contains("the parent 'Checkout' is in phase 'Do'", ex.Message);
    }

    [Fact]
    public void Moving_an_activity_to_another_phase_takes_its_descendants_along()
    {
        var (journey, see, @do, checkout, payment) = Store();
        journey.MoveActivity(Ana, payment, @do, checkout);
        var card = journey.AddActivity(Ana, @do, "Card form", parentId: payment);

        journey.MoveActivity(Ana, checkout, see, null);

        Assert.All(new[] { checkout, payment, card }, id => Assert.Equal(see, journey.GetActivity(id).PhaseId));
        Assert.Equal(3, journey.ActivityCountIn(see));
        Assert.Equal(0, journey.ActivityCountIn(@do));
        Assert.Empty(JourneyInvariants.Violations(journey));
        Assert.Equal(journey.ToSnapshot(), Journey.Replay(journey.PendingEvents, _clock).ToSnapshot());
    }

    [Fact]
    public void Replaying_a_move_under_a_parent_in_another_phase_is_refused()
    {
        var (journey, see, _, checkout, payment) = Store();
        var events = journey.PendingEvents.ToList();
        var last = events[^1];
        events.Add(new ActivityMoved(payment, see, checkout) { JourneyId = journey.Id, OccurredAt = last.OccurredAt, Actor = last.Actor });

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Replay(events, _clock));

        Assert.Equal(JourneyRules.ParentInOtherPhase, ex.Rule);
    }

    [Fact]
    public void A_snapshot_with_a_child_in_another_phase_is_refused_at_the_childs_parent()
    {
        var (journey, see, _, checkout, payment) = Store();
        var snapshot = journey.ToSnapshot();
        var activities = snapshot.Activities.Select(a => a.Id == payment ? a with { PhaseId = see, ParentId = checkout } : a).ToArray();
        var broken = snapshot with { Activities = ValueList<Activity>.From(activities) };

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.FromSnapshot(broken, _clock));

        Assert.Equal(JourneyRules.ParentInOtherPhase, ex.Rule);
        Assert.Equal($"Activities[{Array.FindIndex(activities, a => a.Id == payment)}].ParentId", ex.SnapshotPath);
    }

    [Property(MaxTest = 200)]
    public void After_any_moves_every_child_lives_in_its_parents_phase_and_refused_moves_change_nothing(byte[] picks)
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Moves", _clock);
        var phases = new[] { journey.AddPhase(Ana, "See"), journey.AddPhase(Ana, "Think"), journey.AddPhase(Ana, "Do") };
        var activities = Enumerable.Range(0, 6).Select(i => journey.AddActivity(Ana, phases[i % 3], $"A{i}")).ToArray();
        for (var i = 0; i + 2 < picks.Length; i += 3)
        {
            var activity = activities[picks[i] % activities.Length];
            var phase = phases[picks[i + 1] % phases.Length];
            ActivityId? parent = picks[i + 2] % 7 == 6 ? null : activities[picks[i + 2] % 7];
            var crossPhase = parent is { } p && journey.GetActivity(p).PhaseId != phase;
            var cycle = parent is { } q && journey.IsSelfOrDescendant(q, activity);
            var before = journey.ToSnapshot();
            try
            {
                journey.MoveActivity(Ana, activity, phase, parent);
                Assert.False(crossPhase || cycle);
                Assert.Equal(phase, journey.GetActivity(activity).PhaseId);
            }
            catch (JourneyRuleException ex)
            {
                Assert.True(crossPhase || cycle);
                Assert.Equal(cycle ? JourneyRules.MapCycle : JourneyRules.ParentInOtherPhase, ex.Rule);
                Assert.Equal(before, journey.ToSnapshot());
            }

            Assert.All(journey.Activities, a => Assert.Equal(a.ParentId is { } up ? journey.GetActivity(up).PhaseId : a.PhaseId, a.PhaseId));
            Assert.Empty(JourneyInvariants.Violations(journey));
        }

        Assert.Equal(journey.ToSnapshot(), Journey.Replay(journey.PendingEvents, _clock).ToSnapshot());
    }
}
