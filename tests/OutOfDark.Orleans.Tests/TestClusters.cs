using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using OutOfDark.Storage.PostgreSql.Tests;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// A three-silo in-process cluster on a fresh PostgreSQL database: journey store with the command ledger, reminders in
/// PostgreSQL, a feed subscriber in every silo. Membership is the TestingHost's own (hosted by the primary silo), tuned
/// to declare a killed silo dead within seconds.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("No database.");

    /// <summary>Which clock the silos use: "fixed" (<see cref="TestClocks.Fixed"/>) or "moving" (<see cref="TestClocks.Moving"/>).</summary>
    protected abstract string Clock { get; }

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            // No server and not CI: the tests skip (PostgresFact); with CI=true the database creation below fails them.
            return;
        }

        _database = await PostgresServer.CreateDatabaseAsync();
        var builder = new TestClusterBuilder(3);
        builder.Options.ServiceId = "outofdark-" + Guid.NewGuid().ToString("N")[..8];
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Three silos, each with a pool for the store and one for reminders, beside the other test assemblies: bounded.
            ["OutOfDarkTest:ConnectionString"] = _database.ConnectionString + ";Maximum Pool Size=16",
            ["OutOfDarkTest:Clock"] = Clock,
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration["OutOfDarkTest:ConnectionString"]!;
            IClock clock = siloBuilder.Configuration["OutOfDarkTest:Clock"] == "moving" ? TestClocks.Moving : TestClocks.Fixed;
            siloBuilder
                .UseOutOfDarkPostgreSqlReminders(connectionString)
                .AddOutOfDarkGrains(configure: outOfDark => outOfDark
                    .UseClock(clock)
                    .UseOrleansPostgreSql(connectionString)
                    .AddFeedSubscriber(FeedLog.Subscriber, options => options.PollInterval = TimeSpan.FromMilliseconds(200)));
            siloBuilder.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(5);
            });
            siloBuilder.Configure<ReminderOptions>(options => options.RefreshReminderListPeriod = TimeSpan.FromSeconds(2));
            siloBuilder.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
    }
}

/// <summary>The cluster of the load tests: a fixed clock, so a single-process evaluation sees the same "now".</summary>
public sealed class LoadClusterFixture : ClusterFixture
{
    protected override string Clock => "fixed";
}

/// <summary>The cluster of the reminder and isolation tests: a clock that moves with real time from a chosen start.</summary>
public sealed class MovingClockClusterFixture : ClusterFixture
{
    protected override string Clock => "moving";
}

/// <summary>The clocks the silos read (in-process silos share them).</summary>
public static class TestClocks
{
    /// <summary>A clock that stands still at 2030-06-01T12:00Z.</summary>
    public static readonly IClock Fixed = new NodaTime.Testing.FakeClock(Instant.FromUtc(2030, 6, 1, 12, 0));

    /// <summary>Real time shifted so that "now" is <see cref="ShiftedClock.Start"/> when it is set.</summary>
    public static readonly ShiftedClock Moving = new();
}

/// <summary>A clock running at real speed from a start instant the test sets.</summary>
public sealed class ShiftedClock : IClock
{
    private long _offsetTicks;

    /// <summary>Makes "now" <paramref name="now"/>; the clock runs on from there.</summary>
    public void Set(Instant now) => Interlocked.Exchange(ref _offsetTicks, (now - SystemClock.Instance.GetCurrentInstant()).BclCompatibleTicks);

    public Instant GetCurrentInstant() => SystemClock.Instance.GetCurrentInstant() + Duration.FromTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>Every delivery of the feed subscriber, from every silo: change id → how many times it was delivered.</summary>
public static class FeedLog
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();

    public static readonly IWarningFeedSubscriber Subscriber = new Counter();

    private sealed class Counter : IWarningFeedSubscriber
    {
        public string Name => "orleans-tests";

        public Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
        {
            Deliveries.AddOrUpdate(change.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
