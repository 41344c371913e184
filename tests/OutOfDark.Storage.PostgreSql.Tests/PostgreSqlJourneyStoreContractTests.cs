using System.Threading.Tasks;
using NodaTime;
using OutOfDark;
using OutOfDark.Testing.Xunit;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server. Its checks come from <see cref="JourneyStoreContractTests"/> and
/// cannot be skipped: without a server they fail, naming the variable to set.
/// </summary>
public sealed class PostgreSqlJourneyStoreContractTests(PostgresDatabaseFixture database) : JourneyStoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override int GeneratedJourneyCount => 25;

    protected override Task<IJourneyStore> CreateStoreAsync(IClock clock) =>
        // A small snapshot interval, so the contract also runs through loads that start from snapshots.
        Task.FromResult<IJourneyStore>(new PostgreSqlJourneyStore(Connection(), clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = 7 }));

    private string Connection() => PostgresServer.SkipReason is null ? database.ConnectionString : PostgresServer.AdminConnectionString;
}
