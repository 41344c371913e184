using System;
using NodaTime.Testing;

namespace OutOfDark.Testing;

/// <summary>Pairs the journey with a counterpart, now and then with itself (refused), or removes the pairing.</summary>
/// <param name="Counterpart">The counterpart journey's id (the empty GUID is refused).</param>
/// <param name="Operation">0 pairs with <paramref name="Counterpart"/>, 1 with the journey itself, 2 unpairs.</param>
public sealed record PairJourneyStep(Guid Counterpart, int Operation) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        switch (Operation)
        {
            case 1:
                journey.PairWith(Actor, journey.Id);
                return true;
            case 2:
                journey.Unpair(Actor, "generated unpairing");
                return true;
            default:
                journey.PairWith(Actor, new JourneyId(Counterpart), "generated pairing");
                return true;
        }
    }
}

/// <summary>
/// Matches an activity with an activity of the paired journey (replacing its match when it has one), now and then with a
/// counterpart activity another activity already holds (refused unless it is the same activity) or with one of the
/// journey's own activities (refused), removes an activity's match, or adds an activity whose id a match holds as its
/// counterpart (refused).
/// </summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="Counterpart">The counterpart activity's id.</param>
/// <param name="Operation">0 matches with <paramref name="Counterpart"/>, 1 with a counterpart already matched, 2 unmatches,
/// 3 matches with an activity of the journey itself, 4 adds an activity with a matched counterpart's id.</param>
public sealed record MatchActivityStep(int ActivityPick, Guid Counterpart, int Operation) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        var matches = journey.Pairing?.Matches;
        switch (Operation)
        {
            case 1 when matches is { Count: > 0 }:
                journey.MatchActivity(Actor, activity.Id, Pick(matches, ActivityPick)!.Counterpart);
                return true;
            case 2:
                journey.UnmatchActivity(Actor, matches is { Count: > 0 } ? Pick(matches, ActivityPick)!.Activity : activity.Id);
                return true;
            case 3:
                journey.MatchActivity(Actor, activity.Id, Pick(journey.Activities, ActivityPick / 7)!.Id, "generated match with its own activity");
                return true;
            case 4 when matches is { Count: > 0 }:
                journey.AddActivity(Actor, activity.PhaseId, "Counterpart twin", id: Pick(matches, ActivityPick)!.Counterpart);
                return true;
            default:
                journey.MatchActivity(Actor, activity.Id, new ActivityId(Counterpart), "generated match");
                return true;
        }
    }
}
