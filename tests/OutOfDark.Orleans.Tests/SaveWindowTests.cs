using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using OutOfDark.Events;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.PostgreSql.Tests;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// The windows around a save that a silo's death opens, made deterministic: a store whose load or commit runs a hook,
/// standing in for another activation (the one on a dying silo) finishing its save at that moment, or for the reply of a
/// committed save being lost. A retried command must then be answered as repeated with its first version, never run again.
/// </summary>
public sealed class SaveWindowTests(HookedClusterFixture fixture) : IClassFixture<HookedClusterFixture>
{
    [PostgresFact]
    public async Task A_command_saved_by_another_activation_while_this_one_loads_the_journey_is_answered_as_repeated()
    {
        var (grain, journeyId) = await NewJourneyAsync();
        var phase = Guid.NewGuid();
        await grain.ExecuteAsync(Commands.Phase(phase));
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var retried = Commands.Activity(Guid.NewGuid(), phase, "Checkout");

        // The old activation's save of the command commits just as the new activation loads the journey.
        HookedStore.BeforeLoad[journeyId] = store => store.ApplyAsync(fixture.Workspace, journeyId, retried);
        var result = await grain.ExecuteAsync(retried);

        Assert.Equal(new JourneyCommandResult { Version = 3, Repeated = true }, result);
        await AssertSavedOnceAsync(journeyId, retried, 3);
    }

    [PostgresFact]
    public async Task A_command_saved_by_another_activation_just_after_this_one_loaded_the_journey_is_answered_as_repeated_and_the_next_command_follows_it()
    {
        var (grain, journeyId) = await NewJourneyAsync();
        var phase = Guid.NewGuid();
        await grain.ExecuteAsync(Commands.Phase(phase));
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var retried = Commands.Activity(Guid.NewGuid(), phase, "Checkout");

        // Committed after the load: the activation holds the journey without it, but the ledger it reads next has it.
        HookedStore.AfterLoad[journeyId] = store => store.ApplyAsync(fixture.Workspace, journeyId, retried);
        var result = await grain.ExecuteAsync(retried);
        var next = await grain.ExecuteAsync(Commands.Activity(Guid.NewGuid(), phase, "Delivery"));

        Assert.Equal(new JourneyCommandResult { Version = 3, Repeated = true }, result);
        Assert.Equal(new JourneyCommandResult { Version = 4, Repeated = false }, next);
        await AssertSavedOnceAsync(journeyId, retried, 3);
    }

    [PostgresFact]
    public async Task A_command_whose_save_committed_but_whose_reply_was_lost_is_answered_as_repeated_on_retry()
    {
        var (grain, journeyId) = await NewJourneyAsync();
        var phase = Commands.Phase(Guid.NewGuid());

        // The transaction commits, then the save fails before the grain can answer (a dying silo, a dropped connection).
        HookedStore.AfterCommit[journeyId] = () => throw new System.IO.IOException("The connection broke after the commit (test).");
        var lost = await Assert.ThrowsAnyAsync<Exception>(() => grain.ExecuteAsync(phase));
        var retry = await grain.ExecuteAsync(phase);

        Assert.Contains("after the commit", lost.Message, StringComparison.Ordinal);
        Assert.Equal(new JourneyCommandResult { Version = 2, Repeated = true }, retry);
        await AssertSavedOnceAsync(journeyId, phase, 2);
    }

    private async Task<(IJourneyGrain Grain, JourneyId Journey)> NewJourneyAsync()
    {
        var journeyId = JourneyId.New();
        var grain = fixture.Cluster.Client.GetJourneyGrain(fixture.Workspace, journeyId);
        await grain.ExecuteAsync(Commands.Create("Onboarding"));
        return (grain, journeyId);
    }

