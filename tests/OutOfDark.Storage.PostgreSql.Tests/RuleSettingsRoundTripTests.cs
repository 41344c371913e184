using System;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

public sealed class RuleSettingsRoundTripTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // A short snapshot interval makes loads go through a stored snapshot (the document's ruleSettings) as well as events.
    [PostgresProperty(Arbitrary = new[] { typeof(SettingsScenarios) }, MaxTest = 60)]
    public async Task A_journey_s_rule_settings_come_back_from_postgresql_unchanged(JourneyScenario scenario)
    {
        var (journey, clock) = (scenario with { JourneyId = Guid.NewGuid() }).Build();
        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, clock, new PostgreSqlJourneyStoreOptions { SnapshotInterval = 3 });
        var events = journey.PendingEvents.ToList();
        await store.SaveAsync(journey);

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);

        Assert.Equal(journey.RuleSettingsEntries, loaded.RuleSettingsEntries);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
        Assert.Equal(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id));
    }

    public static class SettingsScenarios
    {
        public static Arbitrary<JourneyScenario> Scenarios() => JourneyGenerators.RuleSettingsScenarios();
    }
}
