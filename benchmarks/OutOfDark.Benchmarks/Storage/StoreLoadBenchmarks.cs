using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime.Testing;
using OutOfDark.Json;
using OutOfDark;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Storage;

/// <summary>
/// Loading a journey of 10,000 activities holding 100,000 observations (140,004 events), and where the time goes:
/// reading the snapshot row (I/O) and turning its JSON into a journey (JSON and the journey's checks), against replaying
/// every event without a snapshot.
/// </summary>
[MemoryDiagnoser]
public class StoreLoadBenchmarks
{
    /// <summary>Events giving 10,000 activities with 10 observations each (see <see cref="SyntheticJourneys.Events"/>).</summary>
    public const int EventCount = 140_004;

    private IJourneyStore _store = null!;
    private IJourneyStore _withoutSnapshots = null!;
    private string _location = "";
    private byte[] _snapshot = [];
    private FakeClock _clock = null!;
    private WorkspaceId _workspace;
    private JourneyId _id;
    private long _version;

    /// <summary>The store measured.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "SQLite";

    /// <summary>The stores available here.</summary>
    public static IEnumerable<string> Stores => BenchStores.Available();

    /// <summary>Fills the store (once per machine) and checks the journey's size.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    // Synchronous wrappers: the in-process toolchain does not await asynchronous setup.
    private async Task SetupAsync()
    {
        _clock = new FakeClock(SyntheticJourneys.Created);
        _location = BenchStores.Location(Store, "load-10k-activities");
        _store = BenchStores.Open(Store, _location, _clock);
        _withoutSnapshots = BenchStores.Open(Store, _location, _clock, snapshotInterval: int.MaxValue);
        (_workspace, _id) = await BenchStores.FillAsync(_store, SyntheticJourneys.Events(EventCount));
        var journey = await _store.LoadAsync(_workspace, _id);
        _version = journey.Version;
        if (journey.ActivityCount != 10_000)
        {
            throw new System.InvalidOperationException($"The synthetic journey has {journey.ActivityCount} activities, not 10,000.");
        }

        _snapshot = await BenchStores.ReadNewestSnapshotAsync(Store, _location);
    }

    private async Task CleanupAsync()
    {
        foreach (var store in new[] { _store, _withoutSnapshots })
        {
            if (store is System.IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>The whole load: the newest snapshot, its JSON, the journey's checks.</summary>
    /// <returns>The journey.</returns>
    [Benchmark(Baseline = true)]
    public Task<Journey> Load() => _store.LoadAsync(_workspace, _id);

    /// <summary>The I/O alone: reading the snapshot row's bytes.</summary>
    /// <returns>The bytes.</returns>
    [Benchmark]
    public Task<byte[]> ReadSnapshotRow() => BenchStores.ReadNewestSnapshotAsync(Store, _location);

    /// <summary>The JSON alone (with the journey's checks): the snapshot's bytes into a journey.</summary>
    /// <returns>The journey.</returns>
    [Benchmark]
    public Journey DeserializeSnapshot() => JourneyJsonSerializer.Default.DeserializeJourney(_snapshot, _clock);

    /// <summary>Without snapshots: reading and replaying all the events up to the version before the snapshot.</summary>
    /// <returns>The journey.</returns>
    [Benchmark]
    public Task<Journey> ReplayEveryEvent() => _withoutSnapshots.LoadAsOfVersionAsync(_workspace, _id, _version - 1);
}
