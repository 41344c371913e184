using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Portfolio;

namespace OutOfDark.Tests.Portfolio;

/// <summary>Invariants of the portfolio: no sequence of parent changes closes a cycle; roll-ups equal a naive sum.</summary>
public class PortfolioProperties
{
    private static readonly Actor Ana = new("ana");

    /// <summary>Parent changes over a few journeys: (child index, parent index or -1 for top-level).</summary>
    public static class ParentChanges
    {
        public static Arbitrary<(int Count, (int Child, int Parent)[] Changes)> Arb() => FsCheck.Fluent.Arb.From(
            from count in Gen.Choose(1, 7)
            from changes in Gen.ArrayOf(from c in Gen.Choose(0, count - 1) from p in Gen.Choose(-1, count - 1) select (c, p))
            select (count, changes));
    }

    [Property(Arbitrary = new[] { typeof(ParentChanges) }, MaxTest = 60)]
    public void No_sequence_of_parent_changes_closes_a_cycle_and_each_refusal_was_a_cycle((int Count, (int Child, int Parent)[] Changes) input)
    {
        Task.Run(async () =>
        {
            var clock = new FakeClock(Instant.FromUtc(2026, 10, 1, 9, 0));
            var store = new InMemoryJourneyStore(clock);
            var portfolio = new JourneyPortfolio(store);
            var workspace = WorkspaceId.New();
            var ids = new JourneyId[input.Count];
            for (var i = 0; i < input.Count; i++)
            {
                var journey = Journey.Create(Ana, workspace, $"J{i}", clock);
                await store.SaveAsync(journey).ConfigureAwait(false);
                ids[i] = journey.Id;
            }

            var model = new Dictionary<JourneyId, JourneyId?>(ids.Select(id => KeyValuePair.Create(id, (JourneyId?)null)));
            foreach (var (child, parent) in input.Changes)
            {
                JourneyId? wanted = parent < 0 ? null : ids[parent];
                var closesCycle = wanted is { } w && IsSelfOrBelow(model, w, ids[child]);
                try
                {
                    await portfolio.SetParentAsync(workspace, ids[child], wanted, Ana).ConfigureAwait(false);
                    if (closesCycle)
                    {
                        throw new InvalidOperationException($"J{child} went under J{parent}, which lies below it.");
                    }

                    model[ids[child]] = wanted;
                }
                catch (JourneyCycleException) when (closesCycle)
                {
                    // Refused, as it must be; the model stays as it was.
                }

                var listed = (await store.ListAsync(workspace).ConfigureAwait(false)).ToDictionary(s => s.JourneyId, s => s.ParentJourneyId);
                if (!listed.OrderBy(kv => kv.Key).SequenceEqual(model.OrderBy(kv => kv.Key)))
                {
                    throw new InvalidOperationException("The store's parent links differ from the model's.");
                }

                foreach (var id in ids)
                {
                    var steps = 0;
                    for (var up = listed[id]; up is { } u; up = listed[u])
                    {
                        if (++steps > ids.Length)
                        {
                            throw new InvalidOperationException($"Following the parents of {id} never reaches the top: a cycle.");
                        }
                    }
                }
            }
        }).GetAwaiter().GetResult();
    }

