using System;
using NodaTime;
using OutOfDark;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>Creates the journey store the configuration names: SQLite (default), PostgreSQL or in memory.</summary>
internal static class StoreFactory
{
    public static IJourneyStore Create(WebOptions options, IClock clock) => options.Store.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteJourneyStore(options.SqlitePath, clock),
        "postgresql" => string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString)
            ? throw new StartupException("Configuration key 'OutOfDark:Store' is PostgreSql, so 'OutOfDark:PostgreSql:ConnectionString' must be set, for example Host=127.0.0.1;Username=outofdark;Password=…;Database=outofdark.")
            : PostgreSql(options.PostgreSqlConnectionString, clock),
        "inmemory" => new InMemoryJourneyStore(clock),
        _ => throw new StartupException($"Configuration key 'OutOfDark:Store' is '{options.Store}': use Sqlite, PostgreSql or InMemory."),
    };

    private static PostgreSqlJourneyStore PostgreSql(string connectionString, IClock clock)
    {
        try
        {
            return new PostgreSqlJourneyStore(connectionString, clock);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"Configuration key 'OutOfDark:PostgreSql:ConnectionString' is not a valid Npgsql connection string ({e.Message}); write it as Host=127.0.0.1;Username=outofdark;Password=…;Database=outofdark.", e);
        }
    }
}
