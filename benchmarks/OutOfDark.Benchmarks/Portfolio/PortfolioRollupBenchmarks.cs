using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Portfolio;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks;

/// <summary>
/// Rolls up a workspace of 1,000 journeys in a hierarchy (each journey's parent is journey (i − 1) / 10: one top journey,
/// ten-way branching, four levels), each with a health line and 10 KPIs of 5 titles. The baseline is the naive roll-up
/// (for every journey, scan all journeys for those below it and add them up); <c>Compute</c> is
/// <see cref="PortfolioRollup.Compute"/> on the same data in hand; <c>RollUpAsync</c> is the whole portfolio path over an
/// in-memory store and read model (list, health lines, load every journey for its KPIs, compute).
/// </summary>
[MemoryDiagnoser]
public class PortfolioRollupBenchmarks
{
    private const int Journeys = 1_000;
    private static readonly Actor Bench = new("bench");
    private PortfolioJourney[] _journeys = null!;
    private JourneyPortfolio _portfolio = null!;
    private WorkspaceId _workspace;

    /// <summary>Builds the journeys, stores them and writes their health lines, once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 9, 0));
        var store = new InMemoryJourneyStore(clock);
        var warnings = new InMemoryWorkspaceWarnings(clock);
        _workspace = WorkspaceId.New();
        var ids = Enumerable.Range(0, Journeys).Select(i => new JourneyId(new Guid(i + 1, 0, 0, new byte[8]))).ToArray();
        var titles = new[] { "Conversion", "CSAT", "NPS", "Visits", "Revenue" };
        var kinds = new[] { MetricKind.Percentage, MetricKind.Csat, MetricKind.Nps, MetricKind.Count, MetricKind.Currency };
        var lines = new List<PortfolioJourney>(Journeys);
        Task.Run(async () =>
        {
            for (var i = 0; i < Journeys; i++)
            {
                var journey = Journey.Create(Bench, _workspace, "Journey " + i, clock, ids[i]);
                if (i > 0)
                {
                    journey.SetParent(Bench, ids[(i - 1) / 10]);
                }

                var phase = journey.AddPhase(Bench, "Do");
                for (var k = 0; k < 10; k++)
                {
                    var activity = journey.AddActivity(Bench, phase, "Step " + k, details: new ActivityDetails { Owner = "team" });
                    var metric = journey.AddWidget(Bench, activity, new MetricWidget(titles[k % 5]) { Kind = kinds[k % 5], Target = 50, WarningThreshold = 30, CriticalThreshold = 10 });
                    for (var d = 0; d < 5; d++)
                    {
                        journey.RecordObservation(Bench, metric, new LocalDate(2026, 5, 1).PlusDays(d), (i * 7 + k * 13 + d) % 90);
                    }
                }

                await store.SaveAsync(journey);
                var engine = new WarningEngine(journey, clock);
                engine.EvaluateAll();
                var update = new WorkspaceWarningProjector(engine).ProjectAll(clock.GetCurrentInstant());
                await warnings.ApplyAsync(update);
                lines.Add(new PortfolioJourney(journey.Id, journey.Name, journey.ParentJourneyId, update.Health.Health, KpiReading.Of(journey)));
            }
        }).GetAwaiter().GetResult();
        _journeys = lines.ToArray();
        _portfolio = new JourneyPortfolio(store, warnings);
    }

    /// <summary>The naive roll-up: for each journey, every journey is checked for being at or below it, and those are added up.</summary>
    /// <returns>The sum of every subtree's open warnings and KPI count, so that the work is not optimized away.</returns>
    [Benchmark(Baseline = true)]
    public long Naive()
    {
        var parents = _journeys.ToDictionary(j => j.JourneyId, j => j.ParentJourneyId);
        long total = 0;
        foreach (var top in _journeys)
        {
            foreach (var candidate in _journeys)
            {
                for (JourneyId? up = candidate.JourneyId; up is { } u; up = parents[u])
                {
                    if (u == top.JourneyId)
                    {
                        var h = candidate.Health!;
                        total += h.OpenCritical + h.OpenWarning + h.OpenInfo + candidate.Kpis.Count;
                        break;
                    }
                }
            }
        }

        return total;
    }

    /// <summary><see cref="PortfolioRollup.Compute"/> on the 1,000 journeys in hand.</summary>
    /// <returns>The workspace's open warnings.</returns>
    [Benchmark]
    public long Compute() => PortfolioRollup.Compute(_journeys).Workspace.OpenWarnings;

    /// <summary><see cref="JourneyPortfolio.RollUpAsync"/>: the listing, the health lines, every journey loaded for its KPIs, then the roll-up.</summary>
    /// <returns>The workspace's open warnings.</returns>
    [Benchmark]
    public long RollUpAsync() => _portfolio.RollUpAsync(_workspace).GetAwaiter().GetResult().Workspace.OpenWarnings;
}
