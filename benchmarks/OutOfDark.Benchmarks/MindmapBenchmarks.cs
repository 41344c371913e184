using System.IO;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks;

/// <summary>
/// The Mermaid mindmap of 100,000 activities: the synthetic journey (shallow trees, the baseline) against a chain
/// 100,000 levels deep and one 10,000 levels deep. Equal time and characters per activity mean the output is linear
/// whatever the depth (before the depth cap, a 10,000 chain wrote about 100 million characters and 100,000 crashed).
/// </summary>
[MemoryDiagnoser]
public class MindmapBenchmarks
{
    private Journey _wide = null!;
    private Journey _chain10k = null!;
    private Journey _chain100k = null!;

    /// <summary>Builds the journeys once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 9, 0));
        _wide = SyntheticJourneys.Journey(100_000, 4, clock);
        _chain10k = Chain(10_000, clock);
        _chain100k = Chain(100_000, clock);
    }

    /// <summary>Mindmap of the synthetic 100,000-activity journey.</summary>
    /// <returns>The characters written.</returns>
    [Benchmark(Baseline = true)]
    public long MindmapWide100k() => Mindmap(_wide);

    /// <summary>Mindmap of a chain of 10,000 activities, each the child of the one before.</summary>
    /// <returns>The characters written.</returns>
    [Benchmark]
    public long MindmapChain10k() => Mindmap(_chain10k);

    /// <summary>Mindmap of a chain of 100,000 activities, each the child of the one before.</summary>
    /// <returns>The characters written.</returns>
    [Benchmark]
    public long MindmapChain100k() => Mindmap(_chain100k);

    private static Journey Chain(int length, FakeClock clock)
    {
        var journey = Journey.Create(new Actor("bench"), WorkspaceId.New(), "Deep", clock);
        var phase = journey.AddPhase(new Actor("bench"), "See");
        ActivityId? parent = null;
        for (var i = 0; i < length; i++)
        {
            parent = journey.AddActivity(new Actor("bench"), phase, "Step " + i, parentId: parent);
        }

        return journey;
    }

    private static long Mindmap(Journey journey)
    {
        using var writer = new CountingWriter();
        MermaidRenderer.WriteMindmap(journey, writer);
        return writer.Count;
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(string? value) => Count += value?.Length ?? 0;

        public override void Write(System.ReadOnlySpan<char> buffer) => Count += buffer.Length;
    }
}
