using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Properties;

[Properties(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 150)]
public class JourneyProperties
{
    [Property]
    public void Every_command_either_applies_one_event_or_its_dropped_matches_and_one_or_is_refused_leaving_the_journey_unchanged(JourneyScenario scenario)
    {
        JourneySnapshot? before = null;
        var pendingBefore = 0;
        var clock = new FakeClock(Testing.JourneyScenario.Start);
        var journey = Journey.Create(new Actor("generated"), new WorkspaceId(scenario.WorkspaceId), scenario.Name, clock, new JourneyId(scenario.JourneyId));
        foreach (var step in scenario.Steps)
        {
            before = journey.ToSnapshot();
            pendingBefore = journey.PendingEvents.Count;
            try
            {
                step.Run(journey, clock);
                var raised = journey.PendingEvents.Skip(pendingBefore).ToList();

                // Pairing with another journey, or unpairing, first unmatches each match it drops, each its own event.
                var dropped = raised.Count > 0 && raised[^1] is Events.JourneyPaired or Events.JourneyUnpaired ? before.Pairing?.Matches.Count ?? 0 : 0;
                Assert.InRange(raised.Count, 0, 1 + dropped);
                Assert.All(raised.SkipLast(1), e => Assert.IsType<Events.ActivityUnmatched>(e));
                Assert.Equal(journey.Version, before.Version + (journey.PendingEvents.Count - pendingBefore));
            }
            catch (JourneyRuleException)
            {
                Assert.Equal(before, journey.ToSnapshot());
                Assert.Equal(pendingBefore, journey.PendingEvents.Count);
            }

            JourneyInvariants.Check(journey);
        }
    }

    [Property]
    public void Replaying_the_events_rebuilds_an_equal_journey(JourneyScenario scenario)
    {
        var (journey, clock) = scenario.Build();
        Assert.Equal(journey.ToSnapshot(), Journey.Replay(journey.PendingEvents, clock).ToSnapshot());
    }

    [Property]
    public void Restoring_a_snapshot_gives_an_equal_journey(JourneyScenario scenario)
    {
        var (journey, clock) = scenario.Build();
        var snapshot = journey.ToSnapshot();
        Assert.Equal(snapshot, Journey.FromSnapshot(snapshot, clock).ToSnapshot());
    }

    [Property(MaxTest = 60)]
    public void The_journey_as_of_version_k_is_the_fold_of_its_first_k_events(JourneyScenario scenario)
    {
        var seen = new Dictionary<long, JourneySnapshot>();
        var (journey, clock) = scenario.Run((_, j, _) => seen[j.Version] = j.ToSnapshot());
        seen[1] = Journey.Replay(journey.PendingEvents.Take(1), clock).ToSnapshot();
        var history = new JourneyHistory(journey.PendingEvents, clock);
        foreach (var (version, snapshot) in seen)
        {
            Assert.Equal(snapshot, history.AsOf(version).ToSnapshot());
        }
    }

    [Property(MaxTest = 60)]
    public void The_journey_as_of_an_instant_holds_exactly_the_events_up_to_it(JourneyScenario scenario, Instant instant)
    {
        var (journey, clock) = scenario.Build();
        var history = new JourneyHistory(journey.PendingEvents, clock);
        var expected = journey.PendingEvents.Count(e => e.OccurredAt <= instant);
        var asOf = history.AsOf(instant);
        Assert.Equal(expected, asOf?.Version ?? 0);
    }

    [Property(MaxTest = 60)]
    public void Every_event_has_a_description_and_the_diff_counts_every_change(JourneyScenario scenario)
    {
        var (journey, clock) = scenario.Build();
        var history = new JourneyHistory(journey.PendingEvents, clock);
        Assert.All(history.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        var diff = history.Diff(1, history.Version);
        Assert.Equal(history.Version - 1, diff.Changes.Count);
        Assert.Equal(journey.ActivityCount, diff.ActivitiesAdded.Count);
    }
}
