using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

/// <summary>The due-recheck service raises time-based warnings on their day with no request, across workspaces.</summary>
public sealed class DueRecheckTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public async Task A_stale_data_warning_appears_on_its_due_day_with_no_request_in_every_workspace()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var seen = new Seen();
        using var host = BuildHost(clock, seen);
        var store = host.Services.GetRequiredService<IJourneyStore>();
        var readModel = host.Services.GetRequiredService<IWorkspaceWarnings>();
        var workspaces = new[] { WorkspaceId.New(), WorkspaceId.New() };
        foreach (var workspace in workspaces)
        {
            await store.SaveAsync(JourneyWithAFreshMetric(workspace, clock));
        }

        await host.StartAsync();
        try
        {
            // The first pass writes each journey's rows; nothing is stale yet, and nothing is reported as newly raised.
            foreach (var workspace in workspaces)
            {
                await Eventually(async () => (await readModel.ListHealthAsync(workspace)).Count == 1);
                Assert.Equal(0, (await readModel.CountAsync(workspace, new WorkspaceWarningQuery { Rule = StaleMetricRule.RuleId })).Total);
            }

            Assert.Empty(seen.Raised);

            // More than four days without an observation (the rule's limit): stale from the fifth day on. Nobody asks
            // for anything; the service notices.
            clock.Advance(Duration.FromDays(5));
            foreach (var workspace in workspaces)
            {
                await Eventually(async () => (await readModel.CountAsync(workspace, new WorkspaceWarningQuery { Rule = StaleMetricRule.RuleId })).Total == 1);
                var row = Assert.Single((await readModel.QueryAsync(workspace, new WorkspaceWarningQuery { Rule = StaleMetricRule.RuleId })).Items);
                Assert.Equal("Completion on Checkout", row.SubjectName);
                Assert.Equal(WarningState.Open, row.State);
            }

            Assert.Equal(2, seen.Raised.Count(k => k.Rule == StaleMetricRule.RuleId));

            // The in-memory store keeps the durable feed: what time alone raised went there too, once per workspace.
            var feed = await host.Services.GetRequiredService<IWarningFeed>().ReadAsync(0, 1000);
            var stale = feed.Where(e => e.Change.Key.Rule == StaleMetricRule.RuleId).ToList();
            Assert.Equal(workspaces.Order(), stale.Select(e => e.Change.WorkspaceId).Order());
            Assert.All(stale, e => Assert.Equal(WarningChangeKind.Raised, e.Change.Kind));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_pass_catches_up_with_journeys_changed_elsewhere_and_removes_deleted_ones()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        using var host = BuildHost(clock, new Seen());
        var store = host.Services.GetRequiredService<IJourneyStore>();
        var readModel = host.Services.GetRequiredService<IWorkspaceWarnings>();
        var service = host.Services.GetRequiredService<DueRecheckService>();
        var workspace = WorkspaceId.New();
        var journey = JourneyWithAFreshMetric(workspace, clock);
        await store.SaveAsync(journey);
        var gone = JourneyWithAFreshMetric(workspace, clock);
        await store.SaveAsync(gone);

        var due = await service.RecheckAsync();

        Assert.Equal(clock.GetCurrentInstant().InUtc().Date.PlusDays(5).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), due);
        Assert.Equal(2, (await readModel.ListHealthAsync(workspace)).Count);

        // Another process gives the activity without an owner one, and deletes the second journey.
        var loaded = await store.LoadAsync(workspace, journey.Id);
        var ownerless = loaded.Activities.Single(a => a.Details.Owner is null).Id;
        loaded.ChangeActivityDetails(Ana, ownerless, d => d with { Owner = "ben" });
        await store.SaveAsync(loaded);
        await store.DeleteAsync(workspace, gone.Id);
        await service.RecheckAsync();

        var rows = (await readModel.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = 1000 })).Items;
        Assert.All(rows, r => Assert.Equal(journey.Id, r.JourneyId));
        Assert.DoesNotContain(rows, r => r.Key.Rule == NoOwnerRule.RuleId);
        Assert.Equal(loaded.Version, Assert.Single(await readModel.ListHealthAsync(workspace)).Version);
    }

    [Fact]
    public async Task A_journey_that_cannot_be_loaded_does_not_stop_the_rechecks_of_the_others()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var inner = new InMemoryJourneyStore(clock);
        var workspace = WorkspaceId.New();
        var broken = JourneyWithAFreshMetric(workspace, clock);
        var fine = JourneyWithAFreshMetric(workspace, clock);
        await inner.SaveAsync(broken);
        await inner.SaveAsync(fine);
        var readModel = new InMemoryWorkspaceWarnings(clock);
        using var services = new ServiceCollection().AddOutOfDark(configure: o => o.UseClock(clock)).BuildServiceProvider();
        using var service = new DueRecheckService(
            new FailingLoad(inner, broken.Id), services.GetRequiredService<JourneyWarnings>(), readModel, clock, new DueRecheckOptions(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DueRecheckService>.Instance);

        var due = await service.RecheckAsync();

        Assert.NotNull(due);
        var line = Assert.Single(await readModel.ListHealthAsync(workspace));
        Assert.Equal(fine.Id, line.JourneyId);
    }

    [Fact]
    public void Intervals_out_of_range_are_refused_naming_the_option()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddOutOfDark(configure: o => o.AddDueRechecks(d => d.MaxInterval = Duration.Zero)));

        Assert.Equal("MaxInterval", refused.ParamName);
        Assert.StartsWith("DueRecheckOptions.MaxInterval must be above 0 and at most 1 day.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_MaxInterval_alone_is_accepted_and_MinInterval_follows_it_down_unless_set()
    {
        var options = new DueRecheckOptions { MaxInterval = Duration.FromMilliseconds(100) };
        Assert.Equal(Duration.FromMilliseconds(100), options.MinInterval);
        Assert.Equal(Duration.FromSeconds(1), new DueRecheckOptions().MinInterval);

        var services = new ServiceCollection();
        services.AddOutOfDark(configure: o => o.AddDueRechecks(d => d.MaxInterval = Duration.FromMilliseconds(100)));

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddOutOfDark(configure: o => o.AddDueRechecks(d =>
            (d.MaxInterval, d.MinInterval) = (Duration.FromMilliseconds(100), Duration.FromSeconds(2)))));
        Assert.Equal("MinInterval", refused.ParamName);
        Assert.StartsWith("DueRecheckOptions.MinInterval must be from 0 to MaxInterval (0:00:00:00.1); lower MinInterval or raise MaxInterval.", refused.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(FakeClock clock, Seen seen)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOutOfDark(configure: o => o
            .UseClock(clock)
            .AddObserver(seen)
            .ConfigureSettings(s => s.With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 4 }))
            .AddDueRechecks(d => (d.MaxInterval, d.MinInterval) = (Duration.FromMilliseconds(50), Duration.FromMilliseconds(10))));
        return builder.Build();
    }

    // A journey with one measured touchpoint observed today and one without an owner.
    private static Journey JourneyWithAFreshMetric(WorkspaceId workspace, FakeClock clock)
    {
        var journey = Journey.Create(Ana, workspace, "Online store", clock);
        var phase = journey.AddPhase(Ana, "Do");
        var checkout = journey.AddActivity(Ana, phase, "Checkout", details: ActivityDetails.Empty with { Owner = "ana" });
        var metric = journey.AddWidget(Ana, checkout, new MetricWidget(WidgetId.New(), "Completion") { Unit = "%", Target = 70 });
        journey.RecordObservation(Ana, metric, clock.GetCurrentInstant().InUtc().Date, 72);
        var returns = journey.AddActivity(Ana, phase, "Returns");
        journey.AddWidget(Ana, returns, new MetricWidget(WidgetId.New(), "Return rate") { Unit = "%" });
        return journey;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The due-recheck service did not get there within 20 seconds.");
            await Task.Delay(20);
        }
    }

    private sealed class FailingLoad(IJourneyStore inner, JourneyId broken) : IJourneyStore
    {
        public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, System.Collections.Generic.IReadOnlyList<OutOfDark.Events.JourneyEvent> events, System.Threading.CancellationToken cancellationToken = default) =>
            inner.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<OutOfDark.Events.JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, System.Threading.CancellationToken cancellationToken = default) =>
            inner.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

        public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, System.Threading.CancellationToken cancellationToken = default) =>
            journeyId == broken ? throw new System.IO.InvalidDataException("The stored journey is damaged.") : inner.LoadAsync(workspaceId, journeyId, cancellationToken);

        public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, System.Threading.CancellationToken cancellationToken = default) =>
            inner.LoadAsOfVersionAsync(workspaceId, journeyId, version, cancellationToken);

        public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, System.Threading.CancellationToken cancellationToken = default) =>
            inner.LoadAsOfInstantAsync(workspaceId, journeyId, instant, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, System.Threading.CancellationToken cancellationToken = default) =>
            inner.ListAsync(workspaceId, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(System.Threading.CancellationToken cancellationToken = default) =>
            inner.ListWorkspacesAsync(cancellationToken);

        public Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, System.Threading.CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(workspaceId, journeyId, cancellationToken);
    }

    private sealed class Seen : IWarningObserver
    {
        public ConcurrentQueue<WarningKey> Raised { get; } = new();

        public void OnRaised(Warning warning) => Raised.Enqueue(warning.Key);

        public void OnChanged(Warning previous, Warning current)
        {
        }

        public void OnCleared(Warning previous)
        {
        }

        public void OnRuleFailed(RuleFailure failure)
        {
        }
    }
}
