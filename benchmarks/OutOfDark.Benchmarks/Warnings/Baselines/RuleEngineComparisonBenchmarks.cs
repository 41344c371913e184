using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>
/// Full evaluation of three rules (<see cref="ThreeRules"/>) over 1k, 10k and 100k activities by OutOfDark's engine
/// with the built-in rules (a repeat evaluation with nothing changed, and a new engine's first one), by NRules (a new
/// session, every activity inserted, fired), by Microsoft RulesEngine (the workflow per activity), against a hand loop
/// that finds the same hits. <see cref="Setup"/> checks that all five agree before anything is timed.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineComparisonBenchmarks
{
    private readonly List<Hit> _hits = [];
    private Journey _journey = null!;
    private FakeClock _clock = null!;
    private RuleRegistry _rules = null!;
    private WarningEngine _engine = null!;
    private ActivityFact[] _facts = null!;
    private RulesEngineBaseline _rulesEngine = null!;

    /// <summary>Activities in the journey.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>Builds the journey and every contender, and throws unless they all find the same hits.</summary>
    /// <exception cref="InvalidOperationException">A contender disagrees with the hand loop.</exception>
    [GlobalSetup]
    public void Setup()
    {
        _clock = new FakeClock(ThreeRules.Now);
        _journey = ThreeRules.Journey(Activities, _clock);
        _rules = ThreeRules.Registry();
        _engine = new WarningEngine(_journey, _clock, _rules);
        _engine.EvaluateAll();
        _facts = [.. _journey.Activities.Select(a => new ActivityFact(a, ThreeRules.Today))];
        _rulesEngine = new RulesEngineBaseline();

        ThreeRules.HandLoop(_journey, ThreeRules.Today, _hits);
        var expected = _hits.ToArray();
        var first = new WarningEngine(_journey, _clock, _rules);
        first.EvaluateAll();
        _engine.EvaluateAll();
        var nrules = NRulesBaseline.Run(_facts).ToArray();
        var rulesEngine = new List<Hit>();
        _rulesEngine.Run(_facts, rulesEngine);
        var count = ThreeRules.AssertAgree(
            "Full evaluation",
            expected,
            ("OutOfDark (repeat)", ThreeRules.HitsOf(_engine)),
            ("OutOfDark (first)", ThreeRules.HitsOf(first)),
            ("NRules", nrules),
            ("RulesEngine", rulesEngine));
        Console.WriteLine($"// {Activities} activities: {count} hits ({string.Join(", ", expected.GroupBy(h => h.Rule).Select(g => $"{g.Key} {g.Count()}"))})");
    }

    /// <summary>The hand loop: the three checks on every activity.</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark(Baseline = true)]
    public int HandLoop()
    {
        ThreeRules.HandLoop(_journey, ThreeRules.Today, _hits);
        return _hits.Count;
    }

    /// <summary>OutOfDark: a repeat full evaluation with nothing changed since the last one.</summary>
    /// <returns>The number of checks.</returns>
    [Benchmark]
    public int OutOfDarkRepeat() => _engine.EvaluateAll().Checks;

    /// <summary>OutOfDark: a new engine's first evaluation (every warning raised and its text kept for reading).</summary>
    /// <returns>The number of warnings raised.</returns>
    [Benchmark]
    public int OutOfDarkFirst() => new WarningEngine(_journey, _clock, _rules).EvaluateAll().Raised;

    /// <summary>NRules: a new session, every activity inserted, rules fired.</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark]
    public int NRules() => NRulesBaseline.Run(_facts).Count;

    /// <summary>Microsoft RulesEngine: the workflow on every activity.</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark]
    public int RulesEngine()
    {
        _rulesEngine.Run(_facts, _hits);
        return _hits.Count;
    }
}
