using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime.Testing;
using OutOfDark.Json;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Json;

/// <summary>
/// Writing and reading the journey document of a journey with 10,000 activities and 100,000 metric observations,
/// against System.Text.Json on plain DTOs of the same JSON shape.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JourneyDocumentBenchmarks
{
    private JourneySnapshot _snapshot = null!;
    private PlainDocument _plain = null!;
    private byte[] _document = null!;
    private byte[] _plainDocument = null!;
    private readonly JourneyJsonSerializer _serializer = JourneyJsonSerializer.Default;

    /// <summary>Builds the journey and both documents once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SyntheticJourneys.Snapshot(10_000, 10);
        _plain = PlainJourney.From(_snapshot);
        _document = _serializer.SerializeDocument(_snapshot);
        _plainDocument = JsonSerializer.SerializeToUtf8Bytes(_plain, PlainJourneyContext.Default.PlainDocument);
    }

    /// <summary>System.Text.Json writing the plain DTOs.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Serialize")]
    public byte[] SerializePlainDtos() => JsonSerializer.SerializeToUtf8Bytes(_plain, PlainJourneyContext.Default.PlainDocument);

    /// <summary>OutOfDark.Json writing the journey document.</summary>
    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public byte[] SerializeJourneyDocument() => _serializer.SerializeDocument(_snapshot);

    /// <summary>System.Text.Json reading the plain DTOs.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Deserialize")]
    public PlainDocument? DeserializePlainDtos() => JsonSerializer.Deserialize(_plainDocument, PlainJourneyContext.Default.PlainDocument);

    /// <summary>OutOfDark.Json reading the journey document, every journey rule checked.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public JourneySnapshot DeserializeJourneyDocument() => _serializer.DeserializeDocument(_document);

    /// <summary>The rule check alone: restoring a journey from the snapshot, which reading includes.</summary>
    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public Journey RestoreJourneyFromSnapshot() => Journey.FromSnapshot(_snapshot, FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
}
