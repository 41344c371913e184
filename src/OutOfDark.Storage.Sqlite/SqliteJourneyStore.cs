using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;
using OutOfDark.Storage.Relational;

namespace OutOfDark.Storage.Sqlite;

/// <summary>
/// A journey store in one SQLite file: the embedded default for samples and single-machine hosts. The file is created
/// and its schema created or upgraded on first use; a file written by a newer version of this package is refused with
/// <see cref="JourneyStoreSchemaException"/> and left untouched.
/// </summary>
/// <remarks>
/// <para>
/// Appends run in one transaction that takes SQLite's write lock before checking the expected version, so a stale
/// version is refused with <see cref="JourneyConcurrencyException"/> and nothing is written. Loads start from the newest
/// snapshot whose checksum holds and replay the events after it; a load that replays
/// <see cref="SqliteJourneyStoreOptions.SnapshotInterval"/> events or more stores a new snapshot, and a corrupt snapshot
/// is deleted and rebuilt from the events. Events and snapshots are stored as OutOfDark JSON; every statement is
/// parameterized and scoped by workspace.
/// </para>
/// <para>
/// Thread-safe; several processes may share the file (the database runs in WAL mode). Appends check that the events
/// belong to the journey, not every journey rule: save journeys through their commands and
/// <see cref="JourneyStoreExtensions.SaveAsync"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var store = new SqliteJourneyStore("journeys.db", SystemClock.Instance);
/// await store.SaveAsync(journey);
/// var again = await store.LoadAsync(journey.WorkspaceId, journey.Id);
/// </code>
/// </example>
public sealed class SqliteJourneyStore : IJourneyCommitStore, IWarningFeed, IWorkspaceWarningsSource, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqlJourneyStore _store;

    /// <summary>Opens (and on first use creates) the store in a file.</summary>
    /// <param name="path">The database file; created with its folder's permissions when missing.</param>
    /// <param name="clock">The clock given to the journeys the store loads, for their further commands.</param>
    /// <param name="options">Settings; the defaults when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank or names an in-memory database.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">
    /// The file's folder does not exist; the message names the path and says to create the folder. The store creates
    /// the file, never its folder.
    /// </exception>
    public SqliteJourneyStore(string path, IClock clock, SqliteJourneyStoreOptions? options = null)
    {
        Guard.Against.NullOrWhiteSpace(path);
        Guard.Against.Null(clock);
        if (path.Trim() == ":memory:" || path.StartsWith("file::memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The SQLite journey store needs a file; an in-memory SQLite database is lost between connections. Use InMemoryJourneyStore instead.", nameof(path));
        }

        if (!path.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { Length: > 0 } folder
            && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The SQLite journey store cannot create '{path}': its folder '{folder}' does not exist. Create the folder first (for example Directory.CreateDirectory(\"{folder}\")) or choose a path in an existing folder.");
        }

        options ??= new SqliteJourneyStoreOptions();
        Guard.Against.OutOfRange(options.BusyTimeoutSeconds, nameof(options), 0, int.MaxValue, "BusyTimeoutSeconds must be 0 or more.");
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        var dialect = new SqliteDialect(_connectionString, path, options.FlushEveryCommit);
        _store = new SqlJourneyStore(dialect, clock, options.Serializer, options.SnapshotInterval, options.CommitWriters);
        WorkspaceWarnings = new SqlWorkspaceWarnings(dialect, _store.EnsureSchemaAsync, clock, "");
    }

    /// <summary>The newest schema version this package writes; a database records the version it was last migrated to.</summary>
    public static int SchemaVersion => SqliteSchema.Version;

    /// <summary>
    /// The workspace read model in the same file: one row per present warning of every journey, one health line per
    /// journey, queried as the workspace-wide Warnings view (see <see cref="IWorkspaceWarnings"/>). Its tables are
    /// created and upgraded with the store's schema; the clock decides when a snooze has ended.
    /// </summary>
    public IWorkspaceWarnings WorkspaceWarnings { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Runs inside an append's transaction after its events are written, before the commit; for fault tests.</summary>
    internal Func<DbConnection, CancellationToken, Task>? AfterEventsWritten
    {
        get => _store.AfterEventsWritten;
        set => _store.AfterEventsWritten = value;
    }

    /// <summary>
    /// Creates the file and schema, or upgrades an older schema, now rather than on first use. Safe to call from several
    /// processes at once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration; a migration runs whole or not at all.</param>
    /// <returns>A task.</returns>
    /// <exception cref="JourneyStoreSchemaException">The file was written by a newer version of this package; it is left untouched.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _store.EnsureSchemaAsync(cancellationToken);

    /// <inheritdoc />
    /// <exception cref="JourneyStoreSchemaException">The file was written by a newer version of this package.</exception>
    public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default) =>
        _store.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="JourneyStoreSchemaException">The database was written by a newer version of this package.</exception>
    public Task<long> CommitAsync(JourneyCommit commit, CancellationToken cancellationToken = default) =>
        _store.CommitAsync(commit, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(afterPosition, limit, cancellationToken);

    /// <inheritdoc />
    public Task<IWarningFeedCursor?> TryClaimAsync(string subscriber, CancellationToken cancellationToken = default) =>
        _store.TryClaimAsync(subscriber, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) =>
        _store.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

    /// <inheritdoc />
    public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
        _store.LoadAsync(workspaceId, journeyId, cancellationToken);

    /// <inheritdoc />
    public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default) =>
        _store.LoadAsOfVersionAsync(workspaceId, journeyId, version, cancellationToken);

    /// <inheritdoc />
    public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default) =>
        _store.LoadAsOfInstantAsync(workspaceId, journeyId, instant, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default) =>
        _store.ListAsync(workspaceId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default) =>
        _store.ListWorkspacesAsync(cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
        _store.DeleteAsync(workspaceId, journeyId, cancellationToken);

    /// <summary>Closes the pooled connections to the file, so it can be moved or deleted.</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
