using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Warnings;

namespace OutOfDark.Storage.Relational;

/// <content>
/// The warning feed: changes written in the commit's transaction at positions reserved from a one-row head (whose row
/// lock orders commits), read in position order, and one cursor row per subscriber.
/// </content>
public sealed partial class SqlJourneyStore : IWarningFeed
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        CheckPosition(afterPosition, nameof(afterPosition));
        CheckLimit(limit);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SelectFeedAsync(connection, afterPosition, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IWarningFeedCursor?> TryClaimAsync(string subscriber, CancellationToken cancellationToken = default)
    {
        CheckSubscriber(subscriber);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? held = null;
        try
        {
            held = await _dialect.TryLockSubscriberAsync(connection, subscriber, cancellationToken).ConfigureAwait(false);
            if (held is null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            await CursorCommandAsync(connection, _sql.EnsureCursor, subscriber, null, cancellationToken).ConfigureAwait(false);
            var position = Convert.ToInt64(await CursorCommandAsync(connection, _sql.SelectCursor, subscriber, null, cancellationToken, scalar: true).ConfigureAwait(false), CultureInfo.InvariantCulture);
            return new Cursor(this, connection, held, subscriber, position);
        }
        catch
        {
            if (held is not null)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void CheckPosition(long position, string parameter)
    {
        if (position < 0)
        {
            throw new ArgumentOutOfRangeException(parameter, position, $"A feed position is 0 (before the first change) or more; {position} is negative.");
        }
    }

    private static void CheckLimit(int limit)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A feed read returns 1 to 10000 changes; ask for a limit in that range.");
        }
    }

    private static void CheckSubscriber(string subscriber)
    {
        Guard.Against.Null(subscriber);
        if (string.IsNullOrWhiteSpace(subscriber) || subscriber.Length > 200)
        {
            throw new ArgumentException($"A subscriber name has 1 to 200 characters and is not blank; '{subscriber}' has {subscriber.Length}.", nameof(subscriber));
        }

        for (var i = 0; i < subscriber.Length; i++)
        {
            var c = subscriber[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The subscriber name '{subscriber.Replace("\0", "\\0", StringComparison.Ordinal)}' holds a control character (U+{(int)c:X4}); use printable characters only.", nameof(subscriber));
            }

            // A lone surrogate is not text: stores would map different names to one cursor or lock.
            if (char.IsHighSurrogate(c) && i + 1 < subscriber.Length && char.IsLowSurrogate(subscriber[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"The subscriber name holds a lone surrogate (U+{(int)c:X4} at index {i}); use whole Unicode characters only.", nameof(subscriber));
            }
        }
    }

    private async Task InsertChangesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WarningChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        long head;
        var reserve = connection.CreateCommand();
        await using (reserve.ConfigureAwait(false))
        {
            reserve.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of the dialect; values go in parameters.
            reserve.CommandText = _sql.NextFeedPositions;
#pragma warning restore CA2100
            SqlDialect.Add(reserve, "@n", (long)changes.Count, DbType.Int64);
            head = Convert.ToInt64(await reserve.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of the dialect; values go in parameters.
            command.CommandText = _sql.InsertFeedChange;
#pragma warning restore CA2100
            var first = head - changes.Count + 1;
            for (var i = 0; i < changes.Count; i++)
            {
                var c = changes[i];
                command.Parameters.Clear();
                SqlDialect.Add(command, "@p", first + i, DbType.Int64);
                _dialect.AddId(command, "@id", c.Id);
                _dialect.AddId(command, "@w", c.WorkspaceId.Value);
                _dialect.AddId(command, "@j", c.JourneyId.Value);
                SqlDialect.Add(command, "@v", c.JourneyVersion, DbType.Int64);
                SqlDialect.Add(command, "@kind", (int)c.Kind, DbType.Int32);
                SqlDialect.Add(command, "@rule", c.Key.Rule.Value, DbType.String);
                SqlDialect.Add(command, "@sk", (int)c.Key.Subject.Kind, DbType.Int32);
                _dialect.AddId(command, "@sid", c.Key.Subject.Id);
                SqlDialect.Add(command, "@sev", (int)c.Severity, DbType.Int32);
                SqlDialect.Add(command, "@prev", c.PreviousSeverity is { } p ? (int)p : null, DbType.Int32);
                SqlDialect.Add(command, "@msg", StoredText.Escape(c.Message), DbType.String);
                SqlDialect.Add(command, "@at", StoredText.Write(c.OccurredAt), DbType.String);
                SqlDialect.Add(command, "@seg", c.Key.Subject.Segment is { } segment ? SqlWorkspaceWarnings.SegmentText(segment) : null, DbType.String);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<WarningFeedEntry>> SelectFeedAsync(DbConnection connection, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        var entries = new List<WarningFeedEntry>(Math.Min(limit, 1024));
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // Every statement is a constant of the dialect; values go in parameters.
            command.CommandText = _sql.SelectFeed;
#pragma warning restore CA2100
            SqlDialect.Add(command, "@after", afterPosition, DbType.Int64);
            SqlDialect.Add(command, "@limit", limit, DbType.Int32);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var subject = new WarningSubject((SubjectKind)reader.GetInt32(7), _dialect.ReadId(reader, 8));
                    if (!reader.IsDBNull(13))
                    {
                        subject = WarningSubject.For(new WidgetId(subject.Id), SqlWorkspaceWarnings.ParseSegment(reader.GetString(13)));
                    }

                    var key = new WarningKey(new RuleId(reader.GetString(6)), subject);
                    var change = new WarningChange(
                        _dialect.ReadId(reader, 1),
                        new WorkspaceId(_dialect.ReadId(reader, 2)),
                        new JourneyId(_dialect.ReadId(reader, 3)),
                        reader.GetInt64(4),
                        (WarningChangeKind)reader.GetInt32(5),
                        key,
                        (WarningSeverity)reader.GetInt32(9),
                        reader.IsDBNull(10) ? null : (WarningSeverity)reader.GetInt32(10),
                        StoredText.Unescape(reader.GetString(11)),
                        StoredText.ReadInstant(reader.GetString(12)));
                    entries.Add(new WarningFeedEntry(reader.GetInt64(0), change));
                }
            }
        }

        return entries;
    }

    private static async Task<object?> CursorCommandAsync(DbConnection connection, string sql, string subscriber, long? position, CancellationToken cancellationToken, bool scalar = false)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
#pragma warning disable CA2100 // Every statement is a constant of the dialect; values go in parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            SqlDialect.Add(command, "@s", subscriber, DbType.String);
            if (position is { } p)
            {
                SqlDialect.Add(command, "@p", p, DbType.Int64);
            }

            return scalar
                ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
                : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A claimed cursor: keeps its connection (and the dialect's lock on it) until released.</summary>
    private sealed class Cursor(SqlJourneyStore store, DbConnection connection, IAsyncDisposable held, string subscriber, long position) : IWarningFeedCursor
    {
        private bool _released;

        public string Subscriber => subscriber;

        public long Position { get; private set; } = position;

        public Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(int limit, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            CheckLimit(limit);
            return store.SelectFeedAsync(connection, Position, limit, cancellationToken);
        }

        public async Task AdvanceAsync(long position, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            CheckPosition(position, nameof(position));
            if (position < Position)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, $"Subscriber '{subscriber}' is at position {Position}; a cursor only moves forward.");
            }

            // A cursor past the end would skip every change committed later, for good.
            var last = Convert.ToInt64(await CursorCommandAsync(connection, store._sql.SelectFeedHead, subscriber, null, cancellationToken, scalar: true).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (position > last)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, $"A cursor moves at most to the last position, {last}; {position} is beyond the end of the feed.");
            }

            await CursorCommandAsync(connection, store._sql.UpdateCursor, subscriber, position, cancellationToken).ConfigureAwait(false);
            Position = position;
        }

        public async ValueTask DisposeAsync()
        {
            if (_released)
            {
                return;
            }

            _released = true;
            try
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
