using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark.Storage.Relational;

/// <summary>
/// The workspace read model (<see cref="IWorkspaceWarnings"/>) in a SQL database, shared by every SQL adapter: table
/// <c>workspace_warnings</c> (one row per present warning, keyed by workspace, journey, rule, subject kind and subject
/// id) and table <c>journey_health</c> (one line per journey). The adapter's schema creates both tables and the index
/// the view's order uses; see docs/warnings.md.
/// </summary>
/// <remarks>
/// <para>
/// An update runs in one write transaction: a full update reads the journey's stored raise instants, deletes its rows
/// and inserts the new ones; a difference upserts (keeping a row's raise instant while its severity does not rise) and
/// deletes the cleared keys. Either way a stored open row stays open against a status recorded before its raise instant
/// (<see cref="WorkspaceWarningChecks.KeepEpisode"/>): the full update compares with the rows it read, the upsert in its
/// <c>DO UPDATE</c> clause, with the status's instant as a parameter (it is not stored). A page is one statement (<c>ORDER BY … LIMIT … OFFSET …</c> on the view's index, one row
/// past the page to tell whether more follow); the counts are one <c>GROUP BY severity</c>. Every value is a parameter.
/// </para>
/// <para>
/// Stored with care: text through the same escaping as journey names (PostgreSQL's text refuses NUL), instants as
/// 100 ns ticks (the raise instant is kept to 100 ns), how far past its limit both as exact text and as a double to
/// sort by (-1 when there is none). Thread-safe.
/// </para>
/// </remarks>
public sealed class SqlWorkspaceWarnings : IWorkspaceWarnings
{
    private const string Columns =
        "workspace_id, journey_id, rule_id, subject_kind, subject_id, journey_name, severity, state, snoozed_until, subject_name, phase_id, phase_name, owner, team, message, raised_at, past_limit, past_limit_sort, phase_index, map_index";

    private const string Order =
        "severity DESC, past_limit_sort DESC, raised_at, journey_id, phase_index, map_index, rule_id, subject_id";

    private readonly SqlDialect _dialect;
    private readonly Func<CancellationToken, Task> _ensureSchema;
    private readonly IClock _clock;
    private readonly string _warnings;
    private readonly string _health;

    /// <summary>Creates the read model over an adapter's database.</summary>
    /// <param name="dialect">The adapter's dialect: connections, transactions and ids.</param>
    /// <param name="ensureSchema">Creates or upgrades the schema before first use, for example <see cref="SqlJourneyStore.EnsureSchemaAsync"/>.</param>
    /// <param name="clock">The clock that says when a snooze has ended.</param>
    /// <param name="tablePrefix">What goes before each table name, for example <c>outofdark.</c> for a PostgreSQL schema; empty for none.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SqlWorkspaceWarnings(SqlDialect dialect, Func<CancellationToken, Task> ensureSchema, IClock clock, string tablePrefix)
    {
        Guard.Against.Null(dialect);
        Guard.Against.Null(ensureSchema);
        Guard.Against.Null(clock);
        Guard.Against.Null(tablePrefix);
        _dialect = dialect;
        _ensureSchema = ensureSchema;
        _clock = clock;
        _warnings = tablePrefix + "workspace_warnings";
        _health = tablePrefix + "journey_health";
    }

