using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Tests.Shared;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

/// <summary>
/// The read-model checks on a real PostgreSQL database shared by every case. Like the store contract they cannot be
/// skipped: without a server they fail, naming the variable to set.
/// </summary>
public sealed class PostgreSqlWorkspaceWarningsTests(PostgresDatabaseFixture database) : WorkspaceWarningsChecks, IClassFixture<PostgresDatabaseFixture>, IAsyncDisposable
{
    private readonly ConcurrentBag<PostgreSqlJourneyStore> _stores = [];

    protected override Task<IWorkspaceWarnings> OpenAsync(IClock clock)
    {
        var connection = PostgresServer.SkipReason is null ? database.ConnectionString : PostgresServer.AdminConnectionString;
        var store = new PostgreSqlJourneyStore(connection, clock);
        _stores.Add(store);
        return Task.FromResult(store.WorkspaceWarnings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
