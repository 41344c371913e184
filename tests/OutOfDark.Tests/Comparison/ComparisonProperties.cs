using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using OutOfDark.Comparison;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Comparison;

[Properties(Arbitrary = new[] { typeof(ShortJourneyArbitraries) }, MaxTest = 120)]
public sealed class ComparisonProperties
{
    private static readonly Actor Generated = new("generated");

    [Property]
    public void Comparing_a_journey_with_itself_or_its_copy_is_refused_naming_the_to_be_parameter(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        var copy = Journey.FromSnapshot(journey.ToSnapshot(), journey.Clock);

        Assert.Equal("toBe", Assert.Throws<ArgumentException>(() => JourneyComparison.Compare(journey, journey)).ParamName);
        Assert.Equal("toBe", Assert.Throws<ArgumentException>(() => JourneyComparison.Compare(journey, copy)).ParamName);
    }

    [Property]
    public void Every_match_a_journey_drops_is_in_its_history_and_none_is_with_its_own_activities(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;

        // Fold the history one event at a time: a pairing event never drops a match silently.
        var replay = Journey.Replay(journey.PendingEvents.Take(1), journey.Clock);
        foreach (var e in journey.PendingEvents.Skip(1))
        {
            if (e is Events.JourneyPaired or Events.JourneyUnpaired)
            {
                Assert.Empty(replay.Pairing?.Matches ?? ValueList<ActivityMatch>.Empty);
            }

            replay.Apply(e);
        }

        var own = journey.Activities.Select(a => a.Id).ToHashSet();
        Assert.DoesNotContain(journey.Pairing?.Matches ?? ValueList<ActivityMatch>.Empty, m => own.Contains(m.Counterpart));
    }

    [Property]
    public void Swapping_two_paired_journeys_swaps_added_and_removed_and_negates_every_delta(JourneyScenario asIsScenario, JourneyScenario toBeScenario, int[] picks, bool bothSidesMatch)
    {
        var asIs = asIsScenario.Build().Journey;
        var toBe = (toBeScenario with { WorkspaceId = asIsScenario.WorkspaceId }).Build().Journey;
        if (asIs.Id == toBe.Id)
        {
            return;
        }

        toBe.PairWith(Generated, asIs.Id);
        Match(toBe, asIs, picks);
        if (bothSidesMatch)
        {
            // Both journeys hold matches, some of which disagree: the comparison must treat them the same either way.
            asIs.PairWith(Generated, toBe.Id);
            Match(asIs, toBe, [.. picks.Reverse()]);
        }

        AssertSwapped(JourneyComparison.Compare(asIs, toBe), JourneyComparison.Compare(toBe, asIs));
    }

    [Property]
    public void Swapping_a_journey_and_an_earlier_version_of_itself_swaps_added_and_removed_and_negates_every_delta(JourneyScenario scenario, int cut)
    {
        var earlier = (scenario with { Steps = ValueList<JourneyStep>.From(scenario.Steps.Take((int)((uint)cut % (uint)(scenario.Steps.Count + 1)))) }).Build().Journey;
        var now = scenario.Build().Journey;
        if (earlier.Version == now.Version)
        {
            // Every step kept (or only refused ones cut): the same journey at the same version, which Compare refuses.
            return;
        }

        AssertSwapped(JourneyComparison.Compare(earlier, now), JourneyComparison.Compare(now, earlier));
    }

    private static void Match(Journey holder, Journey other, int[] picks)
    {
        var mine = holder.Activities;
        var theirs = other.Activities;
        for (var i = 0; i + 1 < picks.Length && mine.Count > 0 && theirs.Count > 0; i += 2)
        {
            try
            {
                holder.MatchActivity(Generated, mine[(int)((uint)picks[i] % (uint)mine.Count)].Id, theirs[(int)((uint)picks[i + 1] % (uint)theirs.Count)].Id);
            }
            catch (JourneyRuleException ex) when (ex.Rule == JourneyRules.InvalidPairing)
            {
                // A counterpart activity already matched: matches are one to one; the generated pick is simply skipped.
            }
        }
    }

    private static void AssertSwapped(JourneyComparison forward, JourneyComparison backward)
    {
        Assert.Equal(Set(forward.Added), Set(backward.Removed));
        Assert.Equal(Set(forward.Removed), Set(backward.Added));
        Assert.Equal(forward.Unchanged, backward.Unchanged);
        Assert.Equal(forward.IsEmpty, backward.IsEmpty);
        Assert.Equal(Set(forward.Changed.Select(c => Normal(c.Swapped()))), Set(backward.Changed.Select(Normal)));
        Assert.Equal(Set(forward.Phases.Select(p => Normal(p, swap: true))), Set(backward.Phases.Select(p => Normal(p, swap: false))));
    }

    private static HashSet<T> Set<T>(IEnumerable<T> items) => [.. items];

    private static string Key(string name) => name.Trim().ToUpperInvariant();

    // Titles, units and persona names are matched ignoring case, and each side spells them its own way: compare keys.
    private static string Normal(KpiDelta k) => $"{Key(k.Title)}|{Key(k.Unit)}|{k.AsIsValue}|{k.ToBeValue}|{k.AsIsTarget}|{k.ToBeTarget}|{k.ValueDelta}|{k.TargetDelta}";

    private static string Normal(EmotionDelta e) => $"{Key(e.Persona)}|{e.AsIs}|{e.ToBe}|{e.Delta}";

    private static string Normal(ActivityComparison c) =>
        $"{c.AsIs}|{c.ToBe}|{c.MatchedBy}|{c.Changes}|{string.Join(";", c.Kpis.Select(Normal).Order(StringComparer.Ordinal))}|{string.Join(";", c.Emotions.Select(Normal).Order(StringComparer.Ordinal))}";

    private static string Normal(PhaseComparison p, bool swap) =>
        swap
            ? $"{Key(p.Phase)}|{p.InToBe}|{p.InAsIs}|{p.Removed}|{p.Added}|{p.Changed}|{string.Join(";", p.Kpis.Select(k => Normal(k.Swapped())).Order(StringComparer.Ordinal))}|{string.Join(";", p.Emotions.Select(e => Normal(e.Swapped())).Order(StringComparer.Ordinal))}"
            : $"{Key(p.Phase)}|{p.InAsIs}|{p.InToBe}|{p.Added}|{p.Removed}|{p.Changed}|{string.Join(";", p.Kpis.Select(Normal).Order(StringComparer.Ordinal))}|{string.Join(";", p.Emotions.Select(Normal).Order(StringComparer.Ordinal))}";
}
