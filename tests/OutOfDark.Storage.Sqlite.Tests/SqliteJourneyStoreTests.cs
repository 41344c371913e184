using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Json;
using Xunit;

namespace OutOfDark.Storage.Sqlite.Tests;

public sealed class SqliteJourneyStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 3, 1, 9, 0, 0);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_file_is_created_with_the_newest_schema_on_first_use()
    {
        var path = _folder.File(Path.Combine("sub", "journeys.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var store = new SqliteJourneyStore(path, _clock);
        Assert.False(File.Exists(path));

        Assert.Empty(await store.ListAsync(WorkspaceId.New()));

        Assert.True(File.Exists(path));
        Assert.Equal(SqliteJourneyStore.SchemaVersion, Scalar(path, "SELECT version FROM outofdark_schema"));
        Assert.Equal("wal", Scalar<string>(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_refused_naming_the_path_and_what_to_do()
    {
        var path = _folder.File(Path.Combine("missing", "dir", "j.db"));
        var folder = Path.GetDirectoryName(path)!;

        var error = Assert.Throws<DirectoryNotFoundException>(() => new SqliteJourneyStore(path, _clock));

        Assert.Equal(
            $"The SQLite journey store cannot create '{path}': its folder '{folder}' does not exist. Create the folder first (for example Directory.CreateDirectory(\"{folder}\")) or choose a path in an existing folder.",
            error.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_folder_removed_after_the_store_was_made_is_named_when_the_file_cannot_be_opened()
    {
        var folder = Path.Combine(_folder.File("gone"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "j.db");
        await using var store = new SqliteJourneyStore(path, _clock);
        Directory.Delete(folder);

        var error = await Assert.ThrowsAsync<IOException>(() => store.ListAsync(WorkspaceId.New()));

        Assert.StartsWith($"The SQLite journey store cannot open '{path}' ({path}): SQLite Error 14: 'unable to open database file'.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check that its folder exists and that this process may read and write the file and the folder.", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public async Task A_database_of_schema_version_1_is_upgraded_on_open_and_keeps_its_journeys()
    {
        var path = _folder.File("old.db");
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Written by version 1", _clock);
        journey.AddPhase(new Actor("me"), "See");
        var events = journey.PendingEvents.ToList();
        using (var connection = Open(path))
        {
            Execute(connection, SqliteSchema.Migrations[0] + "UPDATE outofdark_schema SET version = 1;");
            Execute(connection, $"INSERT INTO journeys VALUES ('{journey.WorkspaceId}', '{journey.Id}', 2, 'Written by version 1', 0, '2026-03-01T09:00:00Z')");
            for (var i = 0; i < events.Count; i++)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO journey_events VALUES (@w, @j, @v, @at, 1, @data)";
                insert.Parameters.AddWithValue("@w", journey.WorkspaceId.ToString());
                insert.Parameters.AddWithValue("@j", journey.Id.ToString());
                insert.Parameters.AddWithValue("@v", i + 1);
                insert.Parameters.AddWithValue("@at", events[i].OccurredAt.ToUnixTimeTicks());
                insert.Parameters.AddWithValue("@data", JourneyJsonSerializer.Default.SerializeEvent(events[i]));
                insert.ExecuteNonQuery();
            }
        }

        await using var store = new SqliteJourneyStore(path, _clock, new SqliteJourneyStoreOptions { SnapshotInterval = 1 });
        Assert.Equal(journey.ToSnapshot(), (await store.LoadAsync(journey.WorkspaceId, journey.Id)).ToSnapshot());

        Assert.Equal(SqliteJourneyStore.SchemaVersion, Scalar(path, "SELECT version FROM outofdark_schema"));
        Assert.Equal(1, Scalar(path, "SELECT COUNT(*) FROM journey_snapshots"));
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM workspace_warnings"));
        Assert.Equal(0, Scalar(path, "SELECT COUNT(*) FROM journey_health"));
    }

    [Fact]
    public async Task A_snapshot_stored_as_a_version_1_document_loads_through_the_json_migration()
    {
        var path = _folder.File("v1-snapshot.db");
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Snapshot from version 1", _clock);
        journey.AddPhase(new Actor("me"), "See");
        await using (var first = new SqliteJourneyStore(path, _clock, new SqliteJourneyStoreOptions { SnapshotInterval = 1 }))
        {
            await first.SaveAsync(journey);
            await first.LoadAsync(journey.WorkspaceId, journey.Id);   // a load writes the snapshot
        }

        var document = System.Text.Json.Nodes.JsonNode.Parse(JourneyJsonSerializer.Default.SerializeDocument(journey.ToSnapshot()))!.AsObject();
        document["schemaVersion"] = 1;
        foreach (var member in new[] { "ruleSettings", "parentJourneyId", "lanes", "opportunities", "pairing", "metrics" })
        {
            // Members version 1 never had: a version-1 document carrying them is refused.
            document.Remove(member);
        }

        foreach (var item in document["activities"]!.AsArray().Concat(document["phases"]!.AsArray()))
        {
            item!.AsObject().Remove("lane");
            item.AsObject().Remove("subJourneyId");
            item.AsObject().Remove("metrics");
        }

        var data = Encoding.UTF8.GetBytes(document.ToJsonString());
        using (var connection = Open(path))
        {
            // Only the version-1 snapshot is left: were it unreadable, the load would have no events to rebuild from.
            Execute(connection, "DELETE FROM journey_events");
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE journey_snapshots SET data = @data, checksum = @checksum";
            update.Parameters.AddWithValue("@data", data);
            update.Parameters.AddWithValue("@checksum", SnapshotChecksum(journey.WorkspaceId, journey.Id, journey.Version, data));
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        await using var store = new SqliteJourneyStore(path, _clock);
        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);

        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_error_and_left_untouched()
    {
        var path = _folder.File("newer.db");
        await using (var first = new SqliteJourneyStore(path, _clock))
        {
            await first.SaveAsync(Journey.Create(new Actor("me"), WorkspaceId.New(), "Kept", _clock));
        }

        using (var connection = Open(path))
        {
            Execute(connection, $"UPDATE outofdark_schema SET version = {SqliteJourneyStore.SchemaVersion + 1}");
        }

        SqliteConnection.ClearAllPools();
        var before = Hash(path);

        await using var store = new SqliteJourneyStore(path, _clock);
        var refused = await Assert.ThrowsAsync<JourneyStoreSchemaException>(() => store.ListAsync(WorkspaceId.New()));
        Assert.Equal(SqliteJourneyStore.SchemaVersion + 1, refused.FoundVersion);
        Assert.Equal(SqliteJourneyStore.SchemaVersion, refused.SupportedVersion);
        Assert.Equal(
            $"The database '{path}' has OutOfDark schema version {SqliteJourneyStore.SchemaVersion + 1}, but this version of OutOfDark.Storage.Sqlite knows versions up to {SqliteJourneyStore.SchemaVersion}. It was written by a newer OutOfDark.Storage.Sqlite: upgrade the package to use it. The database was left untouched.",
            refused.Message);
        await Assert.ThrowsAsync<JourneyStoreSchemaException>(() => store.SaveAsync(Journey.Create(new Actor("me"), WorkspaceId.New(), "Not written", _clock)));
        await Assert.ThrowsAsync<JourneyStoreSchemaException>(() => store.MigrateAsync());

        await store.DisposeAsync();
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task Loading_a_long_history_starts_from_the_newest_snapshot_not_from_the_first_event()
    {
        var path = _folder.File("long.db");
        await using var store = new SqliteJourneyStore(path, _clock, new SqliteJourneyStoreOptions { SnapshotInterval = 20 });
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Long", _clock);
        for (var i = 0; i < 99; i++)
        {
            journey.SetOwner(new Actor("me"), $"owner {i}");
        }

        await store.SaveAsync(journey);
        await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(100, Scalar(path, "SELECT MAX(version) FROM journey_snapshots"));
        journey.Rename(new Actor("me"), "Long, renamed");
        await store.SaveAsync(journey);

        // Events before the snapshot are never read again: wreck them and the load still succeeds.
        using (var connection = Open(path))
        {
            Execute(connection, "UPDATE journey_events SET data = X'00' WHERE version <= 100");
        }

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
        Assert.Equal(101, loaded.Version);
    }

    [Fact]
    public async Task A_tampered_snapshot_is_not_returned_but_rebuilt_from_the_events()
    {
        var path = _folder.File("tampered.db");
        await using var store = new SqliteJourneyStore(path, _clock, new SqliteJourneyStoreOptions { SnapshotInterval = 5 });
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Genuine", _clock);
        for (var i = 0; i < 9; i++)
        {
            journey.SetOwner(new Actor("me"), $"owner {i}");
        }

        await store.SaveAsync(journey);
        await store.LoadAsync(journey.WorkspaceId, journey.Id);

        // Still valid JSON and a valid journey, only the name differs: the checksum catches it.
        using (var connection = Open(path))
        {
            var data = Scalar<byte[]>(connection, "SELECT data FROM journey_snapshots WHERE version = 10");
            var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("Genuine", "Forged!", StringComparison.Ordinal));
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE journey_snapshots SET data = @data WHERE version = 10";
            update.Parameters.AddWithValue("@data", forged);
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal("Genuine", loaded.Name);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());

        // The row was rewritten from the events: the next load trusts it again and finds the genuine name in it.
        using (var connection = Open(path))
        {
            Assert.Contains("Genuine", Encoding.UTF8.GetString(Scalar<byte[]>(connection, "SELECT data FROM journey_snapshots WHERE version = 10")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unreadable_snapshot_is_rebuilt_from_the_events()
    {
        var path = _folder.File("garbage.db");
        await using var store = new SqliteJourneyStore(path, _clock, new SqliteJourneyStoreOptions { SnapshotInterval = 3 });
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Sturdy", _clock);
        journey.AddPhase(new Actor("me"), "See");
        journey.AddPhase(new Actor("me"), "Think");
        await store.SaveAsync(journey);
        await store.LoadAsync(journey.WorkspaceId, journey.Id);
        using (var connection = Open(path))
        {
            Assert.Equal(1, Execute(connection, "UPDATE journey_snapshots SET data = CAST('{\"not\": \"a journey\"' AS BLOB)"));
        }

        Assert.Equal(journey.ToSnapshot(), (await store.LoadAsync(journey.WorkspaceId, journey.Id)).ToSnapshot());
        Assert.Equal(journey.ToSnapshot(), (await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, 3)).ToSnapshot());
    }

    [Fact]
    public async Task A_writer_killed_inside_its_transaction_leaves_the_journey_at_its_last_committed_version()
    {
        var path = _folder.File("killed.db");
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Survivor", _clock);
        journey.AddPhase(new Actor("me"), "See");
        await using (var store = new SqliteJourneyStore(path, _clock))
        {
            await store.SaveAsync(journey);
            var doomed = await store.LoadAsync(journey.WorkspaceId, journey.Id);
            doomed.Rename(new Actor("me"), "Never committed");
            doomed.AddPhase(new Actor("me"), "Never committed either");
            store.AfterEventsWritten = (connection, _) =>
            {
                connection.Dispose();
                return Task.CompletedTask;
            };
            await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(doomed));
        }

        SqliteConnection.ClearAllPools();
        await using var restarted = new SqliteJourneyStore(path, _clock);
        var after = await restarted.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(journey.ToSnapshot(), after.ToSnapshot());
        Assert.Equal(2, (await restarted.ReadEventsAsync(journey.WorkspaceId, journey.Id)).Count);
        Assert.Equal(2, Assert.Single(await restarted.ListAsync(journey.WorkspaceId)).Version);

        after.Rename(new Actor("me"), "Carried on");
        Assert.Equal(3, await restarted.SaveAsync(after));
    }

    [Fact]
    public async Task Two_stores_on_one_file_see_each_others_writes_and_conflicts()
    {
        var path = _folder.File("shared.db");
        await using var first = new SqliteJourneyStore(path, _clock);
        await using var second = new SqliteJourneyStore(path, _clock);
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Shared", _clock);
        await first.SaveAsync(journey);

        var a = await first.LoadAsync(journey.WorkspaceId, journey.Id);
        var b = await second.LoadAsync(journey.WorkspaceId, journey.Id);
        a.Rename(new Actor("a"), "From the first");
        b.Rename(new Actor("b"), "From the second");
        var outcomes = await Task.WhenAll(
            Task.Run(async () => await Record(() => first.SaveAsync(a))),
            Task.Run(async () => await Record(() => second.SaveAsync(b))));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<JourneyConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(2, (await second.LoadAsync(journey.WorkspaceId, journey.Id)).Version);
    }

    [Fact]
    public void An_in_memory_sqlite_database_is_refused_with_the_reason()
    {
        var refused = Assert.Throws<ArgumentException>(() => new SqliteJourneyStore(":memory:", _clock));
        Assert.Contains("InMemoryJourneyStore", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
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

    /// <summary>The checksum the store keeps beside a snapshot: SHA-256 over "workspace|journey|version|" and the data.</summary>
    private static string SnapshotChecksum(WorkspaceId workspaceId, JourneyId journeyId, long version, byte[] data) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(FormattableString.Invariant($"{workspaceId:D}|{journeyId:D}|{version}|")), .. data]));

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static int Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static long Scalar(string path, string sql) => Scalar<long>(path, sql);

    private static T Scalar<T>(string path, string sql)
    {
        using var connection = Open(path);
        return Scalar<T>(connection, sql);
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
