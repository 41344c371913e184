using NodaTime.Testing;
using System.Linq;
using System.Threading.Tasks;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

public sealed class TextRoundTripTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Every case saves into the class's one database, as a store holding many journeys does. Texts with a lone surrogate are refused by
    // the commands, so the journey holds only what was accepted.
    [PostgresProperty(Arbitrary = new[] { typeof(TextArbitraries) }, MaxTest = 100)]
    public async Task Any_text_the_domain_accepts_comes_back_from_postgresql_unchanged(string text)
    {
        var clock = FakeClock.FromUtc(2026, 3, 1, 9, 0, 0);
        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = 5 });
        var journey = TextJourneys.Build(text, clock);
        var events = journey.PendingEvents.ToList();
        await store.SaveAsync(journey);

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);

        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
        Assert.Equal(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id));
        Assert.Equal(journey.Name, Assert.Single(await store.ListAsync(journey.WorkspaceId)).Name);
    }
}
