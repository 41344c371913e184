using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

/// <summary>The hosted dispatcher delivers what commits write, retrying a subscriber that fails.</summary>
public sealed class FeedDispatchTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public async Task The_hosted_dispatcher_delivers_every_committed_change_in_order_retrying_a_subscriber_that_fails_first()
    {
        var subscriber = new FailingFirst(failures: 2);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOutOfDark(configure: o => o.AddFeedSubscriber(subscriber, feed =>
        {
            feed.PollInterval = TimeSpan.FromMilliseconds(20);
            feed.FailureDelay = TimeSpan.FromMilliseconds(20);
        }));
        using var host = builder.Build();
        await host.StartAsync();

        var store = (IJourneyCommitStore)host.Services.GetRequiredService<IJourneyStore>();
        var warnings = host.Services.GetRequiredService<JourneyWarnings>();
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store");
        var engine = warnings.CreateEngine(journey);
        var see = journey.AddPhase(Ana, "See");
        var email = journey.AddActivity(Ana, see, "Newsletter");
        await warnings.CommitAsync(store, journey, engine);
        journey.ChangeActivityDetails(Ana, email, d => d with { Owner = "ana" });
        await warnings.CommitAsync(store, journey, engine);

        var feed = await ((IWarningFeed)store).ReadAsync(0, 100);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (subscriber.Applied.Count < feed.Count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        await host.StopAsync();
        Assert.Equal(feed.Select(e => e.Change.Id), subscriber.Applied);
        Assert.Contains(feed, e => e.Change.Kind == WarningChangeKind.Cleared);
        Assert.Equal(2, subscriber.Failed);
    }

    [Fact]
    public void A_store_that_keeps_no_feed_is_refused_naming_the_stores_that_do()
    {
        var services = new ServiceCollection();
        services.AddOutOfDark(configure: o => o.UseStore(_ => new NoFeedStore()).AddFeedSubscriber(new FailingFirst(0)));
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IWarningFeed>());
        Assert.Equal("The warning feed needs a store that keeps it; the registered store NoFeedStore does not implement IWarningFeed. Use InMemoryJourneyStore, SqliteJourneyStore or PostgreSqlJourneyStore.", refused.Message);
    }

    [Theory]
    [InlineData("PollInterval", "00:00:00.001", "WarningFeedOptions.PollInterval must be 10 ms to 1 hour; it is 00:00:00.0010000.")]
    [InlineData("BatchSize", "0", "WarningFeedOptions.BatchSize must be 1 to 10000.")]
    [InlineData("MaxFailureDelay", "00:00:00.500", "WarningFeedOptions.MaxFailureDelay (00:00:00.5000000) must be at least FailureDelay (00:00:01).")]
    public async Task Feed_settings_out_of_range_stop_the_host_at_start_naming_the_setting(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new System.Collections.Generic.KeyValuePair<string, string?>("OutOfDark:Feed:" + key, value)]);
        builder.Services.AddOutOfDark(builder.Configuration.GetSection("OutOfDark"), o => o.AddFeedSubscriber(new FailingFirst(0)));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.StartAsync());
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscriber_with_a_blank_name_stops_the_host_at_start_instead_of_failing_every_delivery()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOutOfDark(configure: o => o.AddFeedSubscriber(new Blank()));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => host.StartAsync());
        Assert.Equal("A subscriber name has 1 to 200 characters and is not blank; '  ' has 2. (Parameter 'subscriber')", refused.Message);
    }

    private sealed class Blank : IWarningFeedSubscriber
    {
        public string Name => "  ";

        public Task DeliverAsync(WarningChange change, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FailingFirst(int failures) : IWarningFeedSubscriber
    {
        private int _calls;

        public string Name => "test";

        public ConcurrentQueue<Guid> Applied { get; } = new();

        public int Failed { get; private set; }

        public Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
        {
            if (_calls++ < failures)
            {
                Failed++;
                throw new InvalidOperationException("The receiver is down.");
            }

            if (!Applied.Contains(change.Id))
            {
                Applied.Enqueue(change.Id);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class NoFeedStore : IJourneyStore
    {
        private readonly InMemoryJourneyStore _inner = new(SystemClock.Instance);

        public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, System.Collections.Generic.IReadOnlyList<Events.JourneyEvent> events, CancellationToken cancellationToken = default) => _inner.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<Events.JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) => _inner.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

        public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) => _inner.LoadAsync(workspaceId, journeyId, cancellationToken);

        public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default) => _inner.LoadAsOfVersionAsync(workspaceId, journeyId, version, cancellationToken);

        public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default) => _inner.LoadAsOfInstantAsync(workspaceId, journeyId, instant, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default) => _inner.ListAsync(workspaceId, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default) => _inner.ListWorkspacesAsync(cancellationToken);

        public Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) => _inner.DeleteAsync(workspaceId, journeyId, cancellationToken);
    }
}
