using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Tests.Shared;
using OutOfDark.Warnings;

namespace OutOfDark.Storage.Sqlite.Tests;

/// <summary>The read-model checks on one SQLite file shared by every case, as a host's database holds many workspaces.</summary>
public sealed class SqliteWorkspaceWarningsTests : WorkspaceWarningsChecks, IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ConcurrentBag<SqliteJourneyStore> _stores = [];

    protected override Task<IWorkspaceWarnings> OpenAsync(IClock clock)
    {
        var store = new SqliteJourneyStore(_folder.File("workspace.db"), clock);
        _stores.Add(store);
        return Task.FromResult(store.WorkspaceWarnings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _folder.Dispose();
    }
}
