using System;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark;
using OutOfDark.Testing.Xunit;

namespace OutOfDark.Storage.Sqlite.Tests;

public sealed class SqliteJourneyStoreContractTests : JourneyStoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override Task<IJourneyStore> CreateStoreAsync(IClock clock) =>
        // A small snapshot interval, so the contract also runs through loads that start from snapshots.
        Task.FromResult<IJourneyStore>(new SqliteJourneyStore(_folder.File("contract.db"), clock, new SqliteJourneyStoreOptions { SnapshotInterval = 7 }));

    public void Dispose() => _folder.Dispose();
}
