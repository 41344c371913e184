using System;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Xunit;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Storage;

public sealed class RuleSettingsRoundTripTests
{
    [Property(Arbitrary = new[] { typeof(SettingsScenarios) }, MaxTest = 80)]
    public async Task A_journey_s_rule_settings_come_back_from_the_in_memory_store_unchanged(JourneyScenario scenario)
    {
        var (journey, clock) = scenario.Build();
        var store = new InMemoryJourneyStore(clock);
        var events = journey.PendingEvents.ToList();
        await store.SaveAsync(journey).ConfigureAwait(true);

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id).ConfigureAwait(true);
        var replayed = Journey.FromSnapshot(journey.ToSnapshot(), clock);

        Assert.Equal(journey.RuleSettingsEntries, loaded.RuleSettingsEntries);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
        Assert.Equal(journey.RuleSettingsEntries, replayed.RuleSettingsEntries);
        Assert.Same(loaded.RuleSettings, loaded.RuleSettings);
        Assert.Equal(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id).ConfigureAwait(true));
    }

    public static class SettingsScenarios
    {
        public static Arbitrary<JourneyScenario> Scenarios() => JourneyGenerators.RuleSettingsScenarios();
    }
}
