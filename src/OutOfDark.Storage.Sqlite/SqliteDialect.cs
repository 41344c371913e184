using System;
using System.Data;
using System.Data.Common;
using System.IO;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using OutOfDark.Storage.Relational;

namespace OutOfDark.Storage.Sqlite;

/// <summary>SQLite's connections, transactions, ids (lowercase GUID text) and statements.</summary>
internal sealed class SqliteDialect(string connectionString, string path, bool flushEveryCommit) : SqlDialect
{
    private static readonly SqlStatements Statements = new()
    {
        SelectVersion = "SELECT version FROM journeys WHERE workspace_id = @w AND journey_id = @j",
        InsertJourney = "INSERT INTO journeys (workspace_id, journey_id, version, name, state, last_changed_at, parent_journey_id) VALUES (@w, @j, @v, @name, @state, @changed, @parent) ON CONFLICT DO NOTHING",
        UpdateJourney = "UPDATE journeys SET version = @v, name = COALESCE(@name, name), state = COALESCE(@state, state), last_changed_at = @changed, parent_journey_id = CASE WHEN @parentset = 1 THEN @parent ELSE parent_journey_id END WHERE workspace_id = @w AND journey_id = @j AND version = @expected",
        InsertEvent = "INSERT INTO journey_events (workspace_id, journey_id, version, occurred_at, format, data) VALUES (@w, @j, @v, @at, @format, @data)",
        SelectEvents = "SELECT format, data FROM journey_events WHERE workspace_id = @w AND journey_id = @j AND version > @from AND version <= @to ORDER BY version",
        SelectSnapshot = "SELECT version, data, checksum FROM journey_snapshots WHERE workspace_id = @w AND journey_id = @j AND version <= @to ORDER BY version DESC LIMIT 1",
        UpsertSnapshot = "INSERT INTO journey_snapshots (workspace_id, journey_id, version, data, checksum) SELECT @w, @j, @v, @data, @checksum WHERE EXISTS (SELECT 1 FROM journeys WHERE workspace_id = @w AND journey_id = @j AND version >= @v) ON CONFLICT (workspace_id, journey_id, version) DO UPDATE SET data = excluded.data, checksum = excluded.checksum",
        DeleteSnapshot = "DELETE FROM journey_snapshots WHERE workspace_id = @w AND journey_id = @j AND version = @v",
        FirstVersionAfter = "SELECT MIN(version) FROM journey_events WHERE workspace_id = @w AND journey_id = @j AND occurred_at > @at",
        EventsAtTick = "SELECT version, format, data FROM journey_events WHERE workspace_id = @w AND journey_id = @j AND occurred_at = @at AND version < @before ORDER BY version",
        ListJourneys = "SELECT journey_id, name, state, version, last_changed_at, parent_journey_id FROM journeys WHERE workspace_id = @w",
        ListWorkspaces = "SELECT DISTINCT workspace_id FROM journeys",
        DeleteEvents = "DELETE FROM journey_events WHERE workspace_id = @w AND journey_id = @j",
        DeleteSnapshots = "DELETE FROM journey_snapshots WHERE workspace_id = @w AND journey_id = @j",
        DeleteJourney = "DELETE FROM journeys WHERE workspace_id = @w AND journey_id = @j",
        LockVersion = "SELECT version FROM journeys WHERE workspace_id = @w AND journey_id = @j",
        NextFeedPositions = "UPDATE warning_feed_head SET position = position + @n WHERE id = 1 RETURNING position",
        InsertFeedChange = "INSERT INTO warning_feed (position, change_id, workspace_id, journey_id, journey_version, kind, rule, subject_kind, subject_id, severity, previous_severity, message, occurred_at, segment) VALUES (@p, @id, @w, @j, @v, @kind, @rule, @sk, @sid, @sev, @prev, @msg, @at, @seg)",
        SelectFeed = "SELECT position, change_id, workspace_id, journey_id, journey_version, kind, rule, subject_kind, subject_id, severity, previous_severity, message, occurred_at, segment FROM warning_feed WHERE position > @after ORDER BY position LIMIT @limit",
        EnsureCursor = "INSERT INTO warning_feed_cursors (subscriber, position) VALUES (@s, 0) ON CONFLICT DO NOTHING",
        SelectCursor = "SELECT position FROM warning_feed_cursors WHERE subscriber = @s",
        UpdateCursor = "UPDATE warning_feed_cursors SET position = @p WHERE subscriber = @s",
        SelectFeedHead = "SELECT position FROM warning_feed_head WHERE id = 1",
    };

    private const int CantOpen = 14; // SQLITE_CANTOPEN

    public override string Store => "OutOfDark.Storage.Sqlite";

    public override SqlStatements Sql => Statements;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!flushEveryCommit)
            {
                await ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL", cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == CantOpen)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"The SQLite journey store cannot open '{path}' ({System.IO.Path.GetFullPath(path)}): {e.Message} Check that its folder exists and that this process may read and write the file and the folder.", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // BEGIN IMMEDIATE: the write lock is taken before the version is read, so two writers cannot both see it current.
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // A subscriber's lock is a lock file beside the database, held open with no sharing: every process on the machine
    // sees it, and it dies with the process that holds it. A "file:" URI database falls back to the in-process lock.
    public override ValueTask<IAsyncDisposable?> TryLockSubscriberAsync(DbConnection connection, string subscriber, CancellationToken cancellationToken)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return base.TryLockSubscriberAsync(connection, subscriber, cancellationToken);
        }

        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subscriber)))[..16];
        var file = $"{System.IO.Path.GetFullPath(path)}.feed-{name}.lock";
        try
        {
            return ValueTask.FromResult<IAsyncDisposable?>(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(file))
        {
            // Held by another cursor of this or another process.
            return ValueTask.FromResult<IAsyncDisposable?>(null);
        }
    }

    public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override void AddId(DbCommand command, string name, Guid value) =>
        Add(command, name, value.ToString("D", CultureInfo.InvariantCulture), DbType.String);

    public override Guid ReadId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Read first, write nothing: a database from a newer version must be left exactly as it is.
            var found = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            Refuse(found);
            if (found == SqliteSchema.Version)
            {
                return;
            }

            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                found = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                Refuse(found);
                for (var version = found + 1; version <= SqliteSchema.Version; version++)
                {
                    await ExecuteAsync(connection, transaction, SqliteSchema.Migrations[version - 1], cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, $"UPDATE {SqliteSchema.VersionTable} SET version = {version.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Readers then never block the writer, nor the writer readers.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        }
    }

    private void Refuse(int found)
    {
        if (found > SqliteSchema.Version)
        {
            throw new JourneyStoreSchemaException(Store, $"'{path}'", found, SqliteSchema.Version);
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{SqliteSchema.VersionTable}'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                return 0;
            }

            command.CommandText = $"SELECT version FROM {SqliteSchema.VersionTable}";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
#pragma warning disable CA2100 // Migrations are constants of the adapter; they take no input.
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