    /// <inheritdoc />
    public async Task ApplyAsync(WorkspaceWarningUpdate update, CancellationToken cancellationToken = default)
    {
        WorkspaceWarningChecks.Check(update);
        await _ensureSchema(cancellationToken).ConfigureAwait(false);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The health line first: its row lock queues concurrent writers of one journey (a delete-then-insert
                // racing another would break the key), and its version guard drops an update older than what is stored.
                if (!await WriteHealthAsync(connection, transaction, update.Health, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (update.ReplacesAll)
                {
                    var kept = await ReadEpisodesAsync(connection, transaction, update, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, $"DELETE FROM {_warnings} WHERE workspace_id = @w AND journey_id = @j", update.WorkspaceId, update.JourneyId, null, cancellationToken).ConfigureAwait(false);
                    await WriteRowsAsync(connection, transaction, update, $"INSERT INTO {_warnings} ({Columns}) VALUES ({Values})", kept, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await DeleteKeysAsync(connection, transaction, update, cancellationToken).ConfigureAwait(false);
                    await WriteRowsAsync(connection, transaction, update, Upsert, null, cancellationToken).ConfigureAwait(false);
                }

                // Past this point the update either commits whole or not at all.
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task RemoveJourneyAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        await _ensureSchema(cancellationToken).ConfigureAwait(false);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, $"DELETE FROM {_warnings} WHERE workspace_id = @w AND journey_id = @j", workspaceId, journeyId, null, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"DELETE FROM {_health} WHERE workspace_id = @w AND journey_id = @j", workspaceId, journeyId, null, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<WorkspaceWarningPage> QueryAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        await _ensureSchema(cancellationToken).ConfigureAwait(false);
        var now = StoredText.Ticks(_clock.GetCurrentInstant());
        var (filter, parameters) = Filter(query);
        var items = new List<WorkspaceWarning>(Math.Min(query.Limit, 256));
        var more = false;
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One row past the page says whether another page follows.
            var page = Command(connection, null, $"SELECT {Columns} FROM {_warnings} WHERE workspace_id = @w{filter}{SeverityFilter(query)} ORDER BY {Order} LIMIT @limit OFFSET @offset", workspaceId, null);
            await using (page.ConfigureAwait(false))
            {
                parameters(page, now);
                SqlDialect.Add(page, "@limit", query.Limit + 1, DbType.Int32);
                SqlDialect.Add(page, "@offset", query.Offset, DbType.Int32);
                var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var instant = Instant.FromUnixTimeTicks(now);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (items.Count == query.Limit)
                        {
                            more = true;
                            break;
                        }

                        var row = ReadRow(reader);
                        var state = row.StateAt(instant);
                        items.Add(state == row.State ? row : row with { State = state, SnoozedUntil = null });
                    }
                }
            }
        }

        return new WorkspaceWarningPage(items, query.Offset, query.Limit, more);
    }

    /// <inheritdoc />
    public async Task<WorkspaceWarningCounts> CountAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        await _ensureSchema(cancellationToken).ConfigureAwait(false);
        var now = StoredText.Ticks(_clock.GetCurrentInstant());
        var (filter, parameters) = Filter(query);
        int critical = 0, warning = 0, info = 0;
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var counts = Command(connection, null, $"SELECT severity, COUNT(*) FROM {_warnings} WHERE workspace_id = @w{filter} GROUP BY severity", workspaceId, null);
            await using (counts.ConfigureAwait(false))
            {
                parameters(counts, now);
                var reader = await counts.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                        _ = (WarningSeverity)Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture) switch
                        {
                            WarningSeverity.Critical => critical += count,
                            WarningSeverity.Warning => warning += count,
                            _ => info += count,
                        };
                    }
                }
            }
        }

        var bySeverity = new SeverityCounts(critical, warning, info);
        var total = Enum.GetValues<WarningSeverity>().Where(s => query.Severities is null || query.Severities.Contains(s)).Sum(s => bySeverity[s]);
        return new WorkspaceWarningCounts(total, bySeverity);
    }

    // Severities as a literal list of their numbers (never user text), so the view's index can seek on them.
    private static string SeverityFilter(WorkspaceWarningQuery query) =>
        query.Severities is not { } severities
            ? string.Empty
            : severities.Count == 0
                ? " AND 1 = 0"
                : " AND severity IN (" + string.Join(", ", severities.Distinct().Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))) + ")";

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkspaceJourneyHealth>> ListHealthAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default)
    {
        await _ensureSchema(cancellationToken).ConfigureAwait(false);
        var lines = new List<WorkspaceJourneyHealth>();
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, $"SELECT journey_id, journey_name, score, metric_attainment, emotion, warning_load, open_critical, open_warning, open_info, version, evaluated_at FROM {_health} WHERE workspace_id = @w", workspaceId, null);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var health = new JourneyHealth(
                            ReadDecimal(reader, 2)!.Value,
                            ReadDecimal(reader, 3),
                            ReadDecimal(reader, 4),
                            ReadDecimal(reader, 5)!.Value,
                            reader.GetInt32(6),
                            reader.GetInt32(7),
                            reader.GetInt32(8));
                        lines.Add(new WorkspaceJourneyHealth(
                            workspaceId,
                            new JourneyId(_dialect.ReadId(reader, 0)),
                            StoredText.Unescape(reader.GetString(1)),
                            health,
                            reader.GetInt64(9),
                            StoredText.ReadInstant(reader.GetString(10))));
                    }
                }
            }
        }

        // Sorted here, exactly: the score is stored as text.
        return lines.OrderBy(l => l.Health.Score).ThenBy(l => l.JourneyId.ToString(), StringComparer.Ordinal).ToList();
    }

    private const string Values =
        "@w, @j, @rule, @kind, @subject, @journey_name, @severity, @state, @snoozed_until, @subject_name, @phase_id, @phase_name, @owner, @team, @message, @raised_at, @past_limit, @past_limit_sort, @phase_index, @map_index";

    // The raise instant a row keeps on an upsert: the stored one while the severity does not rise.
    private const string KeptRaisedAt = "CASE WHEN excluded.severity <= t.severity AND t.raised_at < excluded.raised_at THEN t.raised_at ELSE excluded.raised_at END";

    private string Upsert =>
        $"INSERT INTO {_warnings} AS t ({Columns}) VALUES ({Values}) ON CONFLICT (workspace_id, journey_id, rule_id, subject_kind, subject_id) DO UPDATE SET "
        + "journey_name = excluded.journey_name, subject_name = excluded.subject_name, "
        // A status recorded before the episode the stored open row is in (its raise instant, as kept below) leaves it open.
        + $"state = CASE WHEN t.state = 0 AND @handled_at < ({KeptRaisedAt}) THEN 0 ELSE excluded.state END, "
        + $"snoozed_until = CASE WHEN t.state = 0 AND @handled_at < ({KeptRaisedAt}) THEN NULL ELSE excluded.snoozed_until END, "
        + "phase_id = excluded.phase_id, phase_name = excluded.phase_name, owner = excluded.owner, team = excluded.team, message = excluded.message, "
        + "past_limit = excluded.past_limit, past_limit_sort = excluded.past_limit_sort, phase_index = excluded.phase_index, map_index = excluded.map_index, "
        + $"raised_at = {KeptRaisedAt}, "
        + "severity = excluded.severity";

    private (string Sql, Action<DbCommand, long> Parameters) Filter(WorkspaceWarningQuery query)
    {
        var sql = new StringBuilder();
        if (query.States is { } states)
        {
            // The state at the query's instant: a snooze that has ended is open.
            sql.Append(" AND ((1 << (CASE WHEN state = 2 AND snoozed_until <= @now THEN 0 ELSE state END)) & @states) <> 0");
        }

        if (query.Owner is not null)
        {
            sql.Append(" AND owner = @owner");
        }

        if (query.Team is not null)
        {
            sql.Append(" AND team = @team");
        }

        if (query.Journey is not null)
        {
            sql.Append(" AND journey_id = @journey");
        }

        if (query.PhaseName is not null)
        {
            sql.Append(" AND phase_name = @phase");
        }

        if (query.Rule is not null)
        {
            sql.Append(" AND rule_id = @rule");
        }

        return (sql.ToString(), (command, now) =>
        {
            if (query.States is { } states)
            {
                SqlDialect.Add(command, "@now", now, DbType.Int64);
                SqlDialect.Add(command, "@states", states.Aggregate(0, (mask, s) => mask | (1 << (int)s)), DbType.Int32);
            }

            if (query.Owner is { } owner)
            {
                SqlDialect.Add(command, "@owner", StoredText.Escape(owner), DbType.String);
            }

            if (query.Team is { } team)
            {
                SqlDialect.Add(command, "@team", StoredText.Escape(team), DbType.String);
            }

            if (query.Journey is { } journey)
            {
                _dialect.AddId(command, "@journey", journey.Value);
            }

            if (query.PhaseName is { } phase)
            {
                SqlDialect.Add(command, "@phase", StoredText.Escape(phase), DbType.String);
            }

            if (query.Rule is { } rule)
            {
                SqlDialect.Add(command, "@rule", rule.Value, DbType.String);
            }
        });
    }

    private async Task<Dictionary<(string Rule, int Kind, string Subject), (int Severity, long RaisedAt, int State)>> ReadEpisodesAsync(DbConnection connection, DbTransaction transaction, WorkspaceWarningUpdate update, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<(string, int, string), (int, long, int)>();
        var command = Command(connection, transaction, $"SELECT rule_id, subject_kind, subject_id, severity, raised_at, state FROM {_warnings} WHERE workspace_id = @w AND journey_id = @j", update.WorkspaceId, update.JourneyId);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    kept[(reader.GetString(0), reader.GetInt32(1), reader.GetString(2))] = (reader.GetInt32(3), reader.GetInt64(4), reader.GetInt32(5));
                }
            }
        }

        return kept;
    }

    private async Task DeleteKeysAsync(DbConnection connection, DbTransaction transaction, WorkspaceWarningUpdate update, CancellationToken cancellationToken)
    {
        if (update.Removals.Count == 0)
        {
            return;
        }

        var command = Command(connection, transaction, $"DELETE FROM {_warnings} WHERE workspace_id = @w AND journey_id = @j AND rule_id = @rule AND subject_kind = @kind AND subject_id = @subject", update.WorkspaceId, update.JourneyId);
        await using (command.ConfigureAwait(false))
        {
            SqlDialect.Add(command, "@rule", string.Empty, DbType.String);
            SqlDialect.Add(command, "@kind", 0, DbType.Int32);
            SqlDialect.Add(command, "@subject", string.Empty, DbType.String);
            foreach (var key in update.Removals)
            {
                command.Parameters["@rule"].Value = key.Rule.Value;
                command.Parameters["@kind"].Value = (int)key.Subject.Kind;
                command.Parameters["@subject"].Value = SubjectText(key.Subject);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteRowsAsync(DbConnection connection, DbTransaction transaction, WorkspaceWarningUpdate update, string sql, Dictionary<(string Rule, int Kind, string Subject), (int Severity, long RaisedAt, int State)>? kept, CancellationToken cancellationToken)
    {
        if (update.Upserts.Count == 0)
        {
            return;
        }

        var command = Command(connection, transaction, sql, update.WorkspaceId, update.JourneyId);
        await using (command.ConfigureAwait(false))
        {
            foreach (var (name, type) in RowParameters)
            {
                SqlDialect.Add(command, name, null, type);
            }

            if (kept is null)
            {
                // The upsert compares the status's instant with the episode the stored row is in.
                SqlDialect.Add(command, "@handled_at", null, DbType.Int64);
            }

            var p = command.Parameters;
            foreach (var row in update.Upserts)
            {
                var subject = SubjectText(row.Key.Subject);
                var raisedAt = StoredText.Ticks(row.RaisedAt);
                var state = row.State;
                var snoozedUntil = row.SnoozedUntil;
                if (kept is not null && kept.TryGetValue((row.Key.Rule.Value, (int)row.Key.Subject.Kind, subject), out var before))
                {
                    if ((int)row.Severity <= before.Severity && before.RaisedAt < raisedAt)
                    {
                        raisedAt = before.RaisedAt;
                    }

                    if (WorkspaceWarningChecks.IsEarlierEpisode((WarningState)before.State, state, row.HandledAt, Instant.FromUnixTimeTicks(raisedAt)))
                    {
                        (state, snoozedUntil) = (WarningState.Open, null);
                    }
                }

                p["@rule"].Value = row.Key.Rule.Value;
                p["@kind"].Value = (int)row.Key.Subject.Kind;
                p["@subject"].Value = subject;
                p["@journey_name"].Value = StoredText.Escape(row.JourneyName);
                p["@severity"].Value = (int)row.Severity;
                p["@state"].Value = (int)state;
                p["@snoozed_until"].Value = snoozedUntil is { } until ? StoredText.Ticks(until) : DBNull.Value;
                p["@subject_name"].Value = StoredText.Escape(row.SubjectName);
                p["@phase_id"].Value = row.PhaseId is { } phase ? phase.Value.ToString("D", CultureInfo.InvariantCulture) : DBNull.Value;
                p["@phase_name"].Value = row.PhaseName is { } phaseName ? StoredText.Escape(phaseName) : DBNull.Value;
                p["@owner"].Value = row.Owner is { } owner ? StoredText.Escape(owner) : DBNull.Value;
                p["@team"].Value = row.Team is { } team ? StoredText.Escape(team) : DBNull.Value;
                p["@message"].Value = StoredText.Escape(row.Message);
                p["@raised_at"].Value = raisedAt;
                p["@past_limit"].Value = row.PastLimit is { } past ? past.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
                // -1 for none: a past-limit distance is never negative, so rows without one sort after those with one.
                p["@past_limit_sort"].Value = row.PastLimit is { } sort ? (double)sort : -1d;
                p["@phase_index"].Value = row.PhaseIndex;
                p["@map_index"].Value = row.MapIndex;
                if (kept is null)
                {
                    p["@handled_at"].Value = row.State != WarningState.Open && row.HandledAt is { } handled ? StoredText.Ticks(handled) : DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static readonly (string Name, DbType Type)[] RowParameters =
    [
        ("@rule", DbType.String), ("@kind", DbType.Int32), ("@subject", DbType.String), ("@journey_name", DbType.String),
        ("@severity", DbType.Int32), ("@state", DbType.Int32), ("@snoozed_until", DbType.Int64), ("@subject_name", DbType.String),
        ("@phase_id", DbType.String), ("@phase_name", DbType.String), ("@owner", DbType.String), ("@team", DbType.String),
        ("@message", DbType.String), ("@raised_at", DbType.Int64), ("@past_limit", DbType.String), ("@past_limit_sort", DbType.Double),
        ("@phase_index", DbType.Int32), ("@map_index", DbType.Int32),
    ];

    private async Task<bool> WriteHealthAsync(DbConnection connection, DbTransaction transaction, WorkspaceJourneyHealth line, CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO {_health} AS h (workspace_id, journey_id, journey_name, score, score_sort, metric_attainment, emotion, warning_load, open_critical, open_warning, open_info, version, evaluated_at) "
            + "VALUES (@w, @j, @name, @score, @score_sort, @attainment, @emotion, @load, @critical, @warning, @info, @v, @at) "
            + "ON CONFLICT (workspace_id, journey_id) DO UPDATE SET journey_name = excluded.journey_name, score = excluded.score, score_sort = excluded.score_sort, "
            + "metric_attainment = excluded.metric_attainment, emotion = excluded.emotion, warning_load = excluded.warning_load, open_critical = excluded.open_critical, "
            + $"open_warning = excluded.open_warning, open_info = excluded.open_info, version = excluded.version, evaluated_at = excluded.evaluated_at WHERE h.version <= excluded.version";
        var health = line.Health;
        return 1 == await ExecuteAsync(connection, transaction, sql, line.WorkspaceId, line.JourneyId, c =>
        {
            SqlDialect.Add(c, "@name", StoredText.Escape(line.JourneyName), DbType.String);
            SqlDialect.Add(c, "@score", health.Score.ToString(CultureInfo.InvariantCulture), DbType.String);
            SqlDialect.Add(c, "@score_sort", (double)health.Score, DbType.Double);
            SqlDialect.Add(c, "@attainment", health.MetricAttainment?.ToString(CultureInfo.InvariantCulture), DbType.String);
            SqlDialect.Add(c, "@emotion", health.Emotion?.ToString(CultureInfo.InvariantCulture), DbType.String);
            SqlDialect.Add(c, "@load", health.WarningLoad.ToString(CultureInfo.InvariantCulture), DbType.String);
            SqlDialect.Add(c, "@critical", health.OpenCritical, DbType.Int32);
            SqlDialect.Add(c, "@warning", health.OpenWarning, DbType.Int32);
            SqlDialect.Add(c, "@info", health.OpenInfo, DbType.Int32);
            SqlDialect.Add(c, "@v", line.Version, DbType.Int64);
            SqlDialect.Add(c, "@at", StoredText.Write(line.EvaluatedAt), DbType.String);
        }, cancellationToken).ConfigureAwait(false);
    }

    private WorkspaceWarning ReadRow(DbDataReader reader)
    {
        var kind = (SubjectKind)reader.GetInt32(3);
        var subject = ParseSubject(kind, reader.GetString(4));
        return new WorkspaceWarning(
            new WorkspaceId(_dialect.ReadId(reader, 0)),
            new JourneyId(_dialect.ReadId(reader, 1)),
            StoredText.Unescape(reader.GetString(5)),
            new WarningKey(new RuleId(reader.GetString(2)), subject),
            (WarningSeverity)reader.GetInt32(6),
            (WarningState)reader.GetInt32(7),
            reader.IsDBNull(8) ? null : Instant.FromUnixTimeTicks(reader.GetInt64(8)),
            StoredText.Unescape(reader.GetString(9)),
            reader.IsDBNull(10) ? null : new PhaseId(Guid.Parse(reader.GetString(10), CultureInfo.InvariantCulture)),
            reader.IsDBNull(11) ? null : StoredText.Unescape(reader.GetString(11)),
            reader.IsDBNull(12) ? null : StoredText.Unescape(reader.GetString(12)),
            reader.IsDBNull(13) ? null : StoredText.Unescape(reader.GetString(13)),
            StoredText.Unescape(reader.GetString(14)),
            Instant.FromUnixTimeTicks(reader.GetInt64(15)),
            ReadDecimal(reader, 16),
            reader.GetInt32(18),
            reader.GetInt32(19));
    }

    private static decimal? ReadDecimal(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : decimal.Parse(reader.GetString(ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// The subject's id as stored: the GUID, and for a metric segment's subject (<see cref="WarningSubject.Segment"/>) a
    /// '|' and the segment as a JSON object of dimension values, so that each segment's warning is its own row.
    /// </summary>
    private static string SubjectText(WarningSubject subject)
    {
        var id = subject.Id.ToString("D", CultureInfo.InvariantCulture);
        return subject.Segment is { } segment ? id + "|" + SegmentText(segment) : id;
    }

    /// <summary>A segment as stored: a JSON object of its dimension values, in the segment's order.</summary>
    internal static string SegmentText(Segment segment)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in segment.Dimensions)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static WarningSubject ParseSubject(SubjectKind kind, string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return new WarningSubject(kind, Guid.Parse(text, CultureInfo.InvariantCulture));
        }

        var id = Guid.Parse(text.AsSpan(0, bar), CultureInfo.InvariantCulture);
        return WarningSubject.For(new WidgetId(id), ParseSegment(text[(bar + 1)..]));
    }

    /// <summary>Reads a segment written by <see cref="SegmentText"/>.</summary>
    internal static Segment ParseSegment(string text)
    {
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var dimensions = document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
        return Segment.From(dimensions);
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

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, WorkspaceId workspaceId, JourneyId? journeyId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is built from constants and table names of the adapter; values go in parameters.
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
