using System;
using System.Linq;
using FsCheck.Xunit;
using OutOfDark;
using OutOfDark.Events;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Properties;

/// <summary><see cref="Journey.ApplyChanges"/>: events raised on one copy, applied to another as its own pending changes.</summary>
[Properties(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 100)]
public class ApplyChangesProperties
{
    [Property]
    public void Changes_raised_on_a_copy_applied_to_the_journey_at_the_copys_base_give_an_equal_journey_with_them_pending(JourneyScenario scenario, byte cut)
    {
        var (journey, clock) = scenario.Build();
        var events = journey.PendingEvents.ToList();
        var at = 1 + (cut % events.Count);
        var owner = Journey.Replay(events.Take(at), clock);
        var changes = events.Skip(at).ToList();

        owner.ApplyChanges(changes);

        Assert.Equal(journey.ToSnapshot(), owner.ToSnapshot());
        Assert.Equal(changes, owner.PendingEvents);
        Assert.Equal(at, owner.CommittedVersion);
    }

    [Property]
    public void A_batch_with_one_refused_event_changes_nothing_even_after_valid_ones(JourneyScenario scenario, byte cut)
    {
        var (journey, clock) = scenario.Build();
        var events = journey.PendingEvents.ToList();
        var at = 1 + (cut % events.Count);
        var owner = Journey.Replay(events.Take(at), clock);
        var before = owner.ToSnapshot();
        var ghost = new PhaseId(Guid.NewGuid());
        var invalid = new ActivityAdded(ActivityId.New(), ghost, null, "Ghost", ActivityKind.Touchpoint, ActivityDetails.Empty)
        {
            JourneyId = owner.Id,
            OccurredAt = clock.GetCurrentInstant(),
            Actor = "mallory",
        };

        var refused = Assert.Throws<JourneyRuleException>(() => owner.ApplyChanges([.. events.Skip(at), invalid]));

        Assert.Contains(ghost.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, owner.ToSnapshot());
        Assert.Empty(owner.PendingEvents);
    }
}