    private async Task AssertSavedOnceAsync(JourneyId journeyId, JourneyCommand command, long version)
    {
        await using var data = NpgsqlDataSource.Create(fixture.ConnectionString);
        var applied = await new PostgreSqlCommandLedger(data).ReadAsync(fixture.Workspace, journeyId);
        await using var store = new PostgreSqlJourneyStore(fixture.ConnectionString, TestClocks.Fixed);
        var events = await store.ReadEventsAsync(fixture.Workspace, journeyId);
        Assert.Equal(version, applied[command.CommandId]);
        Assert.Equal(applied.Count, events.Count);
    }
}

/// <summary>A one-silo cluster whose journey store is a <see cref="HookedStore"/> over PostgreSQL with the command ledger.</summary>
public sealed class HookedClusterFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestCluster Cluster { get; private set; } = null!;

    public WorkspaceId Workspace { get; } = WorkspaceId.New();

    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("No database.");

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        _database = await PostgresServer.CreateDatabaseAsync();
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = "outofdark-hooked-" + Guid.NewGuid().ToString("N")[..8];
        builder.Options.ClusterId = "outofdark-hooked-" + Guid.NewGuid().ToString("N");
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OutOfDarkTest:ConnectionString"] = _database.ConnectionString + ";Maximum Pool Size=8",
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
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
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddOutOfDarkGrains(configure: outOfDark => outOfDark
                .UseClock(TestClocks.Fixed)
                .UseOrleansPostgreSql(connectionString)
                .UseStore(sp => new HookedStore(
                    new PostgreSqlJourneyStore(connectionString, sp.GetRequiredService<IClock>(), new PostgreSqlJourneyStoreOptions { CommitWriters = [sp.GetRequiredService<PostgreSqlCommandLedger>()] }),
                    sp)));
        }
    }
}

/// <summary>
/// A journey store that runs a test's hook, once per journey, before or after loading it or after a commit of it; the
/// hooks are static because the test cluster's silo runs in the test's process.
/// </summary>
public sealed class HookedStore(PostgreSqlJourneyStore inner, IServiceProvider services) : IJourneyCommitStore
{
    public static readonly ConcurrentDictionary<JourneyId, Func<HookedStore, Task>> BeforeLoad = new();

    public static readonly ConcurrentDictionary<JourneyId, Func<HookedStore, Task>> AfterLoad = new();

    public static readonly ConcurrentDictionary<JourneyId, Action> AfterCommit = new();

    /// <summary>Applies a command and saves it with its ledger row, as another activation of the journey would.</summary>
    public async Task ApplyAsync(WorkspaceId workspaceId, JourneyId journeyId, JourneyCommand command)
    {
        // Resolved here, not in the store's factory: the warnings service depends on the store.
        var warnings = services.GetRequiredService<JourneyWarnings>();
        var journey = await inner.LoadAsync(workspaceId, journeyId);
        var engine = warnings.CreateEngine(journey);
        engine.EvaluateAll();
        command.Run(journey, new Actor(command.Actor!));
        using (PostgreSqlCommandLedger.Saving(command.CommandId, command.PayloadHash()))
        {
            await warnings.CommitAsync(inner, journey, engine);
        }
    }

    public async Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        if (BeforeLoad.TryRemove(journeyId, out var before))
        {
            await before(this);
        }

        var journey = await inner.LoadAsync(workspaceId, journeyId, cancellationToken);
        if (AfterLoad.TryRemove(journeyId, out var after))
        {
            await after(this);
        }

        return journey;
    }

    public async Task<long> CommitAsync(JourneyCommit commit, CancellationToken cancellationToken = default)
    {
        var version = await inner.CommitAsync(commit, cancellationToken);
        if (AfterCommit.TryRemove(commit.JourneyId, out var after))
        {
            after();
        }

        return version;
    }

    public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

    public Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) =>
        inner.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

    public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default) =>
        inner.LoadAsOfVersionAsync(workspaceId, journeyId, version, cancellationToken);

    public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default) =>
        inner.LoadAsOfInstantAsync(workspaceId, journeyId, instant, cancellationToken);

    public Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default) => inner.ListAsync(workspaceId, cancellationToken);

    public Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default) => inner.ListWorkspacesAsync(cancellationToken);

    public Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) => inner.DeleteAsync(workspaceId, journeyId, cancellationToken);
}
