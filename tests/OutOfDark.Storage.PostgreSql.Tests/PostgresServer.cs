using System;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: <c>OUTOFDARK_TEST_POSTGRES</c>, an Npgsql connection string to the
/// <c>postgres</c> database as a superuser (build/test.sh starts a throwaway cluster and sets it). Each test database is
/// created fresh and dropped afterwards.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "OUTOFDARK_TEST_POSTGRES";

    /// <summary>Why the tests cannot run here, or null when they can; with CI=true a missing server is never a reason to skip.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || IsCi
            ? null
            : $"No PostgreSQL server: set {Variable} or run build/test.sh (with CI=true these tests fail instead).";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The administrative connection string; fails the test when the server is missing.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new Xunit.Sdk.XunitException($"{Variable} is not set: the PostgreSQL tests need a server. Run build/test.sh, or start one and set {Variable} to an Npgsql connection string to database 'postgres' as a superuser.");

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "outofdark_test_" + Guid.NewGuid().ToString("N");
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await admin.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new Xunit.Sdk.XunitException($"The PostgreSQL server named by {Variable} is unreachable: {ex.Message}");
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    /// <summary>Drops a test database, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A database created for tests; dropped on dispose.</summary>
internal sealed record TestDatabase(string Name, string ConnectionString) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.DropDatabaseAsync(Name);
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped with the reason when there is none and CI is not true.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A property that needs the PostgreSQL server: skipped with the reason when there is none and CI is not true (with
/// CI=true its class's <see cref="PostgresDatabaseFixture"/> fails instead), as <see cref="PostgresFactAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresPropertyAttribute : FsCheck.Xunit.PropertyAttribute
{
    public PostgresPropertyAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>One database shared by every test of a class.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    internal string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is null)
        {
            _database = await PostgresServer.CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
