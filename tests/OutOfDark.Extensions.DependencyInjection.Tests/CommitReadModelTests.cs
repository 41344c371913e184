using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

/// <summary>The DI commit path keeps the registered workspace read model in step with each save.</summary>
public sealed class CommitReadModelTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public async Task CommitAsync_writes_the_journeys_rows_to_the_registered_workspace_read_model_at_once()
    {
        var services = new ServiceCollection();
        services.AddOutOfDark();
        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IJourneyCommitStore>();
        var warnings = provider.GetRequiredService<JourneyWarnings>();
        var readModel = provider.GetRequiredService<IWorkspaceWarnings>();
        var workspace = WorkspaceId.New();
        var journey = Journey.Create(Ana, workspace, "Online store");
        var engine = warnings.CreateEngine(journey);
        var see = journey.AddPhase(Ana, "See");
        var email = journey.AddActivity(Ana, see, "Newsletter");

        await warnings.CommitAsync(store, journey, engine);

        var rows = (await readModel.QueryAsync(workspace, WorkspaceWarningQuery.All)).Items;
        Assert.NotEmpty(rows);
        Assert.Equal(engine.Warnings.Select(w => w.Key).OrderBy(k => k.ToString()), rows.Select(r => r.Key).OrderBy(k => k.ToString()));
        Assert.Equal(journey.Version, Assert.Single(await readModel.ListHealthAsync(workspace)).Version);

        journey.ChangeActivityDetails(Ana, email, d => d with { Owner = "ana" });
        await warnings.CommitAsync(store, journey, engine);

        var after = (await readModel.QueryAsync(workspace, WorkspaceWarningQuery.All)).Items;
        Assert.Equal(engine.Warnings.Select(w => w.Key).OrderBy(k => k.ToString()), after.Select(r => r.Key).OrderBy(k => k.ToString()));
        Assert.True(after.Count < rows.Count);
        Assert.Equal(journey.Version, Assert.Single(await readModel.ListHealthAsync(workspace)).Version);
    }

    [Fact]
    public async Task A_store_that_keeps_its_own_read_model_is_registered_with_it_and_any_other_store_gets_the_in_memory_one()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"outofdark-di-{System.Guid.NewGuid():N}.db");
        try
        {
            var services = new ServiceCollection();
            services.AddOutOfDark(configure: o => o.UseStore(sp => new SqliteJourneyStore(path, sp.GetRequiredService<IClock>())));
            await using (var provider = services.BuildServiceProvider())
            {
                var store = (SqliteJourneyStore)provider.GetRequiredService<IJourneyStore>();
                Assert.Same(store.WorkspaceWarnings, provider.GetRequiredService<IWorkspaceWarnings>());
            }

            var plain = new ServiceCollection();
            plain.AddOutOfDark();
            await using var inMemory = plain.BuildServiceProvider();
            Assert.IsType<InMemoryWorkspaceWarnings>(inMemory.GetRequiredService<IWorkspaceWarnings>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.File.Delete(path);
        }
    }
}

/// <summary>Later commits through one engine write only what changed to the workspace read model.</summary>
public sealed class CommitReadModelDifferenceTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public async Task The_first_commit_of_an_engine_replaces_all_rows_and_the_next_writes_only_the_rows_that_changed()
    {
        var recorder = new RecordingWorkspaceWarnings();
        var services = new ServiceCollection();
        services.AddOutOfDark(configure: o => o.UseWorkspaceWarnings(_ => recorder));
        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IJourneyCommitStore>();
        var warnings = provider.GetRequiredService<JourneyWarnings>();
        var workspace = WorkspaceId.New();
        var journey = Journey.Create(Ana, workspace, "Online store");
        var see = journey.AddPhase(Ana, "See");
        var activities = Enumerable.Range(0, 20).Select(i => journey.AddActivity(Ana, see, $"Step {i}")).ToList();
        var engine = warnings.CreateEngine(journey);
        await warnings.CommitAsync(store, journey, engine);

        var first = Assert.Single(recorder.Updates);
        Assert.True(first.ReplacesAll);
        Assert.True(first.Upserts.Count >= activities.Count, $"expected a row per unowned activity, got {first.Upserts.Count}");

        // One activity gains an owner: only its rows change.
        journey.ChangeActivityDetails(Ana, activities[3], d => d with { Owner = "ana" });
        await warnings.CommitAsync(store, journey, engine);

        var second = recorder.Updates[1];
        Assert.False(second.ReplacesAll);
        Assert.True(second.Upserts.Count + second.Removals.Count < first.Upserts.Count / 4, $"the second commit wrote {second.Upserts.Count} rows and removed {second.Removals.Count} of {first.Upserts.Count}");
        Assert.True(second.Removals.Count + second.Upserts.Count > 0, "the owner change cleared a warning, so the second update must carry it");

        // The read model still matches the engine.
        var rows = (await recorder.QueryAsync(workspace, WorkspaceWarningQuery.All)).Items;
        Assert.Equal(engine.Warnings.Select(w => w.Key).OrderBy(k => k.ToString()), rows.Select(r => r.Key).OrderBy(k => k.ToString()));

        // A new engine (a reload) starts over with a full replacement.
        var reloaded = warnings.CreateEngine(journey);
        reloaded.Refresh();
        journey.ChangeActivityDetails(Ana, activities[4], d => d with { Owner = "ana" });
        await warnings.CommitAsync(store, journey, reloaded);
        Assert.True(recorder.Updates[2].ReplacesAll);
    }

    private sealed class RecordingWorkspaceWarnings : IWorkspaceWarnings
    {
        private readonly InMemoryWorkspaceWarnings _inner = new(SystemClock.Instance);

        public System.Collections.Generic.List<WorkspaceWarningUpdate> Updates { get; } = [];

        public Task ApplyAsync(WorkspaceWarningUpdate update, System.Threading.CancellationToken cancellationToken = default)
        {
            Updates.Add(update);
            return _inner.ApplyAsync(update, cancellationToken);
        }

        public Task RemoveJourneyAsync(WorkspaceId workspaceId, JourneyId journeyId, System.Threading.CancellationToken cancellationToken = default) => _inner.RemoveJourneyAsync(workspaceId, journeyId, cancellationToken);

        public Task<WorkspaceWarningPage> QueryAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, System.Threading.CancellationToken cancellationToken = default) => _inner.QueryAsync(workspaceId, query, cancellationToken);

        public Task<WorkspaceWarningCounts> CountAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, System.Threading.CancellationToken cancellationToken = default) => _inner.CountAsync(workspaceId, query, cancellationToken);

        public Task<System.Collections.Generic.IReadOnlyList<WorkspaceJourneyHealth>> ListHealthAsync(WorkspaceId workspaceId, System.Threading.CancellationToken cancellationToken = default) => _inner.ListHealthAsync(workspaceId, cancellationToken);
    }
}
