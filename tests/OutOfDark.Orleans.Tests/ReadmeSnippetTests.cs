using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using Orleans;
using Orleans.Hosting;
using OutOfDark.Json;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// The one-machine snippet of the package README ("One machine") and the root README's hosting section, run as written
/// but on ports of its own: a co-hosted silo on SQLite, a fake clock, the journey created first, a reminder's re-check
/// forced, the history read back. Keep the two in step.
/// </summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public async Task The_one_machine_snippet_runs_creates_a_journey_raises_a_stale_warning_on_recheck_and_reads_its_history()
    {
        var path = Path.Combine(Path.GetTempPath(), $"outofdark-orleans-readme-{Guid.NewGuid():N}.db");
        try
        {
            var workspaceId = WorkspaceId.New();
            var journeyId = JourneyId.New();
            var today = new LocalDate(2031, 3, 1);

            // --- README ---
            var clock = new FakeClock(Instant.FromUtc(2031, 3, 1, 9, 0));
            var builder = Host.CreateApplicationBuilder();
            builder.UseOrleans(silo => silo
                .UseOutOfDarkLocalhostClustering(siloPort: 22411, gatewayPort: 22412, primarySiloPort: 22411)
                .AddOutOfDarkGrains(
                    configure: o => o
                        .UseClock(clock)
                        .UseStore(sp => new SqliteJourneyStore(path, sp.GetRequiredService<IClock>())),
                    grains: g => g.AllowStoreWithoutCommandLedger = true));
            using var host = builder.Build();
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IClusterClient>();

            var journey = client.GetJourneyGrain(workspaceId, journeyId);
            await journey.ExecuteAsync(new CreateJourney { CommandId = Guid.NewGuid(), Actor = "ana", Name = "Onboarding" });
            var phase = Guid.NewGuid();
            var checkout = Guid.NewGuid();
            var nps = Guid.NewGuid();
            await journey.ExecuteAsync(new AddPhase { CommandId = Guid.NewGuid(), Actor = "ana", PhaseId = phase, Name = "Buy" });
            await journey.ExecuteAsync(new AddActivity { CommandId = Guid.NewGuid(), Actor = "ana", ActivityId = checkout, PhaseId = phase, Name = "Checkout", Owner = "ana" });
            await journey.ExecuteAsync(new AddMetric { CommandId = Guid.NewGuid(), Actor = "ana", MetricId = nps, ActivityId = checkout, Title = "NPS" });
            await journey.ExecuteAsync(new RecordObservation { CommandId = Guid.NewGuid(), Actor = "ana", MetricId = nps, Date = today.ToDateOnly(), Value = 41 });

            clock.Advance(Duration.FromDays(400));
            await journey.RecheckAsync();
            var warnings = await journey.GetWarningsAsync(includeResolved: false);

            byte[] stream = await journey.GetHistoryAsync(fromVersion: 0, toVersion: null);
            var history = new JourneyHistory(JourneyJsonSerializer.Default.DeserializeEventStream(stream), clock);
            // --- end ---

            var stale = Assert.Single(warnings, w => w.Rule == StaleMetricRule.RuleId.Value);
            Assert.Equal("NPS on Checkout", stale.SubjectName);
            Assert.Equal(5, history.Version);
            Assert.Equal("Onboarding", history.Current.Name);
            Assert.Equal(journeyId, history.Current.Id);
            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
