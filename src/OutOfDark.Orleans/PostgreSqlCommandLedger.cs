using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;
using OutOfDark.Storage.Relational;

namespace OutOfDark.Orleans;

/// <summary>
/// The record of which commands each journey has applied (table <c>outofdark_orleans_commands</c>): the idempotency keys of
/// <see cref="JourneyCommand.CommandId"/>. Written by the journey store in the transaction of the command's events, as one
/// of its <see cref="ISqlCommitWriter"/>s (<see cref="OutOfDark.Storage.PostgreSql.PostgreSqlJourneyStoreOptions.CommitWriters"/>),
/// so a command is recorded exactly when its events are saved.
/// </summary>
/// <remarks>
/// <para>
/// The journey store's commit carries no command id, so the grain names the command it is saving for the duration of the
/// save (<see cref="Saving(Guid, byte[])"/>, an async-local scope); a commit made outside such a scope (a due re-check, another host
/// writing through the store directly) records nothing. The primary key (workspace, journey, command) refuses a second
/// row for the same command, and with it the second save, should two activations of one journey ever race.
/// </para>
/// <para>Rows stay when a journey is deleted; each is about 80 bytes. Thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlCommandLedger : ISqlCommitWriter, IDisposable
{
    /// <summary>The table's name.</summary>
    public const string TableName = "outofdark_orleans_commands";

    private static readonly AsyncLocal<SavingCommand?> Current = new();
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates the ledger on a database (the journey store's).</summary>
    /// <param name="dataSource">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    public PostgreSqlCommandLedger(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Creates the table when it is missing (idempotent, safe from several silos at once).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    // CREATE TABLE IF NOT EXISTS races with itself across connections; the lock orders the silos.
                    var command = new NpgsqlCommand(
                        $"""
                        SELECT pg_advisory_xact_lock(7345120931);
                        CREATE TABLE IF NOT EXISTS {TableName} (
                            workspace_id uuid NOT NULL,
                            journey_id uuid NOT NULL,
                            command_id uuid NOT NULL,
                            journey_version bigint NOT NULL,
                            PRIMARY KEY (workspace_id, journey_id, command_id));
                        ALTER TABLE {TableName} ADD COLUMN IF NOT EXISTS payload_hash bytea NULL;
                        """,
                        connection,
                        transaction);
                    await using var commandScope = command.ConfigureAwait(false);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _schemaGate.Dispose();

    /// <summary>The commands a journey has applied, with the version each saved.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Command id → journey version after the command.</returns>
    public async Task<Dictionary<Guid, long>> ReadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        var applied = await ReadAppliedAsync(workspaceId, journeyId, cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<Guid, long>(applied.Count);
        foreach (var (id, entry) in applied)
        {
            versions[id] = entry.Version;
        }

        return versions;
    }

    /// <summary>The commands a journey has applied, with the version each saved and the hash of its payload.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Command id → what was applied; <see cref="AppliedCommand.PayloadHash"/> is <see langword="null"/> for rows saved without one.</returns>
    public async Task<Dictionary<Guid, AppliedCommand>> ReadAppliedAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<Guid, AppliedCommand>();
        var command = _dataSource.CreateCommand($"SELECT command_id, journey_version, payload_hash FROM {TableName} WHERE workspace_id = $1 AND journey_id = $2");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = journeyId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied[reader.GetGuid(0)] = new AppliedCommand(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2));
            }
        }

        return applied;
    }

    /// <summary>
    /// Names the command being saved until the returned scope is disposed: commits of the journey store in this
    /// asynchronous flow record it.
    /// </summary>
    /// <param name="commandId">The command's id.</param>
    /// <returns>The scope; dispose it when the save is over.</returns>
    /// <exception cref="ArgumentException"><paramref name="commandId"/> is <see cref="Guid.Empty"/>.</exception>
    public static IDisposable Saving(Guid commandId) => Saving(commandId, null);

    /// <summary>
    /// Names the command being saved, with the hash of its payload, until the returned scope is disposed: commits of the
    /// journey store in this asynchronous flow record both, so a later command reusing the id with another payload is
    /// recognised (<see cref="JourneyCommandIdReusedException"/>).
    /// </summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="payloadHash">The hash of the command's payload (SHA-256 of the command without its id); <see langword="null"/> for none.</param>
    /// <returns>The scope; dispose it when the save is over.</returns>
    /// <exception cref="ArgumentException"><paramref name="commandId"/> is <see cref="Guid.Empty"/>.</exception>
    public static IDisposable Saving(Guid commandId, byte[]? payloadHash)
    {
        if (commandId == Guid.Empty)
        {
            throw new ArgumentException("A command id must not be empty.", nameof(commandId));
        }

        var previous = Current.Value;
        Current.Value = new SavingCommand(commandId, payloadHash);
        return new Scope(previous);
    }

    /// <inheritdoc />
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, JourneyCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(commit);
        if (Current.Value is not { } saving || commit.Events.Count == 0)
        {
            return;
        }

        var command = connection.CreateCommand();

        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {TableName} (workspace_id, journey_id, command_id, journey_version, payload_hash) VALUES ($1, $2, $3, $4, $5)";
        command.Parameters.Add(new NpgsqlParameter { Value = commit.WorkspaceId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = commit.JourneyId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = saving.CommandId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = commit.NewVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)saving.PayloadHash ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record SavingCommand(Guid CommandId, byte[]? PayloadHash);

    private sealed class Scope(SavingCommand? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>A command a journey applied, as its ledger recorded it.</summary>
/// <param name="Version">The journey's version after the command.</param>
/// <param name="PayloadHash">The SHA-256 hash of the command's payload (SHA-256 of the command without its id), 32 bytes; <see langword="null"/> when it was saved without one.</param>
public sealed record AppliedCommand(long Version, byte[]? PayloadHash);
