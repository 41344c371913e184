using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>
/// Full evaluation of every built-in rule over synthetic journeys of 1k, 10k and 100k activities with ten observations
/// each (100k → 1,000,000 observations), against a hand-written single-pass loop doing the same checks and writing the
/// same messages and evidence: what the engine's text costs when every warning is read.
/// </summary>
[MemoryDiagnoser]
public class WarningEngineBenchmarks
{
    private Journey _journey = null!;
    private WarningEngine _engine = null!;
    private Instant _now;
    private FakeClock _clock = null!;

    /// <summary>Activities in the journey.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>Builds the journey and checks that both sides raise the same warnings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // Mid-February: some activities overdue, none stale yet, metrics across their thresholds.
        var clock = new FakeClock(Instant.FromUtc(2026, 2, 5, 9, 0));
        _clock = clock;
        _now = clock.GetCurrentInstant();
        _journey = SyntheticJourneys.Journey(Activities, 10, clock);
        _engine = new WarningEngine(_journey, clock);
        _engine.EvaluateAll();
        var count = SinglePassChecks.AssertAgrees(_engine, _now);
        Console.WriteLine($"// {Activities} activities: {count} warnings, {_engine.Rules.Count} rules");
    }

    /// <summary>The hand-written loop.</summary>
    /// <returns>The warnings.</returns>
    [Benchmark(Baseline = true)]
    public int SinglePassLoop() => SinglePassChecks.Run(_journey, _now).Count;

    /// <summary>The engine's full evaluation, diffing against its kept results: a repeat evaluation, nothing changed, so no text is written.</summary>
    /// <returns>The number of checks.</returns>
    [Benchmark]
    public int EngineFullEvaluation() => _engine.EvaluateAll().Checks;

    /// <summary>
    /// A new engine's first evaluation, then every warning's message and evidence read: the same output as the
    /// single pass, whose text the engine writes only when read.
    /// </summary>
    /// <returns>The total length of the messages.</returns>
    [Benchmark]
    public int EngineFirstEvaluationReadingEveryMessage()
    {
        var engine = new WarningEngine(_journey, _clock);
        engine.EvaluateAll();
        var length = 0;
        foreach (var warning in engine.Warnings)
        {
            length += warning.Message.Length + warning.Evidence.Count;
        }

        return length;
    }
}
