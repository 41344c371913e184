using System;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.PostgreSql.Tests;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>The ledger on its own: the command id is saved with the events, and a second save of the same id fails whole.</summary>
public sealed class CommandLedgerTests
{
    [PostgresFact]
    public async Task A_command_id_is_saved_with_its_events_and_a_second_save_of_it_writes_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var data = NpgsqlDataSource.Create(database.ConnectionString);
        using var ledger = new PostgreSqlCommandLedger(data);
        await ledger.EnsureSchemaAsync();
        var clock = new FakeClock(Instant.FromUtc(2030, 6, 1, 12, 0));
        await using var store = new PostgreSqlJourneyStore(data, clock, new PostgreSqlJourneyStoreOptions { CommitWriters = [ledger] });
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Onboarding", clock);
        var command = Guid.NewGuid();

        using (PostgreSqlCommandLedger.Saving(command))
        {
            await store.AppendAsync(journey.WorkspaceId, journey.Id, 0, [.. journey.PendingEvents]);
        }

        journey.ClearPendingEvents();
        journey.Rename(ana, "Onboarding 2");
        var twice = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            using (PostgreSqlCommandLedger.Saving(command))
            {
                await store.AppendAsync(journey.WorkspaceId, journey.Id, 1, [.. journey.PendingEvents]);
            }
        });

        // Outside a Saving scope nothing is recorded: a due re-check or another host's write.
        await store.AppendAsync(journey.WorkspaceId, journey.Id, 1, [.. journey.PendingEvents]);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, twice.SqlState);
        Assert.Equal(2, (await store.LoadAsync(journey.WorkspaceId, journey.Id)).Version);
        var applied = await ledger.ReadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(1L, Assert.Single(applied, a => a.Key == command).Value);
        Assert.Single(applied);
    }

    [Fact]
    public void An_empty_command_id_cannot_be_saved() =>
        Assert.Equal("commandId", Assert.Throws<ArgumentException>(() => PostgreSqlCommandLedger.Saving(Guid.Empty)).ParamName);
}
