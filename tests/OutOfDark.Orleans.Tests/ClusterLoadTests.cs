using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.PostgreSql.Tests;
using OutOfDark.Warnings;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// Three silos, 16 concurrent clients × 200 commands over 100 journeys, one silo killed ungracefully a third of the way
/// through: afterwards the store holds every acknowledged command exactly once, with no version gap, each journey's
/// warnings equal a single-process evaluation of its saved events, and the feed subscriber (running in every silo) got
/// every warning change once.
/// </summary>
public sealed class ClusterLoadTests(LoadClusterFixture fixture, ITestOutputHelper output) : IClassFixture<LoadClusterFixture>
{
    private const int Clients = 16;
    private const int CommandsPerClient = 200;
    private const int JourneyCount = 100;

    [PostgresFact]
    public async Task Every_acknowledged_command_is_saved_once_and_warnings_and_feed_match_after_a_silo_is_killed_under_load()
    {
        var client = fixture.Cluster.Client;
        var workspace = WorkspaceId.New();
        var journeys = Enumerable.Range(0, JourneyCount).Select(_ => new Target(JourneyId.New(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())).ToArray();
        var sent = new ConcurrentDictionary<Guid, JourneyId>();
        var acknowledged = new ConcurrentDictionary<Guid, long>();
        var started = Stopwatch.StartNew();

        await Parallel.ForEachAsync(journeys, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (t, _) =>
        {
            var grain = client.GetJourneyGrain(workspace, t.Journey);
            foreach (var command in new JourneyCommand[] { Commands.Create($"Journey {t.Journey}"), Commands.Phase(t.Phase), Commands.Activity(t.Activity, t.Phase, "Checkout"), Commands.Metric(t.Metric, t.Activity) })
            {
                sent[command.CommandId] = t.Journey;
                var result = await Commands.SendAsync(grain, command) ?? throw new InvalidOperationException("Setup command not acknowledged.");
                acknowledged[command.CommandId] = result.Version;
            }
        });
        output.WriteLine($"setup: {JourneyCount * 4} commands in {started.Elapsed.TotalSeconds:0.0} s");

        var done = 0;
        var victim = fixture.Cluster.SecondarySilos[0];
        var killed = new TaskCompletionSource();
        var kill = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < Clients * CommandsPerClient / 3)
            {
                await Task.Delay(20);
            }

            await fixture.Cluster.KillSiloAsync(victim);
            output.WriteLine($"killed silo {victim.SiloAddress} after {Volatile.Read(ref done)} commands, at {started.Elapsed.TotalSeconds:0.0} s");
            killed.SetResult();
        });

        var unacknowledged = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            for (var i = 0; i < CommandsPerClient; i++)
            {
                var t = journeys[random.Next(journeys.Length)];
                JourneyCommand command = random.Next(3) switch
                {
                    // Dates unique per client and command: every observation is a new one.
                    0 => Commands.Observation(t.Metric, new DateOnly(2020, 1, 1).AddDays((c * CommandsPerClient) + i), random.Next(20, 70)),
                    1 => Commands.Activity(Guid.NewGuid(), t.Phase, $"Step {c}-{i}"),
                    _ => Commands.Rename(t.Activity, $"Checkout {c}-{i}"),
                };
                sent[command.CommandId] = t.Journey;
                var result = await Commands.SendAsync(client.GetJourneyGrain(workspace, t.Journey), command);
                if (result is null)
                {
                    Interlocked.Increment(ref unacknowledged);
                }
                else
                {
                    acknowledged[command.CommandId] = result.Version;
                }

                Interlocked.Increment(ref done);
            }
        })));
        await kill;
        output.WriteLine($"load: {Clients * CommandsPerClient} commands, {unacknowledged} never acknowledged, in {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(killed.Task.IsCompleted);

        await using var store = new PostgreSqlJourneyStore(fixture.ConnectionString, TestClocks.Fixed);
        await using var data = NpgsqlDataSource.Create(fixture.ConnectionString);
        var ledger = new PostgreSqlCommandLedger(data);
        foreach (var t in journeys)
        {
            var events = await store.ReadEventsAsync(workspace, t.Journey);
            var journey = await store.LoadAsync(workspace, t.Journey);
            var applied = await ledger.ReadAsync(workspace, t.Journey);

            // Each command of the test adds exactly one event: as many events as applied commands means none twice.
            Assert.Equal(events.Count, journey.Version);
            Assert.Equal(events.Count, applied.Count);
            Assert.Equal(Enumerable.Range(1, applied.Count).Select(v => (long)v), applied.Values.Order());
            Assert.All(applied.Keys, id => Assert.Equal(t.Journey, sent[id]));
            foreach (var (id, version) in acknowledged.Where(a => sent[a.Key] == t.Journey))
            {
                Assert.True(applied.TryGetValue(id, out var saved), $"Acknowledged command {id} of journey {t.Journey} is not in the store.");
                Assert.Equal(version, saved);
            }

            // The grain's warnings (incremental, across reactivations) equal one full evaluation of the saved events.
            var single = new WarningEngine(journey, TestClocks.Fixed);
            single.EvaluateAll();
            var expected = single.View(WarningQuery.All).Select(WarningItem.From).Select(Comparable).Order().ToArray();
            var actual = (await client.GetJourneyGrain(workspace, t.Journey).GetWarningsAsync(includeResolved: true)).Select(Comparable).Order().ToArray();
            Assert.Equal(expected, actual);
        }

        Assert.Equal(Clients * CommandsPerClient + (4 * JourneyCount) - unacknowledged, acknowledged.Count);

        // Every change in the feed reaches the subscriber exactly once, whichever silo held its cursor.
        var feed = new List<WarningFeedEntry>();
        for (var page = await store.ReadAsync(0, 1000); page.Count > 0; page = await store.ReadAsync(page[^1].Position, 1000))
        {
            feed.AddRange(page);
        }

        var mine = feed.Where(e => e.Change.WorkspaceId == workspace).Select(e => e.Change.Id).ToArray();
        Assert.NotEmpty(mine);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (mine.Any(id => !FeedLog.Deliveries.ContainsKey(id)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.All(mine, id => Assert.Equal(1, FeedLog.Deliveries.GetValueOrDefault(id)));
        output.WriteLine($"feed: {mine.Length} changes delivered once each; total {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Comparable(WarningItem item) => $"{item.Rule}|{item.SubjectKind}|{item.SubjectId}|{item.Severity}|{item.State}|{item.Message}";

    private sealed record Target(JourneyId Journey, Guid Phase, Guid Activity, Guid Metric);
}
