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
