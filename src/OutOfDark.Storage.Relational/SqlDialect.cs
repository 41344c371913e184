using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Storage.Relational;

/// <summary>
/// What differs between the SQL databases the adapters support: connections, transactions, how ids are stored, and
/// the statements. Everything else is <see cref="SqlJourneyStore"/>, shared by every adapter. A store for another SQL
/// database derives from this class and hands an instance to <see cref="SqlJourneyStore"/>.
/// </summary>
/// <remarks>Implementations must be thread-safe: the store calls them from concurrent operations.</remarks>
public abstract class SqlDialect
{
    private readonly System.Collections.Generic.HashSet<string> _subscriberLocks = new(StringComparer.Ordinal);

    /// <summary>The adapter's package name, for messages (<c>OutOfDark.Storage.Sqlite</c>).</summary>
    public abstract string Store { get; }

    /// <summary>The statements, every one parameterized; the same instance on every call.</summary>
    public abstract SqlStatements Sql { get; }

    /// <summary>Opens a connection.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An open connection the caller disposes.</returns>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that takes the write lock it needs before reading the version.</summary>
    /// <param name="connection">A connection from <see cref="OpenAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the begin.</param>
    /// <returns>The transaction; the caller commits or disposes it.</returns>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a transaction whose reads see one consistent state.</summary>
    /// <param name="connection">A connection from <see cref="OpenAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the begin.</param>
    /// <returns>The transaction; the caller commits or disposes it.</returns>
    public abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates the schema or upgrades it to the newest version; refuses a newer database without changing it.</summary>
    /// <param name="cancellationToken">Cancels the migration; a migration must run whole or not at all.</param>
    /// <returns>A task.</returns>
    /// <exception cref="JourneyStoreSchemaException">The database has a newer schema version than the adapter knows.</exception>
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Adds an id parameter in the database's id type.</summary>
    /// <param name="command">The command.</param>
    /// <param name="name">The parameter's name, with its prefix (<c>@w</c>).</param>
    /// <param name="value">The id.</param>
    public abstract void AddId(DbCommand command, string name, Guid value);

    /// <summary>Reads an id column written through <see cref="AddId"/>.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The id.</returns>
    public abstract Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>
    /// Takes the lock that lets one caller at a time deliver a warning-feed subscriber's changes, or returns
    /// <see langword="null"/> at once when another caller holds it.
    /// </summary>
    /// <param name="connection">An open connection the cursor keeps until it is released; a lock tied to it (a session lock) dies with it.</param>
    /// <param name="subscriber">The subscriber's name.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A handle that releases the lock when disposed, or <see langword="null"/> when the lock is held elsewhere.</returns>
    /// <remarks>
    /// The default holds the lock within this dialect instance only: enough for one host. A dialect for a database
    /// that several processes share overrides it with a lock the database or the machine enforces (PostgreSQL: an
    /// advisory lock; SQLite: a lock file beside the database).
    /// </remarks>
    public virtual ValueTask<IAsyncDisposable?> TryLockSubscriberAsync(DbConnection connection, string subscriber, CancellationToken cancellationToken)
    {
        lock (_subscriberLocks)
        {
            return ValueTask.FromResult<IAsyncDisposable?>(_subscriberLocks.Add(subscriber) ? new ProcessLock(this, subscriber) : null);
        }
    }

    /// <summary>Adds a parameter.</summary>
    /// <param name="command">The command.</param>
    /// <param name="name">The parameter's name, with its prefix.</param>
    /// <param name="value">The value; <see langword="null"/> is stored as SQL <c>NULL</c>.</param>
    /// <param name="type">The parameter's type.</param>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    public static void Add(DbCommand command, string name, object? value, DbType type)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private sealed class ProcessLock(SqlDialect dialect, string subscriber) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (dialect._subscriberLocks)
            {
                dialect._subscriberLocks.Remove(subscriber);
            }

            return ValueTask.CompletedTask;
        }
    }
}
