using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>
/// Per-segment rule checks: 10,000 activities, each with a CSAT metric of 10 days cut into 10 segments (with sample
/// sizes; every third segment's latest value rests on fewer than 30 answers), evaluated fully by the
/// <c>metric.small-sample</c> rule alone. The baseline checks each metric's own series only
/// (<see cref="SmallSampleSettings.IncludeSegments"/> off), so the difference divided by 100,000 is the cost of one
/// segment check.
/// </summary>
[MemoryDiagnoser]
public class SegmentBenchmarks
{
    private WarningEngine _unsegmented = null!;
    private WarningEngine _segmented = null!;

    /// <summary>How many activities (one segmented metric each) the journey has.</summary>
    [Params(10_000)]
    public int Activities { get; set; }

    /// <summary>Builds the journey and both engines, and evaluates each once so that repeat evaluations are measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = SegmentedJourneys.Clock();
        var journey = SegmentedJourneys.Build(Activities, clock, null, null, (n, segment) => Series(segment is { } i && (n + i) % 3 == 0 ? 12 : segment is null ? 400 : 200));
        var rules = new RuleRegistry().Add(BuiltInRules.SmallSample);
        _unsegmented = new WarningEngine(journey, clock, rules, WarningSettings.Default.With(SmallSampleRule.RuleId, new SmallSampleSettings { IncludeSegments = false }));
        _segmented = new WarningEngine(journey, clock, rules);
        var plain = _unsegmented.EvaluateAll();
        var cut = _segmented.EvaluateAll();
        Console.WriteLine($"// {Activities} activities × {SegmentedJourneys.SegmentsPerMetric} segments: unsegmented {plain.Checks} checks, {_unsegmented.Warnings.Count} warnings; per segment {cut.Checks} checks, {_segmented.Warnings.Count} warnings");
    }

    /// <summary>Each metric's own latest observation only.</summary>
    [Benchmark(Baseline = true)]
    public int MetricOnly() => _unsegmented.EvaluateAll().Checks;

    /// <summary>Each metric's own latest observation and each of its 10 segments'.</summary>
    [Benchmark]
    public int EverySegment() => _segmented.EvaluateAll().Checks;

    private static ObservationSeries Series(int sampleSize) => ObservationSeries.From(
        Enumerable.Range(0, SegmentedJourneys.Days).Select(d => new Observation(SyntheticJourneys.FirstDay.PlusDays(d), 70m + d) { SampleSize = sampleSize }));
}

/// <summary>
/// Metric rules split by segment (<see cref="MetricRuleSettings.SplitBy"/>): 10,000 activities, each with a CSAT metric
/// of 10 days cut into 10 segments (every third segment falls below its warning threshold and trends down), evaluated
/// fully by <c>metric.threshold</c> and <c>metric.trend</c>. The baseline judges each metric's own series only
/// (<see cref="SegmentSplit.None"/>, the default); with <see cref="SegmentSplit.EverySegment"/> each rule also judges the
/// 10 segments, so the difference divided by 200,000 is the cost of one per-segment check.
/// </summary>
[MemoryDiagnoser]
public class SegmentSplitBenchmarks
{
    private WarningEngine _unsegmented = null!;
    private WarningEngine _segmented = null!;

    /// <summary>How many activities (one segmented metric each) the journey has.</summary>
    [Params(10_000)]
    public int Activities { get; set; }

    /// <summary>Builds the journey and both engines, and evaluates each once so that repeat evaluations are measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = SegmentedJourneys.Clock();
        var journey = SegmentedJourneys.Build(Activities, clock, 70, 60, (n, segment) => Series(falling: segment is { } i && (n + i) % 3 == 0));
        var rules = new RuleRegistry().Add(BuiltInRules.MetricThreshold).Add(BuiltInRules.MetricTrend);
        _unsegmented = new WarningEngine(journey, clock, rules);
        _segmented = new WarningEngine(journey, clock, rules, WarningSettings.Default
            .With(MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment })
            .With(MetricTrendRule.RuleId, new MetricTrendSettings { SplitBy = SegmentSplit.EverySegment }));
        var plain = _unsegmented.EvaluateAll();
        var cut = _segmented.EvaluateAll();
        Console.WriteLine($"// {Activities} activities × {SegmentedJourneys.SegmentsPerMetric} segments: unsegmented {plain.Checks} checks, {_unsegmented.Warnings.Count} warnings; split {cut.Checks} checks, {_segmented.Warnings.Count} warnings");
    }

    /// <summary>Each metric's own series only (the default).</summary>
    [Benchmark(Baseline = true)]
    public int MetricOnly() => _unsegmented.EvaluateAll().Checks;

    /// <summary>Each metric's own series and each of its 10 segments', by both rules.</summary>
    [Benchmark]
    public int EverySegment() => _segmented.EvaluateAll().Checks;

    private static ObservationSeries Series(bool falling) => ObservationSeries.From(
        Enumerable.Range(0, SegmentedJourneys.Days).Select(d => new Observation(SyntheticJourneys.FirstDay.PlusDays(d), falling ? 85m - (3m * d) : 85m + d)));
}
