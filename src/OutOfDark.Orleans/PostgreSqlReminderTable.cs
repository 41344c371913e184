using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;
using Orleans;
using Orleans.Runtime;

namespace OutOfDark.Orleans;

/// <summary>
/// Orleans reminders kept in PostgreSQL (table <c>outofdark_orleans_reminders</c>, created on start), so a journey's
/// due-recheck reminder outlives the silo that registered it: the silo that owns the grain's hash range after a failure
/// reads it and fires it. Registered by <see cref="OutOfDarkSiloBuilderExtensions.UseOutOfDarkPostgreSqlReminders"/>.
/// </summary>
/// <remarks>
/// <para>
/// Orleans' own ADO.NET reminder provider (<c>Microsoft.Orleans.Reminders.AdoNet</c>) needs its schema scripts installed
/// first; its 10.x NuGet packages do not carry them. This table needs nothing installed: it creates itself, as OutOfDark's
/// stores do. Rows are keyed by (service id, grain id, reminder name); the ETag is a version number that each upsert
/// increments, so a stale remove does nothing.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlReminderTable : IReminderTable
{
    /// <summary>The table's name.</summary>
    public const string TableName = "outofdark_orleans_reminders";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;

    /// <summary>Creates the table's client.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="serviceId">The Orleans service id (<c>ClusterOptions.ServiceId</c>): reminders of other services in the same table stay apart.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PostgreSqlReminderTable(NpgsqlDataSource dataSource, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(serviceId);
        _dataSource = dataSource;
        _serviceId = serviceId;
    }

    /// <inheritdoc />
    public Task Init() => StartAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = new NpgsqlCommand(
                    $"""
                    SELECT pg_advisory_xact_lock(7345120932);
                    CREATE TABLE IF NOT EXISTS {TableName} (
                        service_id text NOT NULL,
                        grain_id text NOT NULL,
                        reminder_name text NOT NULL,
                        grain_hash bigint NOT NULL,
                        start_at timestamptz NOT NULL,
                        period_ms bigint NOT NULL,
                        version bigint NOT NULL,
                        PRIMARY KEY (service_id, grain_id, reminder_name));
                    CREATE INDEX IF NOT EXISTS {TableName}_hash ON {TableName} (service_id, grain_hash);
                    """,
                    connection,
                    transaction);
                await using var commandScope = command.ConfigureAwait(false);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync("grain_id = $2", [Text(grainId.ToString())], cancellationToken);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        // (begin, end], wrapping around when begin >= end, as IReminderTable asks.
        QueryAsync(begin < end ? "grain_hash > $2 AND grain_hash <= $3" : "(grain_hash > $2 OR grain_hash <= $3)", [Long(begin), Long(end)], cancellationToken);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("grain_id = $2 AND reminder_name = $3", [Text(grainId.ToString()), Text(reminderName)], cancellationToken).ConfigureAwait(false);
        foreach (var row in rows.Reminders)
        {
            return row;
        }

        // Orleans' own providers answer a missing row with null too.
        return null;
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var command = _dataSource.CreateCommand(
            $"""
            INSERT INTO {TableName} (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version)
            VALUES ($1, $2, $3, $4, $5, $6, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET start_at = excluded.start_at, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = {TableName}.version + 1
            RETURNING version
            """);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Text(_serviceId));
        command.Parameters.Add(Text(entry.GrainId.ToString()));
        command.Parameters.Add(Text(entry.ReminderName));
        command.Parameters.Add(Long(entry.GrainId.GetUniformHashCode()));
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(Long((long)entry.Period.TotalMilliseconds));
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return version.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        var command = _dataSource.CreateCommand($"DELETE FROM {TableName} WHERE service_id = $1 AND grain_id = $2 AND reminder_name = $3 AND version = $4");

        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Text(_serviceId));
        command.Parameters.Add(Text(grainId.ToString()));
        command.Parameters.Add(Text(reminderName));
        command.Parameters.Add(Long(version));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand($"DELETE FROM {TableName} WHERE service_id = $1");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Text(_serviceId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Long(long value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private async Task<ReminderTableData> QueryAsync(string where, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand($"SELECT grain_id, reminder_name, start_at, period_ms, version FROM {TableName} WHERE service_id = $1 AND {where}");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Text(_serviceId));
        command.Parameters.AddRange(parameters);
        var rows = new List<ReminderEntry>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = reader.GetFieldValue<DateTime>(2),
                    Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                    ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        return new ReminderTableData(rows);
    }
}
