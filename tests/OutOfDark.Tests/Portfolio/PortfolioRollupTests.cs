using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Portfolio;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Portfolio;

/// <summary>Examples of the roll-up: what is summed, what is averaged, and how broken links are rolled up.</summary>
public class PortfolioRollupTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly JourneyId A = new(new Guid("00000000-0000-0000-0000-00000000000a"));
    private static readonly JourneyId B = new(new Guid("00000000-0000-0000-0000-00000000000b"));
    private static readonly JourneyId C = new(new Guid("00000000-0000-0000-0000-00000000000c"));

    private static JourneyHealth Health(decimal score, int critical = 0, int warning = 0, int info = 0) => new(score, null, null, 1m, critical, warning, info);

    [Fact]
    public void Counts_are_summed_health_is_averaged_and_the_lowest_named()
    {
        var rollup = PortfolioRollup.Compute(
        [
            new PortfolioJourney(A, "Company", null, Health(90, warning: 1), []),
            new PortfolioJourney(B, "Buying", A, Health(40, critical: 2, info: 3), []),
            new PortfolioJourney(C, "Using", A, null, []),
        ]);

        var company = rollup.Find(A)!;
        Assert.Equal(new RollupTotals(3, 2, 65.0m, 40m, B, 2, 1, 3, []), company.Subtree with { Kpis = [] });
        Assert.Equal(1, company.Own.Journeys);
        Assert.Equal(new[] { A, B, C }, rollup.Journeys.Select(j => j.JourneyId));
        Assert.Equal(new[] { 0, 1, 1 }, rollup.Journeys.Select(j => j.Depth));
        Assert.Equal(6, rollup.Workspace.OpenWarnings);
    }

    [Fact]
    public void Kpis_of_the_same_title_unit_kind_and_direction_are_one_group_and_only_counts_and_currency_are_summed()
    {
        var day = new LocalDate(2026, 9, 1);
        var rollup = PortfolioRollup.Compute(
        [
            new PortfolioJourney(A, "Company", null, null, [new KpiReading("NPS", "", MetricKind.Nps, MetricDirection.HigherIsBetter, day, 30, KpiStatus.OnTarget)]),
            new PortfolioJourney(B, "Buying", A, null,
            [
                new KpiReading("nps", "", MetricKind.Nps, MetricDirection.HigherIsBetter, day.PlusDays(5), 10, KpiStatus.PastWarning),
                new KpiReading("Visits", "visits", MetricKind.Count, MetricDirection.HigherIsBetter, day, 1200, KpiStatus.NoTarget),
            ]),
            new PortfolioJourney(C, "Using", A, null, [new KpiReading("Visits", "visits", MetricKind.Count, MetricDirection.HigherIsBetter, null, null, KpiStatus.NoData)]),
        ]);

        var kpis = rollup.Find(A)!.Subtree.Kpis;
        Assert.Equal(new KpiRollup("NPS", "", MetricKind.Nps, MetricDirection.HigherIsBetter, 2, 2, 0, 1, 0, 1, 0, null, 20m, day, day.PlusDays(5)), kpis[0]);
        Assert.Equal(new KpiRollup("Visits", "visits", MetricKind.Count, MetricDirection.HigherIsBetter, 2, 1, 1, 0, 0, 0, 0, 1200m, 1200m, day, day), kpis[1]);
    }

    [Fact]
    public void A_journey_whose_parent_is_missing_or_loops_is_rolled_up_at_the_top_and_marked_detached()
    {
        var gone = JourneyId.New();
        var rollup = PortfolioRollup.Compute(
        [
            new PortfolioJourney(A, "Loop 1", B, null, []),
            new PortfolioJourney(B, "Loop 2", A, null, []),
            new PortfolioJourney(C, "Orphan", gone, null, []),
        ]);

        Assert.Equal((true, null, 0), (rollup.Find(A)!.Detached, rollup.Find(A)!.ParentJourneyId, rollup.Find(A)!.Depth));
        Assert.Equal((false, (JourneyId?)A, 1), (rollup.Find(B)!.Detached, rollup.Find(B)!.ParentJourneyId, rollup.Find(B)!.Depth));
        Assert.Equal((true, null), (rollup.Find(C)!.Detached, rollup.Find(C)!.ParentJourneyId));
        Assert.Equal(2, rollup.Find(A)!.Subtree.Journeys);
    }

    [Fact]
    public void Two_lines_for_one_journey_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => PortfolioRollup.Compute([new PortfolioJourney(A, "One", null, null, []), new PortfolioJourney(A, "Two", null, null, [])]));

        Assert.StartsWith($"Journey {A} appears twice in the journeys to roll up; pass each journey once.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portfolio_rolls_up_health_lines_from_the_read_model_and_kpis_from_the_journeys()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 10, 1, 9, 0));
        var store = new InMemoryJourneyStore(clock);
        var warnings = new InMemoryWorkspaceWarnings(clock);
        var portfolio = new JourneyPortfolio(store, warnings);
        var workspace = WorkspaceId.New();
        var parent = Journey.Create(Ana, workspace, "Company", clock);
        var child = Journey.Create(Ana, workspace, "Buying", clock);
        var phase = child.AddPhase(Ana, "Do");
        var checkout = child.AddActivity(Ana, phase, "Checkout");
        var conversion = child.AddWidget(Ana, checkout, new MetricWidget("Conversion") { Unit = "%", Kind = MetricKind.Percentage, Target = 3, WarningThreshold = 2, CriticalThreshold = 1 });
        child.RecordObservation(Ana, conversion, new LocalDate(2026, 9, 30), 1.5m);
        await store.SaveAsync(parent);
        await store.SaveAsync(child);
        await portfolio.SetParentAsync(workspace, child.Id, parent.Id, Ana);
        foreach (var journey in new[] { parent, child })
        {
            var engine = new WarningEngine(await store.LoadAsync(workspace, journey.Id), clock);
            engine.EvaluateAll();
            await warnings.ApplyAsync(new WorkspaceWarningProjector(engine).ProjectAll(clock.GetCurrentInstant()));
        }

        var rollup = await portfolio.RollUpAsync(workspace);

        var company = rollup.Find(parent.Id)!;
        var health = await warnings.ListHealthAsync(workspace);
        Assert.Equal(health.Sum(h => h.Health.OpenWarning), company.Subtree.OpenWarning);
        Assert.Equal(health.Sum(h => h.Health.OpenCritical), company.Subtree.OpenCritical);
        Assert.Equal(2, company.Subtree.JourneysWithHealth);
        var kpi = Assert.Single(company.Subtree.Kpis);
        Assert.Equal(("Conversion", 1, 1, (decimal?)null, (decimal?)1.5m), (kpi.Title, kpi.Metrics, kpi.PastWarning, kpi.Sum, kpi.Mean));
        Assert.Empty(company.Own.Kpis);
    }
}
