using System.IO;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks;

/// <summary>
/// Layout plus SVG for 1k, 10k and 100k activities (the 1k case is the baseline, so the ratios show whether growth is
/// linear: about 10 and 100), and the HTML report for 10k activities.
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private Journey _thousand = null!;
    private Journey _tenThousand = null!;
    private Journey _hundredThousand = null!;

    /// <summary>Builds the synthetic journeys once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 9, 0));
        _thousand = SyntheticJourneys.Journey(1_000, 4, clock);
        _tenThousand = SyntheticJourneys.Journey(10_000, 4, clock);
        _hundredThousand = SyntheticJourneys.Journey(100_000, 4, clock);
    }

    /// <summary>Layout and SVG of 1,000 activities.</summary>
    [Benchmark(Baseline = true)]
    public long LayoutAndSvg1k() => LayoutAndSvg(_thousand);

    /// <summary>Layout and SVG of 10,000 activities.</summary>
    [Benchmark]
    public long LayoutAndSvg10k() => LayoutAndSvg(_tenThousand);

    /// <summary>Layout and SVG of 100,000 activities.</summary>
    [Benchmark]
    public long LayoutAndSvg100k() => LayoutAndSvg(_hundredThousand);

    /// <summary>The whole HTML report of 10,000 activities (map, charts and every Detail view).</summary>
    [Benchmark]
    public long HtmlReport10k()
    {
        var counter = new CountingWriter();
        HtmlReportRenderer.Write(_tenThousand, counter);
        return counter.Count;
    }

    private static long LayoutAndSvg(Journey journey)
    {
        var layout = ActivityMapLayout.Compute(journey);
        var counter = new CountingWriter();
        SvgMapRenderer.Write(journey, layout, counter);
        return counter.Count;
    }

    /// <summary>A writer that only counts characters, so the benchmark measures rendering, not memory or disk.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(string? value) => Count += value?.Length ?? 0;

        public override void Write(System.ReadOnlySpan<char> buffer) => Count += buffer.Length;
    }
}
