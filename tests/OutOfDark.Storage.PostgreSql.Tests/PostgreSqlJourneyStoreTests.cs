using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NodaTime.Testing;
using Npgsql;
using OutOfDark.Json;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

public sealed class PostgreSqlJourneyStoreTests
{
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 3, 1, 9, 0, 0);

    [PostgresFact]
    public async Task The_schema_is_created_with_the_newest_version_on_first_use()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, _clock);
        Assert.Null(await Scalar<string>(database, "SELECT to_regclass('outofdark.journeys')::text"));

        Assert.Empty(await store.ListAsync(WorkspaceId.New()));

        Assert.Equal(PostgreSqlJourneyStore.SchemaVersion, await Scalar<int>(database, "SELECT version FROM outofdark.schema_version"));
    }

    [PostgresFact]
    public async Task Machines_starting_together_migrate_the_schema_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgreSqlJourneyStore(database.ConnectionString, _clock)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));
            Assert.Equal(PostgreSqlJourneyStore.SchemaVersion, await Scalar<int>(database, "SELECT version FROM outofdark.schema_version"));
            var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "After the race", _clock);
            await stores[0].SaveAsync(journey);
            Assert.Equal("After the race", (await stores[5].LoadAsync(journey.WorkspaceId, journey.Id)).Name);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task A_database_of_schema_version_1_is_upgraded_on_open_and_keeps_its_journeys()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Written by version 1", _clock);
        journey.AddPhase(new Actor("me"), "See");
        var events = journey.PendingEvents.ToList();
        await using (var connection = await Open(database))
        {
            await Execute(connection, PostgreSqlSchema.Migrations[0] + "; UPDATE outofdark.schema_version SET version = 1;");
            await using (var insert = new NpgsqlCommand("INSERT INTO outofdark.journeys VALUES (@w, @j, 2, 'Written by version 1', 0, '2026-03-01T09:00:00Z')", connection))
            {
                insert.Parameters.AddWithValue("w", journey.WorkspaceId.Value);
                insert.Parameters.AddWithValue("j", journey.Id.Value);
                await insert.ExecuteNonQueryAsync();
            }

            for (var i = 0; i < events.Count; i++)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO outofdark.journey_events VALUES (@w, @j, @v, @at, 1, @data)", connection);
                insert.Parameters.AddWithValue("w", journey.WorkspaceId.Value);
                insert.Parameters.AddWithValue("j", journey.Id.Value);
                insert.Parameters.AddWithValue("v", (long)i + 1);
                insert.Parameters.AddWithValue("at", events[i].OccurredAt.ToUnixTimeTicks());
                insert.Parameters.AddWithValue("data", JourneyJsonSerializer.Default.SerializeEvent(events[i]));
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, _clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = 1 });
        Assert.Equal(journey.ToSnapshot(), (await store.LoadAsync(journey.WorkspaceId, journey.Id)).ToSnapshot());

        Assert.Equal(PostgreSqlJourneyStore.SchemaVersion, await Scalar<int>(database, "SELECT version FROM outofdark.schema_version"));
        Assert.Equal(0L, await Scalar<long>(database, "SELECT COUNT(*) FROM outofdark.workspace_warnings"));
        Assert.Equal(1L, await Scalar<long>(database, "SELECT COUNT(*) FROM outofdark.journey_snapshots"));
    }

    [PostgresFact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_error_and_left_untouched()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var first = new PostgreSqlJourneyStore(database.ConnectionString, _clock))
        {
            await first.SaveAsync(Journey.Create(new Actor("me"), WorkspaceId.New(), "Kept", _clock));
        }

        await using (var connection = await Open(database))
        {
            await Execute(connection, $"UPDATE outofdark.schema_version SET version = {PostgreSqlJourneyStore.SchemaVersion + 1}");
        }

        const string state = """
            SELECT concat_ws('|',
                (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'outofdark'),
                (SELECT string_agg(version::text, ',') FROM outofdark.schema_version),
                (SELECT md5(string_agg(journey_id::text || name || version::text, ',')) FROM outofdark.journeys),
                (SELECT md5(string_agg(encode(data, 'hex'), ',' ORDER BY version)) FROM outofdark.journey_events))
            """;
        var before = await Scalar<string>(database, state);

        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, _clock);
        var refused = await Assert.ThrowsAsync<JourneyStoreSchemaException>(() => store.ListAsync(WorkspaceId.New()));
        Assert.Equal(PostgreSqlJourneyStore.SchemaVersion + 1, refused.FoundVersion);
        Assert.Equal(PostgreSqlJourneyStore.SchemaVersion, refused.SupportedVersion);
        var where = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal(
            $"The database '{database.Name}' on {where.Host}:{where.Port} has OutOfDark schema version {PostgreSqlJourneyStore.SchemaVersion + 1}, but this version of OutOfDark.Storage.PostgreSql knows versions up to {PostgreSqlJourneyStore.SchemaVersion}. It was written by a newer OutOfDark.Storage.PostgreSql: upgrade the package to use it. The database was left untouched.",
            refused.Message);
        await Assert.ThrowsAsync<JourneyStoreSchemaException>(() => store.SaveAsync(Journey.Create(new Actor("me"), WorkspaceId.New(), "Not written", _clock)));

        Assert.Equal(before, await Scalar<string>(database, state));
    }

    [PostgresFact]
    public async Task A_tampered_snapshot_is_not_returned_but_rebuilt_from_the_events()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, _clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = 5 });
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Genuine", _clock);
        for (var i = 0; i < 9; i++)
        {
            journey.SetOwner(new Actor("me"), $"owner {i}");
        }

        await store.SaveAsync(journey);
        await store.LoadAsync(journey.WorkspaceId, journey.Id);
        await using (var connection = await Open(database))
        {
            Assert.Equal(1, await Execute(connection, "UPDATE outofdark.journey_snapshots SET data = convert_to(replace(convert_from(data, 'UTF8'), 'Genuine', 'Forged!'), 'UTF8')"));
        }

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal("Genuine", loaded.Name);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
        var rewritten = await Scalar<byte[]>(database, "SELECT data FROM outofdark.journey_snapshots WHERE version = 10");
        Assert.Contains("Genuine", Encoding.UTF8.GetString(rewritten), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Loading_a_long_history_starts_from_the_newest_snapshot_not_from_the_first_event()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, _clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = 20 });
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Long", _clock);
        for (var i = 0; i < 99; i++)
        {
            journey.SetOwner(new Actor("me"), $"owner {i}");
        }

        await store.SaveAsync(journey);
        await store.LoadAsync(journey.WorkspaceId, journey.Id);
        journey.Rename(new Actor("me"), "Long, renamed");
        await store.SaveAsync(journey);
        await using (var connection = await Open(database))
        {
            await Execute(connection, "UPDATE outofdark.journey_events SET data = '\\x00' WHERE version <= 100");
        }

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
    }

    [PostgresFact]
    public async Task A_writer_whose_connection_drops_inside_its_transaction_leaves_the_last_committed_version()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await AssertKilledAppendLeavesNoTrace(database, async (connection, _) => await connection.DisposeAsync());
    }

    [PostgresFact]
    public async Task A_writer_whose_server_session_is_killed_inside_its_transaction_leaves_the_last_committed_version()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await AssertKilledAppendLeavesNoTrace(database, async (connection, _) =>
        {
            var pid = ((NpgsqlConnection)connection).ProcessID;
            await using var killer = await Open(database);
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", killer);
            kill.Parameters.AddWithValue("pid", pid);
            Assert.True((bool)(await kill.ExecuteScalarAsync())!);
        });
    }

    [PostgresFact]
    public async Task Two_machines_on_one_database_see_each_others_writes_and_conflicts()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var first = new PostgreSqlJourneyStore(database.ConnectionString, _clock);
        await using var second = new PostgreSqlJourneyStore(database.ConnectionString, _clock);
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Shared", _clock);
        await first.SaveAsync(journey);
        var a = await first.LoadAsync(journey.WorkspaceId, journey.Id);
        var b = await second.LoadAsync(journey.WorkspaceId, journey.Id);
        a.Rename(new Actor("a"), "From the first");
        b.Rename(new Actor("b"), "From the second");

        var outcomes = await Task.WhenAll(Record(() => first.SaveAsync(a)), Record(() => second.SaveAsync(b)));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<JourneyConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(2, (await second.LoadAsync(journey.WorkspaceId, journey.Id)).Version);
    }

    private async Task AssertKilledAppendLeavesNoTrace(TestDatabase database, Func<System.Data.Common.DbConnection, System.Threading.CancellationToken, Task> kill)
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Survivor", _clock);
        journey.AddPhase(new Actor("me"), "See");
        await using (var store = new PostgreSqlJourneyStore(database.ConnectionString, _clock))
        {
            await store.SaveAsync(journey);
            var doomed = await store.LoadAsync(journey.WorkspaceId, journey.Id);
            doomed.Rename(new Actor("me"), "Never committed");
            doomed.AddPhase(new Actor("me"), "Never committed either");
            store.AfterEventsWritten = kill;
            await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(doomed));
        }

        await using var restarted = new PostgreSqlJourneyStore(database.ConnectionString, _clock);
        var after = await restarted.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(journey.ToSnapshot(), after.ToSnapshot());
        Assert.Equal(2, (await restarted.ReadEventsAsync(journey.WorkspaceId, journey.Id)).Count);
        Assert.Equal(2L, await Scalar<long>(database, "SELECT COUNT(*) FROM outofdark.journey_events"));
        after.Rename(new Actor("me"), "Carried on");
        Assert.Equal(3, await restarted.SaveAsync(after));
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
        await Task.Yield();
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task<NpgsqlConnection> Open(TestDatabase database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(TestDatabase database, string sql)
    {
        await using var connection = await Open(database);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }
}
