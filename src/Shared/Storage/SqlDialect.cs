using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Storage.Sql;

/// <summary>
/// What differs between the SQL databases the adapters support: connections, transactions, how ids are stored, and
/// the statements. Everything else is <see cref="SqlJourneyStore"/>, shared by every adapter.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The adapter's package name, for messages.</summary>
    public abstract string Store { get; }

    /// <summary>The statements, every one parameterized.</summary>
    public abstract SqlStatements Sql { get; }

    /// <summary>Opens a connection.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that takes the write lock it needs before reading the version.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a transaction whose reads see one consistent state.</summary>
    public abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates the schema or upgrades it to the newest version; refuses a newer database without changing it.</summary>
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Adds an id parameter in the database's id type.</summary>
    public abstract void AddId(DbCommand command, string name, Guid value);

    /// <summary>Reads an id column.</summary>
    public abstract Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>Adds a parameter.</summary>
    public static void Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
