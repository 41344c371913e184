using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>
/// Full evaluation of every built-in rule over a journey where almost nothing needs attention, the common case in a
/// live journey: the synthetic journey with owners on every activity, metrics level above target, plans ending in the
/// future and no emotion gaps. Shows the engine's cost per rule × subject check when checks rarely raise a warning,
/// against the same hand-written single-pass loop as <see cref="WarningEngineBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class HealthyJourneyBenchmarks
{
    private Journey _journey = null!;
    private WarningEngine _engine = null!;
    private Instant _now;

    /// <summary>How many activities the journey has.</summary>
    [Params(10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>Builds the healthy journey and checks that the engine and the baseline agree on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int days = 10;
        var clock = new FakeClock(SyntheticJourneys.Created.Plus(Duration.FromDays(days)));
        _now = clock.GetCurrentInstant();
        var snapshot = SyntheticJourneys.Snapshot(Activities, days);
        var end = SyntheticJourneys.FirstDay.PlusDays(365);
        snapshot = snapshot with
        {
            Activities = ValueList<Activity>.From(snapshot.Activities.Select(a => a with
            {
                Details = a.Details with { Owner = a.Details.Owner ?? "owner", PlannedEnd = end },
                Widgets = ValueList<Widget>.From(a.Widgets.Select(Healthy)),
            })),
        };
        _journey = Journey.FromSnapshot(snapshot, clock);
        _engine = new WarningEngine(_journey, clock);
        var evaluation = _engine.EvaluateAll();
        var count = SinglePassChecks.AssertAgrees(_engine, _now);
        var byRule = string.Join(", ", _engine.Warnings.GroupBy(w => w.Key.Rule.Value).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine($"// {Activities} activities: {evaluation.Checks} checks, {count} warnings ({byRule})");
    }

    /// <summary>The hand-written single pass doing the same checks.</summary>
    [Benchmark(Baseline = true)]
    public int SinglePassLoop() => SinglePassChecks.Run(_journey, _now).Count;

    /// <summary>The engine's full evaluation; returns the number of rule × subject checks.</summary>
    [Benchmark]
    public int EngineFullEvaluation() => _engine.EvaluateAll().Checks;

    private static Widget Healthy(Widget widget) => widget switch
    {
        // Level and above target: no breach, no trend, observed up to yesterday.
        MetricWidget m => m with { Observations = ObservationSeries.From(m.Observations.Select(o => o with { Value = 30m })) },
        EmotionWidget e => e with { AsIs = new EmotionScore(1), ToBe = new EmotionScore(1) },
        _ => widget,
    };
}
