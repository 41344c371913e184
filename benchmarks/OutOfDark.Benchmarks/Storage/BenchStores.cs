using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using OutOfDark.Events;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Storage;

/// <summary>
/// The stores the storage benchmarks run on, each holding one synthetic journey. Databases are kept between benchmark
/// processes (SQLite files under the temp folder, PostgreSQL databases named after the journey), so only the first
/// process pays for filling them.
/// </summary>
public static class BenchStores
{
    /// <summary>The variable naming the PostgreSQL server: an Npgsql connection string to database postgres as a superuser.</summary>
    public const string PostgresVariable = "OUTOFDARK_TEST_POSTGRES";

    /// <summary>SQLite with commits not flushed one by one (synchronous = NORMAL).</summary>
    public const string SqliteNoFlush = "SQLite, no flush";

    /// <summary>The stores to measure: SQLite always, PostgreSQL when a server is named.</summary>
    /// <returns>The store names.</returns>
    public static IEnumerable<string> Available()
    {
        yield return "SQLite";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            yield return "PostgreSQL";
        }
    }

    /// <summary>Where a store's database is for a key.</summary>
    /// <param name="store">SQLite or PostgreSQL.</param>
    /// <param name="key">Names the content, for example "append-1000".</param>
    /// <returns>The SQLite path or the PostgreSQL connection string.</returns>
    public static string Location(string store, string key)
    {
        if (store != "PostgreSQL")
        {
            var folder = Path.Combine(Path.GetTempPath(), "outofdark-bench");
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, key + ".db");
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var name = "outofdark_bench_" + key.Replace('-', '_');
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if ((long)exists.ExecuteScalar()! == 0)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Opens a store.</summary>
    /// <param name="store">SQLite or PostgreSQL.</param>
    /// <param name="location">From <see cref="Location"/>.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="snapshotInterval">The snapshot interval.</param>
    /// <returns>The store.</returns>
    public static OutOfDark.IJourneyStore Open(string store, string location, IClock clock, int snapshotInterval = 100) =>
        store != "PostgreSQL"
            ? new SqliteJourneyStore(location, clock, new SqliteJourneyStoreOptions { SnapshotInterval = snapshotInterval, FlushEveryCommit = store != SqliteNoFlush })
            : new PostgreSqlJourneyStore(location, clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = snapshotInterval });

    /// <summary>Makes sure the store holds the synthetic journey of <paramref name="events"/> events, with a snapshot.</summary>
    /// <param name="store">The store.</param>
    /// <param name="events">The synthetic history.</param>
    /// <returns>The journey's workspace and id.</returns>
    public static async Task<(WorkspaceId Workspace, JourneyId Journey)> FillAsync(OutOfDark.IJourneyStore store, IReadOnlyList<JourneyEvent> events)
    {
        var created = (JourneyCreated)events[0];
        var workspace = created.WorkspaceId;
        var id = created.JourneyId;
        if ((await store.ListAsync(workspace)).Count == 0)
        {
            const int batch = 10_000;
            for (var from = 0; from < events.Count; from += batch)
            {
                var slice = new List<JourneyEvent>(batch);
                for (var i = from; i < Math.Min(events.Count, from + batch); i++)
                {
                    slice.Add(events[i]);
                }

                await store.AppendAsync(workspace, id, from, slice);
            }
        }

        // Loading stores the snapshot the later loads start from.
        await store.LoadAsync(workspace, id);
        return (workspace, id);
    }

    /// <summary>Reads the newest snapshot row's bytes straight from the database, as the store does: the I/O alone.</summary>
    /// <param name="store">SQLite or PostgreSQL.</param>
    /// <param name="location">From <see cref="Location"/>.</param>
    /// <returns>The snapshot's UTF-8 JSON.</returns>
    public static async Task<byte[]> ReadNewestSnapshotAsync(string store, string location)
    {
        if (store != "PostgreSQL")
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT data FROM journey_snapshots ORDER BY version DESC LIMIT 1";
            return (byte[])(await command.ExecuteScalarAsync())!;
        }

        await using (var connection = new NpgsqlConnection(location))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT data FROM outofdark.journey_snapshots ORDER BY version DESC LIMIT 1", connection);
            return (byte[])(await command.ExecuteScalarAsync())!;
        }
    }
}
