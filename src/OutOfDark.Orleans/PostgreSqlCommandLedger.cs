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
/// save (<see cref="Saving"/>, an async-local scope); a commit made outside such a scope (a due re-check, another host
/// writing through the store directly) records nothing. The primary key (workspace, journey, command) refuses a second
/// row for the same command, and with it the second save, should two activations of one journey ever race.
/// </para>
/// <para>Rows stay when a journey is deleted; each is about 80 bytes. Thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlCommandLedger : ISqlCommitWriter, IDisposable
{
    /// <summary>The table's name.</summary>
    public const string TableName = "outofdark_orleans_commands";

    private static readonly AsyncLocal<Guid?> Current = new();
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
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<Guid, long>();
        var command = _dataSource.CreateCommand($"SELECT command_id, journey_version FROM {TableName} WHERE workspace_id = $1 AND journey_id = $2");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = workspaceId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = journeyId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied[reader.GetGuid(0)] = reader.GetInt64(1);
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
    public static IDisposable Saving(Guid commandId)
    {
        if (commandId == Guid.Empty)
        {
            throw new ArgumentException("A command id must not be empty.", nameof(commandId));
        }

        var previous = Current.Value;
        Current.Value = commandId;
        return new Scope(previous);
    }

    /// <inheritdoc />
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, JourneyCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(commit);
        if (Current.Value is not { } commandId || commit.Events.Count == 0)
        {
            return;
        }

        var command = connection.CreateCommand();

        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {TableName} (workspace_id, journey_id, command_id, journey_version) VALUES ($1, $2, $3, $4)";
        command.Parameters.Add(new NpgsqlParameter { Value = commit.WorkspaceId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = commit.JourneyId.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = commandId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = commit.NewVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Scope(Guid? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
