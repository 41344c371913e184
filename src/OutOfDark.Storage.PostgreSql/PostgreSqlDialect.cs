using System;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using OutOfDark.Storage.Relational;

namespace OutOfDark.Storage.PostgreSql;

/// <summary>PostgreSQL's connections, transactions, ids (<c>uuid</c>) and statements.</summary>
internal sealed class PostgreSqlDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    private static readonly SqlStatements Statements = new()
    {
        SelectVersion = "SELECT version FROM outofdark.journeys WHERE workspace_id = @w AND journey_id = @j",
        InsertJourney = "INSERT INTO outofdark.journeys (workspace_id, journey_id, version, name, state, last_changed_at, parent_journey_id) VALUES (@w, @j, @v, @name, @state, @changed, @parent) ON CONFLICT DO NOTHING",
        UpdateJourney = "UPDATE outofdark.journeys SET version = @v, name = COALESCE(@name, name), state = COALESCE(@state, state), last_changed_at = @changed, parent_journey_id = CASE WHEN @parentset = 1 THEN @parent ELSE parent_journey_id END WHERE workspace_id = @w AND journey_id = @j AND version = @expected",
        InsertEvent = "INSERT INTO outofdark.journey_events (workspace_id, journey_id, version, occurred_at, format, data) VALUES (@w, @j, @v, @at, @format, @data)",
        SelectEvents = "SELECT format, data FROM outofdark.journey_events WHERE workspace_id = @w AND journey_id = @j AND version > @from AND version <= @to ORDER BY version",
        SelectSnapshot = "SELECT version, data, checksum FROM outofdark.journey_snapshots WHERE workspace_id = @w AND journey_id = @j AND version <= @to ORDER BY version DESC LIMIT 1",
        UpsertSnapshot = "INSERT INTO outofdark.journey_snapshots (workspace_id, journey_id, version, data, checksum) SELECT @w, @j, @v, @data, @checksum WHERE EXISTS (SELECT 1 FROM outofdark.journeys WHERE workspace_id = @w AND journey_id = @j AND version >= @v) ON CONFLICT (workspace_id, journey_id, version) DO UPDATE SET data = excluded.data, checksum = excluded.checksum",
        DeleteSnapshot = "DELETE FROM outofdark.journey_snapshots WHERE workspace_id = @w AND journey_id = @j AND version = @v",
        FirstVersionAfter = "SELECT MIN(version) FROM outofdark.journey_events WHERE workspace_id = @w AND journey_id = @j AND occurred_at > @at",
        EventsAtTick = "SELECT version, format, data FROM outofdark.journey_events WHERE workspace_id = @w AND journey_id = @j AND occurred_at = @at AND version < @before ORDER BY version",
        ListJourneys = "SELECT journey_id, name, state, version, last_changed_at, parent_journey_id FROM outofdark.journeys WHERE workspace_id = @w",
        ListWorkspaces = "SELECT DISTINCT workspace_id FROM outofdark.journeys",
        DeleteEvents = "DELETE FROM outofdark.journey_events WHERE workspace_id = @w AND journey_id = @j",
        DeleteSnapshots = "DELETE FROM outofdark.journey_snapshots WHERE workspace_id = @w AND journey_id = @j",
        DeleteJourney = "DELETE FROM outofdark.journeys WHERE workspace_id = @w AND journey_id = @j",
        LockVersion = "SELECT version FROM outofdark.journeys WHERE workspace_id = @w AND journey_id = @j FOR UPDATE",
        NextFeedPositions = "UPDATE outofdark.warning_feed_head SET position = position + @n WHERE id = 1 RETURNING position",
        InsertFeedChange = "INSERT INTO outofdark.warning_feed (position, change_id, workspace_id, journey_id, journey_version, kind, rule, subject_kind, subject_id, severity, previous_severity, message, occurred_at, segment) VALUES (@p, @id, @w, @j, @v, @kind, @rule, @sk, @sid, @sev, @prev, @msg, @at, @seg)",
        SelectFeed = "SELECT position, change_id, workspace_id, journey_id, journey_version, kind, rule, subject_kind, subject_id, severity, previous_severity, message, occurred_at, segment FROM outofdark.warning_feed WHERE position > @after ORDER BY position LIMIT @limit",
        EnsureCursor = "INSERT INTO outofdark.warning_feed_cursors (subscriber, position) VALUES (@s, 0) ON CONFLICT DO NOTHING",
        SelectCursor = "SELECT position FROM outofdark.warning_feed_cursors WHERE subscriber = @s",
        UpdateCursor = "UPDATE outofdark.warning_feed_cursors SET position = @p WHERE subscriber = @s",
        SelectFeedHead = "SELECT position FROM outofdark.warning_feed_head WHERE id = 1",
    };

    public override string Store => "OutOfDark.Storage.PostgreSql";

    public override SqlStatements Sql => Statements;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    // Read committed is enough: the version check is an UPDATE … WHERE version = @expected, which waits for a concurrent
    // writer's row lock and then sees its committed version.
    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    // A session-level advisory lock on the cursor's connection: PostgreSQL releases it when that connection ends, so a
    // host that dies frees its subscribers at once. Keyed by a namespace and a hash of the name; two names sharing a
    // hash only take turns, they never deliver a change twice.
    public override async ValueTask<IAsyncDisposable?> TryLockSubscriberAsync(DbConnection connection, string subscriber, CancellationToken cancellationToken)
    {
        var key = BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subscriber)), 0);
        var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@ns, @key)", (NpgsqlConnection)connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("ns", PostgreSqlSchema.FeedLockSpace);
            command.Parameters.AddWithValue("key", key);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
                ? new AdvisoryLock((NpgsqlConnection)connection, key)
                : null;
        }
    }

    public override void AddId(DbCommand command, string name, Guid value) => Add(command, name, value, DbType.Guid);

    public override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Read first, write nothing: a database from a newer version must be left exactly as it is.
            var found = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            Refuse(connection, found);
            if (found == PostgreSqlSchema.Version)
            {
                return;
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Machines starting together: one migrates, the others wait here and then find it done.
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgreSqlSchema.MigrationLock.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
                found = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                Refuse(connection, found);
                for (var version = found + 1; version <= PostgreSqlSchema.Version; version++)
                {
                    await ExecuteAsync(connection, transaction, PostgreSqlSchema.Migrations[version - 1], cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, $"UPDATE {PostgreSqlSchema.VersionTable} SET version = {version.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Refuse(NpgsqlConnection connection, int found)
    {
        if (found > PostgreSqlSchema.Version)
        {
            throw new JourneyStoreSchemaException(Store, $"'{connection.Database}' on {connection.Host}:{connection.Port.ToString(CultureInfo.InvariantCulture)}", found, PostgreSqlSchema.Version);
        }
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        // A query on the catalog, not to_regclass: after waiting for the migration lock, only a fresh catalog read sees
        // the tables another machine has just created.
        var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = 'outofdark' AND tablename = 'schema_version')", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }

            command.CommandText = $"SELECT version FROM {PostgreSqlSchema.VersionTable}";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Migrations are constants of the adapter; they take no input.
        var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State != ConnectionState.Open)
            {
                return;
            }

            var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@ns, @key)", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("ns", PostgreSqlSchema.FeedLockSpace);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