    private static bool IsSelfOrBelow(Dictionary<JourneyId, JourneyId?> parents, JourneyId candidate, JourneyId ancestor)
    {
        for (JourneyId? current = candidate; current is { } c; current = parents[c])
        {
            if (c == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Random portfolios: parents in the set, missing, or looping; health lines or none; KPIs of a few groups.</summary>
    public static class Portfolios
    {
        public static Arbitrary<PortfolioJourney[]> Arb() => FsCheck.Fluent.Arb.From(
            from count in Gen.Choose(0, 25)
            from seeds in Gen.ArrayOf(
                from parent in Gen.Choose(-3, 24)
                from name in Gen.Elements("Buy", "buy", "Use", "Care", "Zebra")
                from health in Gen.Frequency<JourneyHealth?>(
                    (1, Gen.Constant<JourneyHealth?>(null)),
                    (3, from score in Gen.Choose(0, 1000) from c in Gen.Choose(0, 5) from w in Gen.Choose(0, 5) from i in Gen.Choose(0, 5)
                        select (JourneyHealth?)new JourneyHealth(score / 10m, null, null, 1m, c, w, i)))
                from kpis in Gen.ArrayOf(
                    from title in Gen.Elements("NPS", "nps", "Visits", "Revenue")
                    from kind in Gen.Elements(MetricKind.Nps, MetricKind.Count, MetricKind.Currency)
                    from value in Gen.Frequency<decimal?>((1, Gen.Constant<decimal?>(null)), (4, Gen.Choose(-100, 10_000).Select(v => (decimal?)(v / 4m))))
                    from day in Gen.Choose(0, 60)
                    from status in Gen.Elements(Enum.GetValues<KpiStatus>())
                    select new KpiReading(title, "", kind, MetricDirection.HigherIsBetter, value is null ? null : new LocalDate(2026, 8, 1).PlusDays(day), value, value is null ? KpiStatus.NoData : status))
                select (parent, name, health, kpis), count)
            let ids = seeds.Select((_, i) => new JourneyId(new Guid(i + 1, 0, 0, new byte[8]))).ToArray()
            select seeds.Select((s, i) => new PortfolioJourney(
                ids[i],
                s.name,
                s.parent < 0 ? (s.parent == -1 ? null : JourneyId.New()) : s.parent < count ? ids[s.parent] : null,
                s.health,
                s.kpis)).ToArray());
    }

    [Property(Arbitrary = new[] { typeof(Portfolios) }, MaxTest = 200)]
    public bool Every_roll_up_equals_the_naive_sum_over_the_journey_and_everything_below_it(PortfolioJourney[] journeys)
    {
        var rollup = PortfolioRollup.Compute(journeys);
        var byId = journeys.ToDictionary(j => j.JourneyId);
        if (rollup.Journeys.Count != journeys.Length || rollup.Journeys.Select(j => j.JourneyId).Distinct().Count() != journeys.Length)
        {
            return false;
        }

        // The roll-up's tree: each line's parent comes before it, and following parents always reaches the top.
        var seen = new HashSet<JourneyId>();
        foreach (var line in rollup.Journeys)
        {
            if (line.ParentJourneyId is { } p && (!seen.Contains(p) || rollup.Find(p)!.Depth != line.Depth - 1))
            {
                return false;
            }

            if (line.ParentJourneyId is null && line.Depth != 0)
            {
                return false;
            }

            seen.Add(line.JourneyId);
        }

        foreach (var line in rollup.Journeys)
        {
            var below = rollup.Journeys.Where(other => IsSelfOrBelow(rollup, other.JourneyId, line.JourneyId)).Select(o => byId[o.JourneyId]).ToList();
            if (!SameAsNaive(line.Subtree, below) || !SameAsNaive(line.Own, [byId[line.JourneyId]]))
            {
                return false;
            }
        }

        return SameAsNaive(rollup.Workspace, journeys);
    }

    private static bool IsSelfOrBelow(PortfolioRollup rollup, JourneyId candidate, JourneyId ancestor)
    {
        for (JourneyId? current = candidate; current is { } c; current = rollup.Find(c)!.ParentJourneyId)
        {
            if (c == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameAsNaive(RollupTotals totals, IReadOnlyCollection<PortfolioJourney> journeys)
    {
        var healthy = journeys.Where(j => j.Health is not null).ToList();
        var lowest = healthy.OrderBy(j => j.Health!.Score).ThenBy(j => j.JourneyId).FirstOrDefault();
        var expectedKpis = journeys.SelectMany(j => j.Kpis)
            .GroupBy(k => (k.Title.ToUpperInvariant(), k.Unit, k.Kind, k.Direction))
            .ToDictionary(g => g.Key, g => g.ToList());
        if (totals.Journeys != journeys.Count
            || totals.JourneysWithHealth != healthy.Count
            || totals.OpenCritical != healthy.Sum(j => j.Health!.OpenCritical)
            || totals.OpenWarning != healthy.Sum(j => j.Health!.OpenWarning)
            || totals.OpenInfo != healthy.Sum(j => j.Health!.OpenInfo)
            || totals.MeanHealth != (healthy.Count == 0 ? null : Math.Round(healthy.Average(j => j.Health!.Score), 1, MidpointRounding.AwayFromZero))
            || totals.LowestHealth != lowest?.Health!.Score
            || totals.LowestHealthJourney != lowest?.JourneyId
            || totals.Kpis.Count != expectedKpis.Count)
        {
            return false;
        }

        foreach (var kpi in totals.Kpis)
        {
            var group = expectedKpis[(kpi.Title.ToUpperInvariant(), kpi.Unit, kpi.Kind, kpi.Direction)];
            var values = group.Where(k => k.LatestValue is not null).Select(k => k.LatestValue!.Value).ToList();
            if (kpi.Metrics != group.Count
                || kpi.WithData != values.Count
                || kpi.OnTarget != group.Count(k => k.Status == KpiStatus.OnTarget)
                || kpi.OffTarget != group.Count(k => k.Status == KpiStatus.OffTarget)
                || kpi.NoTarget != group.Count(k => k.Status == KpiStatus.NoTarget)
                || kpi.PastWarning != group.Count(k => k.Status == KpiStatus.PastWarning)
                || kpi.PastCritical != group.Count(k => k.Status == KpiStatus.PastCritical)
                || kpi.Sum != (values.Count > 0 && KpiRollup.IsAdditive(kpi.Kind) ? values.Sum() : null)
                || kpi.Mean != (values.Count > 0 ? values.Sum() / values.Count : null)
                || kpi.OldestLatestDate != group.Where(k => k.LatestDate is not null).Select(k => k.LatestDate).Min()
                || kpi.NewestLatestDate != group.Where(k => k.LatestDate is not null).Select(k => k.LatestDate).Max())
            {
                return false;
            }
        }

        return true;
    }
}
