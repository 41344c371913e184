using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Json;

namespace OutOfDark.Storage.Relational;

/// <summary>
/// The journey store every SQL adapter shares: optimistic appends in one transaction, snapshots with checksums, loads
/// from the newest good snapshot plus the events after it, and every statement scoped by workspace. A store for another
/// SQL database wraps one of these around its own <see cref="SqlDialect"/>.
/// </summary>
/// <remarks>Thread-safe. The schema is created or upgraded by the dialect on first use.</remarks>
public sealed partial class SqlJourneyStore : IJourneyCommitStore, IDisposable
{
    private readonly SqlDialect _dialect;
    private readonly SqlStatements _sql;
    private readonly IClock _clock;
    private readonly JourneyJsonSerializer _json;
    private readonly int _snapshotInterval;
    private readonly ISqlCommitWriter[] _writers;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates the store over a dialect.</summary>
    /// <param name="dialect">The database's connections, transactions, ids and statements.</param>
    /// <param name="clock">The clock given to the journeys the store loads, for their further commands.</param>
    /// <param name="serializer">The JSON format of events and snapshots; <see cref="JourneyJsonSerializer.Default"/> when <see langword="null"/>.</param>
    /// <param name="snapshotInterval">A load that replays this many events or more stores a snapshot; at least 1.</param>
    /// <param name="writers">What else every commit writes in its transaction, in order; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dialect"/> or <paramref name="clock"/> (or a writer) is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="snapshotInterval"/> is below 1.</exception>
    public SqlJourneyStore(SqlDialect dialect, IClock clock, JourneyJsonSerializer? serializer, int snapshotInterval, IEnumerable<ISqlCommitWriter>? writers = null)
    {
        _writers = writers is null ? [] : [.. writers];
        foreach (var writer in _writers)
        {
            Guard.Against.Null(writer, nameof(writers));
        }

        Guard.Against.Null(dialect);
        Guard.Against.Null(clock);
        Guard.Against.OutOfRange(snapshotInterval, nameof(snapshotInterval), 1, int.MaxValue, "The snapshot interval must be at least 1 event.");
        _dialect = dialect;
        _sql = dialect.Sql;
        _clock = clock;
        _json = serializer ?? JourneyJsonSerializer.Default;
        _snapshotInterval = snapshotInterval;
    }

    /// <summary>Runs inside an append's transaction after its events are written and before the commit; for fault tests.</summary>
    internal Func<DbConnection, CancellationToken, Task>? AfterEventsWritten { get; set; }

    /// <summary>Releases the schema gate; the dialect's connections are the dialect's to release.</summary>
    public void Dispose() => _schemaGate.Dispose();

