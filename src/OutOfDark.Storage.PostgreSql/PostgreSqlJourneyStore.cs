using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using OutOfDark.Events;
using OutOfDark.Warnings;
using OutOfDark.Storage.Relational;

namespace OutOfDark.Storage.PostgreSql;

/// <summary>
/// A journey store on PostgreSQL, for hosts that run on several machines against one database. The store creates its
/// schema (<c>outofdark</c>) or upgrades an older one on first use; a database written by a newer version of this
/// package is refused with <see cref="JourneyStoreSchemaException"/> and left untouched.
/// </summary>
/// <remarks>
/// <para>
/// Appends run in one transaction that moves the journey's row from the expected version to the new one, so a stale
/// version is refused with <see cref="JourneyConcurrencyException"/> and nothing is written, whichever machine wrote
/// first. Loads start from the newest snapshot whose checksum holds and replay the events after it; a load that
/// replays <see cref="PostgreSqlJourneyStoreOptions.SnapshotInterval"/> events or more stores a new snapshot, and a
/// corrupt snapshot is deleted and rebuilt from the events. Events and snapshots are stored as OutOfDark JSON in
/// <c>bytea</c>; every statement is parameterized and scoped by workspace.
/// </para>
/// <para>
/// Thread-safe. Appends check that the events belong to the journey, not every journey rule: save journeys through
/// their commands and <see cref="JourneyStoreExtensions.SaveAsync"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var store = new PostgreSqlJourneyStore("Host=db;Database=crm;Username=app;Password=…", SystemClock.Instance);
/// await store.SaveAsync(journey);
/// var again = await store.LoadAsync(journey.WorkspaceId, journey.Id);
/// </code>
/// </example>
public sealed class PostgreSqlJourneyStore : IJourneyCommitStore, IWarningFeed, IWorkspaceWarningsSource, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SqlJourneyStore _store;

    /// <summary>Opens the store on a connection string; the store owns the connections it opens.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="clock">The clock given to the journeys the store loads, for their further commands.</param>
    /// <param name="options">Settings; the defaults when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is blank or not valid.</exception>
    public PostgreSqlJourneyStore(string connectionString, IClock clock, PostgreSqlJourneyStoreOptions? options = null)
        : this(NpgsqlDataSource.Create(Check(connectionString)), owns: true, clock, options)
    {
    }

    /// <summary>Opens the store on the host's data source, which the host keeps owning and disposing.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="clock">The clock given to the journeys the store loads, for their further commands.</param>
    /// <param name="options">Settings; the defaults when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    public PostgreSqlJourneyStore(NpgsqlDataSource dataSource, IClock clock, PostgreSqlJourneyStoreOptions? options = null)
        : this(dataSource, owns: false, clock, options)
    {
    }

    private PostgreSqlJourneyStore(NpgsqlDataSource dataSource, bool owns, IClock clock, PostgreSqlJourneyStoreOptions? options)
    {
        Guard.Against.Null(dataSource);
        Guard.Against.Null(clock);
        options ??= new PostgreSqlJourneyStoreOptions();
        _dataSource = dataSource;
        _ownsDataSource = owns;
        var dialect = new PostgreSqlDialect(dataSource);
        _store = new SqlJourneyStore(dialect, clock, options.Serializer, options.SnapshotInterval, options.CommitWriters);
        WorkspaceWarnings = new SqlWorkspaceWarnings(dialect, _store.EnsureSchemaAsync, clock, "outofdark.");
    }

    /// <summary>The newest schema version this package writes; a database records the version it was last migrated to.</summary>
    public static int SchemaVersion => PostgreSqlSchema.Version;

    /// <summary>
    /// The workspace read model in the same database: one row per present warning of every journey, one health line per
    /// journey, queried as the workspace-wide Warnings view (see <see cref="IWorkspaceWarnings"/>). Its tables are
    /// created and upgraded with the store's schema; the clock decides when a snooze has ended.
    /// </summary>
    public IWorkspaceWarnings WorkspaceWarnings { get; }

    /// <summary>Runs inside an append's transaction after its events are written, before the commit; for fault tests.</summary>
    internal Func<DbConnection, CancellationToken, Task>? AfterEventsWritten
    {
        get => _store.AfterEventsWritten;
        set => _store.AfterEventsWritten = value;
    }

    /// <summary>
    /// Creates the schema, or upgrades an older one, now rather than on first use. Safe to call from several machines at
    /// once: an advisory lock lets one migrate while the others wait.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration; a migration runs whole or not at all.</param>
    /// <returns>A task.</returns>
    /// <exception cref="JourneyStoreSchemaException">The database was written by a newer version of this package; it is left untouched.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => _store.EnsureSchemaAsync(cancellationToken);

    /// <inheritdoc />
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

    /// <summary>Closes the store's connections when it owns its data source; a host's data source is left open.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Check(string connectionString)
    {
        Guard.Against.NullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
