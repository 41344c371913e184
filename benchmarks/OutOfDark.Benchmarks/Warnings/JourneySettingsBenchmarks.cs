using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>
/// The full evaluation of <see cref="WarningEngineBenchmarks"/> on a journey that carries its own rule settings — every
/// built-in rule set journey-wide and one activity in a hundred with overrides of three rules, all equal to the
/// defaults so that the warnings still agree with the hand-written single pass — against that single pass and against
/// the same journey without settings: what the settings layers cost an evaluation.
/// </summary>
[MemoryDiagnoser]
public class JourneySettingsBenchmarks
{
    private Journey _journey = null!;
    private Journey _tuned = null!;
    private WarningEngine _plain = null!;
    private WarningEngine _engine = null!;
    private Instant _now;

    /// <summary>Activities in the journey.</summary>
    [Params(10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>Builds both journeys and checks that the engine on the tuned one raises what the single pass does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 2, 5, 9, 0));
        _now = clock.GetCurrentInstant();
        _journey = SyntheticJourneys.Journey(Activities, 10, clock);
        _tuned = SyntheticJourneys.Journey(Activities, 10, clock);
        var mia = new Actor("mia");
        foreach (var rule in BuiltInRules.All)
        {
            _tuned.SetRuleSettings(mia, rule.Id, rule.DefaultSettings with { }, "tuned for the benchmark");
        }

        foreach (var activity in _tuned.Activities.Where((_, i) => i % 100 == 0))
        {
            _tuned.SetActivityRuleSettings(mia, activity.Id, MetricThresholdRule.RuleId, new MetricThresholdSettings());
            _tuned.SetActivityRuleSettings(mia, activity.Id, StaleMetricRule.RuleId, new StaleMetricSettings());
            _tuned.SetActivityRuleSettings(mia, activity.Id, NoOwnerRule.RuleId, new NoOwnerSettings());
        }

        _plain = new WarningEngine(_journey, clock);
        _plain.EvaluateAll();
        _engine = new WarningEngine(_tuned, clock);
        _engine.EvaluateAll();
        var count = SinglePassChecks.AssertAgrees(_engine, _now);
        Console.WriteLine($"// {Activities} activities: {count} warnings, {_tuned.RuleSettingsEntries.Count} journey settings");
    }

    /// <summary>The hand-written loop (default settings).</summary>
    /// <returns>The warnings.</returns>
    [Benchmark(Baseline = true)]
    public int SinglePassLoop() => SinglePassChecks.Run(_journey, _now).Count;

    /// <summary>The engine's repeat full evaluation of the journey without settings of its own.</summary>
    /// <returns>The number of checks.</returns>
    [Benchmark]
    public int EngineFullEvaluationWithoutJourneySettings() => _plain.EvaluateAll().Checks;

    /// <summary>The engine's repeat full evaluation of the journey with its own settings and overrides.</summary>
    /// <returns>The number of checks.</returns>
    [Benchmark]
    public int EngineFullEvaluationWithJourneySettings() => _engine.EvaluateAll().Checks;
}