    /// <summary>Creates or upgrades the schema once per store; later calls return at once.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task.</returns>
    /// <exception cref="JourneyStoreSchemaException">The database was written by a newer version of the adapter.</exception>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await _dialect.MigrateAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(events);
        Guard.Against.OutOfRange(expectedVersion, nameof(expectedVersion), 0L, long.MaxValue, "The expected version must be 0 (a new journey) or the version last read.");
        return CommitCoreAsync(new JourneyCommit(workspaceId, journeyId, expectedVersion, events, []), cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CommitAsync(JourneyCommit commit, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(commit);
        return CommitCoreAsync(commit, cancellationToken);
    }

    private async Task<long> CommitCoreAsync(JourneyCommit commit, CancellationToken cancellationToken)
    {
        var (workspaceId, journeyId, expectedVersion) = (commit.WorkspaceId, commit.JourneyId, commit.ExpectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var batch = commit.Events.Count == 0 ? null : AppendBatch.Create(_json, workspaceId, journeyId, expectedVersion, commit.Events);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                long newVersion;
                if (batch is null)
                {
                    var sql = commit.WarningChanges.Count == 0 && _writers.Length == 0 ? _sql.SelectVersion : _sql.LockVersion;
                    var actual = await SelectVersionAsync(connection, transaction, sql, workspaceId, journeyId, cancellationToken).ConfigureAwait(false) ?? 0;
                    if (actual != expectedVersion)
                    {
                        throw new JourneyConcurrencyException(journeyId, expectedVersion, actual);
                    }

                    if (commit.WarningChanges.Count == 0 && _writers.Length == 0)
                    {
                        return actual;
                    }

                    newVersion = actual;
                }
                else
                {
                    newVersion = expectedVersion + batch.Data.Count;
                    if (!await MoveJourneyAsync(connection, transaction, workspaceId, journeyId, expectedVersion, newVersion, batch, cancellationToken).ConfigureAwait(false))
                    {
                        var actual = await SelectVersionAsync(connection, transaction, _sql.SelectVersion, workspaceId, journeyId, cancellationToken).ConfigureAwait(false) ?? 0;
                        throw new JourneyConcurrencyException(journeyId, expectedVersion, actual);
                    }

                    await InsertEventsAsync(connection, transaction, workspaceId, journeyId, expectedVersion, batch, cancellationToken).ConfigureAwait(false);
                }

                await InsertChangesAsync(connection, transaction, commit.WarningChanges, cancellationToken).ConfigureAwait(false);
                foreach (var writer in _writers)
                {
                    await writer.WriteAsync(connection, transaction, _dialect, commit, cancellationToken).ConfigureAwait(false);
                }

                if (AfterEventsWritten is { } hook)
                {
                    await hook(connection, cancellationToken).ConfigureAwait(false);
                }

                // Past this point the append either commits whole or not at all; a cancellation must not leave the
                // caller unsure whether it did.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return newVersion;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.OutOfRange(fromVersion, nameof(fromVersion), 0L, long.MaxValue, "The first version to read must be 0 or more.");
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var current = await SelectVersionAsync(connection, transaction, workspaceId, journeyId, cancellationToken).ConfigureAwait(false)
                    ?? throw new JourneyNotFoundException(workspaceId, journeyId);
                var to = Math.Min(toVersion ?? current, current);
                var events = to <= fromVersion ? [] : await SelectEventsAsync(connection, transaction, workspaceId, journeyId, fromVersion, to, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return events;
            }
        }
    }

    /// <inheritdoc />
    public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
        LoadAtAsync(workspaceId, journeyId, null, cancellationToken);

    /// <inheritdoc />
    public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default) =>
        LoadAtAsync(workspaceId, journeyId, version, cancellationToken);

