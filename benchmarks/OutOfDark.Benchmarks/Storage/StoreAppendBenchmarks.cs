using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using OutOfDark.Json;
using OutOfDark;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Storage;

/// <summary>
/// Appending one event to a journey that already has 1k, 10k or 100k events, against the baseline of one plain INSERT
/// of the same bytes into a table of its own. Each operation opens a pooled connection and commits, as a host's save does.
/// </summary>
[MemoryDiagnoser]
public class StoreAppendBenchmarks
{
    private IJourneyStore _store = null!;
    private Journey _journey = null!;
    private string _location = "";
    private byte[] _bytes = [];
    private long _counter;

    /// <summary>The store measured.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "SQLite";

    /// <summary>How many events the journey holds before the measured appends.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Events { get; set; }

    /// <summary>The stores available here, and SQLite without a flush per commit.</summary>
    public static IEnumerable<string> Stores => [.. BenchStores.Available(), BenchStores.SqliteNoFlush];

    /// <summary>Fills the store (once per machine) and loads the journey to append to.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    // Synchronous wrappers: the in-process toolchain does not await asynchronous setup.
    private async Task SetupAsync()
    {
        var clock = new FakeClock(SyntheticJourneys.Created);
        _location = BenchStores.Location(Store, (Store == BenchStores.SqliteNoFlush ? "append-noflush-" : "append-") + Events.ToString(CultureInfo.InvariantCulture));
        _store = BenchStores.Open(Store, _location, clock);
        var (workspace, id) = await BenchStores.FillAsync(_store, SyntheticJourneys.Events(Events));
        _journey = await _store.LoadAsync(workspace, id);
        _counter = _journey.Version;
        _journey.Describe(new Actor("bench"), Description());
        _bytes = JourneyJsonSerializer.Default.SerializeEvent(_journey.PendingEvents[0]);
        await _store.SaveAsync(_journey);

        if (Store != "PostgreSQL")
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _location }.ToString());
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE IF NOT EXISTS bench_plain (id INTEGER PRIMARY KEY, data BLOB NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(_location);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_plain (id bigserial PRIMARY KEY, data bytea NOT NULL)", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private async Task CleanupAsync()
    {
        if (_store is System.IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>The baseline: one INSERT of the event's bytes, committed.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Baseline = true)]
    public async Task PlainInsert()
    {
        if (Store != "PostgreSQL")
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _location }.ToString());
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            // The same durability as the store measured beside it.
            insert.CommandText = (Store == BenchStores.SqliteNoFlush ? "PRAGMA synchronous = NORMAL; " : "") + "INSERT INTO bench_plain (data) VALUES (@data)";
            insert.Parameters.AddWithValue("@data", _bytes);
            await insert.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(_location);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO bench_plain (data) VALUES (@data)", connection);
            insert.Parameters.AddWithValue("data", _bytes);
            await insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>One command on the journey and its save: an append at the expected version.</summary>
    /// <returns>A task.</returns>
    [Benchmark]
    public async Task AppendOneEvent()
    {
        _journey.Describe(new Actor("bench"), Description());
        await _store.SaveAsync(_journey);
    }

    // Same length every time, so every append writes as many bytes as the baseline.
    private string Description() => "Described by the benchmark, round " + (++_counter).ToString("D12", CultureInfo.InvariantCulture);
}