    /// <inheritdoc />
    public async Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        long version;
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var current = await SelectVersionAsync(connection, transaction, workspaceId, journeyId, cancellationToken).ConfigureAwait(false)
                    ?? throw new JourneyNotFoundException(workspaceId, journeyId);
                version = await LastVersionAtAsync(connection, transaction, workspaceId, journeyId, instant, current, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return version == 0
            ? throw new JourneyNotFoundException($"Journey {journeyId} of workspace {workspaceId} did not exist yet at {instant}.")
            : await LoadAtAsync(workspaceId, journeyId, version, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<JourneySummary>();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, _sql.ListJourneys, workspaceId);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        list.Add(new JourneySummary(
                            workspaceId,
                            new JourneyId(_dialect.ReadId(reader, 0)),
                            StoredText.Unescape(reader.GetString(1)),
                            (JourneyState)reader.GetInt32(2),
                            reader.GetInt64(3),
                            StoredText.ReadInstant(reader.GetString(4)))
                        {
                            ParentJourneyId = reader.IsDBNull(5) ? null : new JourneyId(_dialect.ReadId(reader, 5)),
                        });
                    }
                }
            }
        }

        // Sorted here, not in SQL: databases order text by their collation, the contract orders by UTF-16 code unit.
        return list.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.JourneyId).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<WorkspaceId>();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = _sql.ListWorkspaces;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        list.Add(new WorkspaceId(_dialect.ReadId(reader, 0)));
                    }
                }
            }
        }

        // Sorted here: databases order ids by their own type (text or uuid), the port orders by WorkspaceId.
        list.Sort();
        return list;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var deleted = await ExecuteAsync(connection, transaction, _sql.DeleteJourney, workspaceId, journeyId, null, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, _sql.DeleteEvents, workspaceId, journeyId, null, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, _sql.DeleteSnapshots, workspaceId, journeyId, null, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return deleted > 0;
            }
        }
    }

    private async Task<Journey> LoadAtAsync(WorkspaceId workspaceId, JourneyId journeyId, long? version, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        Journey? journey = null;
        long target;
        IReadOnlyList<JourneyEvent> events;
        var corrupt = new List<long>();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var current = await SelectVersionAsync(connection, transaction, workspaceId, journeyId, cancellationToken).ConfigureAwait(false)
                    ?? throw new JourneyNotFoundException(workspaceId, journeyId);
                target = version ?? current;
                if (target < 1 || target > current)
                {
                    throw new ArgumentOutOfRangeException(nameof(version), version, $"Journey {journeyId} has versions 1 to {current}; there is no version {target}.");
                }

                var below = target + 1;
                while (journey is null)
                {
                    var row = await SelectSnapshotAsync(connection, transaction, workspaceId, journeyId, below - 1, cancellationToken).ConfigureAwait(false);
                    if (row is not { } found)
                    {
                        break;
                    }

                    journey = Open(workspaceId, journeyId, found.Version, found.Data, found.Checksum);
                    if (journey is null)
                    {
                        corrupt.Add(found.Version);
                        below = found.Version;
                    }
                }

                var from = journey?.Version ?? 0;
                events = target == from ? [] : await SelectEventsAsync(connection, transaction, workspaceId, journeyId, from, target, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            var snapshotVersion = journey?.Version ?? 0;
            if (snapshotVersion + events.Count != target)
            {
                throw new InvalidDataException($"{_dialect.Store} holds {snapshotVersion + events.Count} of the {target} {(target == 1 ? "event" : "events")} of journey {journeyId}: the database was changed outside the store.");
            }

            if (journey is null)
            {
                journey = Journey.Replay(events, _clock);
            }
            else
            {
                foreach (var e in events)
                {
                    journey.Apply(e);
                }
            }

            if (corrupt.Count > 0 || target - snapshotVersion >= _snapshotInterval)
            {
                await WriteSnapshotAsync(connection, workspaceId, journeyId, journey.ToSnapshot(), corrupt, cancellationToken).ConfigureAwait(false);
            }

            return journey;
        }
    }

    /// <summary>Restores a stored snapshot, or returns null when its checksum, text or identity is wrong.</summary>
    private Journey? Open(WorkspaceId workspaceId, JourneyId journeyId, long version, byte[] data, string checksum)
    {
        if (!string.Equals(StoredText.Checksum(workspaceId, journeyId, version, data), checksum, StringComparison.Ordinal))
        {
            return null;
        }

        Journey journey;
        try
        {
            journey = _json.DeserializeJourney(data, _clock);
        }
        catch (JourneyFormatException)
        {
            // A snapshot is a cache of the events: one that cannot be read is rebuilt from them.
            return null;
        }

        return journey.Id == journeyId && journey.WorkspaceId == workspaceId && journey.Version == version ? journey : null;
    }

    private async Task WriteSnapshotAsync(DbConnection connection, WorkspaceId workspaceId, JourneyId journeyId, JourneySnapshot snapshot, List<long> corrupt, CancellationToken cancellationToken)
    {
        var data = _json.SerializeDocument(snapshot);
        var checksum = StoredText.Checksum(workspaceId, journeyId, snapshot.Version, data);
        var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var bad in corrupt)
            {
                await ExecuteAsync(connection, transaction, _sql.DeleteSnapshot, workspaceId, journeyId, c => SqlDialect.Add(c, "@v", bad, DbType.Int64), cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, _sql.UpsertSnapshot, workspaceId, journeyId, c =>
            {
                SqlDialect.Add(c, "@v", snapshot.Version, DbType.Int64);
                SqlDialect.Add(c, "@data", data, DbType.Binary);
                SqlDialect.Add(c, "@checksum", checksum, DbType.String);
            }, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> MoveJourneyAsync(DbConnection connection, DbTransaction transaction, WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, long newVersion, AppendBatch batch, CancellationToken cancellationToken)
    {
        var name = batch.Name is null ? null : StoredText.Escape(batch.Name);
        var state = batch.State is { } s ? (int?)(int)s : null;
        var changed = StoredText.Write(batch.LastChangedAt);
        var affected = await ExecuteAsync(connection, transaction, expectedVersion == 0 ? _sql.InsertJourney : _sql.UpdateJourney, workspaceId, journeyId, c =>
        {
            SqlDialect.Add(c, "@v", newVersion, DbType.Int64);
            SqlDialect.Add(c, "@name", name, DbType.String);
            SqlDialect.Add(c, "@state", state, DbType.Int32);
            SqlDialect.Add(c, "@changed", changed, DbType.String);
            _dialect.AddId(c, "@parent", batch.Parent?.Value ?? Guid.Empty);
            if (batch.Parent is null)
            {
                // Typed by AddId, then emptied: the column keeps its type with a null value.
                c.Parameters["@parent"].Value = DBNull.Value;
            }

            if (expectedVersion != 0)
            {
                SqlDialect.Add(c, "@expected", expectedVersion, DbType.Int64);
                SqlDialect.Add(c, "@parentset", batch.ParentSet ? 1 : 0, DbType.Int32);
            }
        }, cancellationToken).ConfigureAwait(false);
        return affected == 1;
    }

    private async Task InsertEventsAsync(DbConnection connection, DbTransaction transaction, WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, AppendBatch batch, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, _sql.InsertEvent, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            SqlDialect.Add(command, "@v", 0L, DbType.Int64);
            SqlDialect.Add(command, "@at", 0L, DbType.Int64);
            SqlDialect.Add(command, "@format", JourneyJsonSerializer.CurrentSchemaVersion, DbType.Int32);
            SqlDialect.Add(command, "@data", Array.Empty<byte>(), DbType.Binary);
            var parameters = command.Parameters;
            for (var i = 0; i < batch.Data.Count; i++)
            {
                parameters["@v"].Value = expectedVersion + i + 1;
                parameters["@at"].Value = batch.Ticks[i];
                parameters["@data"].Value = batch.Data[i];
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task<long?> SelectVersionAsync(DbConnection connection, DbTransaction? transaction, WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken) =>
        SelectVersionAsync(connection, transaction, _sql.SelectVersion, workspaceId, journeyId, cancellationToken);

    private async Task<long?> SelectVersionAsync(DbConnection connection, DbTransaction? transaction, string sql, WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    private async Task<IReadOnlyList<JourneyEvent>> SelectEventsAsync(DbConnection connection, DbTransaction transaction, WorkspaceId workspaceId, JourneyId journeyId, long from, long to, CancellationToken cancellationToken)
    {
        var events = new List<JourneyEvent>((int)Math.Min(to - from, 100_000));
        var command = Command(connection, transaction, _sql.SelectEvents, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            SqlDialect.Add(command, "@from", from, DbType.Int64);
            SqlDialect.Add(command, "@to", to, DbType.Int64);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add(_json.DeserializeEvent(reader.GetFieldValue<byte[]>(1), reader.GetInt32(0)));
                }
            }
        }

        return events;
    }

    private async Task<(long Version, byte[] Data, string Checksum)?> SelectSnapshotAsync(DbConnection connection, DbTransaction transaction, WorkspaceId workspaceId, JourneyId journeyId, long to, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, _sql.SelectSnapshot, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            SqlDialect.Add(command, "@to", to, DbType.Int64);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2))
                    : null;
            }
        }
    }

    /// <summary>The last version whose events all occurred at or before <paramref name="instant"/>: 0 when the first did not.</summary>
    private async Task<long> LastVersionAtAsync(DbConnection connection, DbTransaction transaction, WorkspaceId workspaceId, JourneyId journeyId, Instant instant, long current, CancellationToken cancellationToken)
    {
        var ticks = StoredText.Ticks(instant);
        long firstAfter;
        var command = Command(connection, transaction, _sql.FirstVersionAfter, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            SqlDialect.Add(command, "@at", ticks, DbType.Int64);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            firstAfter = value is null or DBNull ? current + 1 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        // Ticks are 100 ns: events in the instant's own tick may still be after it, by nanoseconds.
        command = Command(connection, transaction, _sql.EventsAtTick, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            SqlDialect.Add(command, "@at", ticks, DbType.Int64);
            SqlDialect.Add(command, "@before", firstAfter, DbType.Int64);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (_json.DeserializeEvent(reader.GetFieldValue<byte[]>(2), reader.GetInt32(1)).OccurredAt > instant)
                    {
                        return reader.GetInt64(0) - 1;
                    }
                }
            }
        }

        return firstAfter - 1;
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, WorkspaceId workspaceId, JourneyId journeyId, Action<DbCommand>? parameters, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, sql, workspaceId, journeyId);
        await using (command.ConfigureAwait(false))
        {
            parameters?.Invoke(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, WorkspaceId workspaceId, JourneyId? journeyId = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of the dialect; values go in parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        _dialect.AddId(command, "@w", workspaceId.Value);
        if (journeyId is { } id)
        {
            _dialect.AddId(command, "@j", id.Value);
        }

        return command;
    }
}
