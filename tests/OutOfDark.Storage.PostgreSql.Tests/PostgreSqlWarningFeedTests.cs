using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Tests.Shared;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Storage.PostgreSql.Tests;

public sealed class PostgreSqlWarningFeedTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly Actor Ana = new("ana");

    // Journeys with any text the domain accepts: warning messages quote names, so NUL and the like reach the feed.
    [PostgresProperty(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 30)]
    public async Task Every_committed_change_comes_back_once_exactly_as_written_and_in_commit_order(JourneyScenario scenario)
    {
        await using var postgres = new PostgreSqlJourneyStore(database.ConnectionString, SystemClock.Instance);
        var store = new RecordingCommitStore(postgres);
        var before = await LastPosition(postgres);
        WarningEngine? engine = null;
        var step = 0;
        scenario.Run((_, journey, _) =>
        {
            engine ??= new WarningEngine(journey, journey.Clock);
            ((FakeClock)journey.Clock).Advance(Duration.FromDays(step++ % 3));
            store.CommitAsync(journey, engine).GetAwaiter().GetResult();
        });

        var feed = await postgres.ReadAsync(before, 10_000);
        Assert.Equal(store.Committed, feed.Select(e => e.Change));
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(p => before + p), feed.Select(e => e.Position));
    }

    [PostgresFact]
    public async Task A_metric_segments_change_comes_back_with_its_segment_not_the_metrics_plain_subject()
    {
        await using var store = new PostgreSqlJourneyStore(database.ConnectionString, SystemClock.Instance);
        await SegmentFeedChecks.Segment_changes_come_back_with_their_segments(store);
    }

    [PostgresFact]
    public async Task Two_hosts_dispatching_one_subscriber_over_one_database_deliver_each_change_once()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await using var hostA = new PostgreSqlJourneyStore(db.ConnectionString, SystemClock.Instance);
        await using var hostB = new PostgreSqlJourneyStore(db.ConnectionString, SystemClock.Instance);
        await hostA.MigrateAsync();
        var deliveries = new ConcurrentDictionary<Guid, int>();
        var byHost = new ConcurrentDictionary<string, int>();
        using var writing = new CancellationTokenSource();

        // Both hosts save journeys while both deliver: commits from either host, delivered by whichever holds the cursor.
        var writers = new[] { hostA, hostB }.Select((store, h) => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                var journey = Journey.Create(Ana, WorkspaceId.New(), $"Host {h} journey {i}");
                var engine = new WarningEngine(journey);
                var see = journey.AddPhase(Ana, "See");
                var first = journey.AddActivity(Ana, see, "Newsletter");
                journey.AddActivity(Ana, see, "Blog post");
                await store.CommitAsync(journey, engine);
                journey.ChangeActivityDetails(Ana, first, d => d with { Owner = "ana" });
                await store.CommitAsync(journey, engine);
            }
        })).ToArray();
        var dispatchers = new[] { ("A", hostA), ("B", hostB) }.Select(host => Task.Run(async () =>
        {
            var dispatcher = new WarningFeedDispatcher(host.Item2, new CountingSubscriber(host.Item1, deliveries, byHost), batchSize: 4);
            while (!writing.IsCancellationRequested || await host.Item2.ReadAsync(await CursorOf(db, "webhook"), 1) is { Count: > 0 })
            {
                await dispatcher.DispatchAsync();
                await Task.Delay(5);
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(dispatchers);

        var feed = await hostA.ReadAsync(0, 10_000);
        Assert.True(feed.Count >= 30 * 3, $"The hosts saved {feed.Count} changes.");
        Assert.Equal(feed.Select(e => e.Change.Id).Order(), deliveries.Keys.Order());
        Assert.All(deliveries, d => Assert.True(d.Value == 1, $"Change {d.Key} was delivered {d.Value} times."));
        Assert.Equal(feed.Count, byHost.Values.Sum());
    }

    [PostgresFact]
    public async Task A_host_killed_mid_delivery_loses_nothing_and_an_idempotent_subscriber_applies_each_change_once()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("outofdark-pg-crash-");
        try
        {
            var where = "postgres:" + db.ConnectionString;
            using (var writer = FeedCrashHost.Start("write", where, "8"))
            {
                await writer.WaitForAsync(lines => lines.Contains("saved 8"), TimeSpan.FromMinutes(2));
                writer.Kill();
            }

            using (var first = FeedCrashHost.Start("deliver", where, folder.FullName, "0", "7"))
            {
                await first.WaitForAsync(lines => lines.Contains("hanging"), TimeSpan.FromMinutes(2));
                first.Kill();
            }

            // The killed host's advisory lock died with its connection: a new host claims the subscriber at once.
            using (var second = FeedCrashHost.Start("deliver", where, folder.FullName, "0"))
            {
                await second.WaitForAsync(lines => lines.Contains("done"), TimeSpan.FromMinutes(2));
            }

            await using var store = new PostgreSqlJourneyStore(db.ConnectionString, SystemClock.Instance);
            var feed = await store.ReadAsync(0, 10_000);
            var applied = Ids(folder, "applied.log");
            Assert.Equal(feed.Select(e => e.Change.Id), applied);
            Assert.True(Ids(folder, "deliveries.log").Length > applied.Length, "The kill mid-batch should have made the feed deliver some changes again.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Guid[] Ids(DirectoryInfo folder, string file) =>
        [.. File.ReadAllLines(Path.Combine(folder.FullName, file)).Where(l => Guid.TryParse(l, out _)).Select(Guid.Parse)];

    private static async Task<long> LastPosition(PostgreSqlJourneyStore store)
    {
        long last = 0;
        while (await store.ReadAsync(last, 10_000) is { Count: > 0 } batch)
        {
            last = batch[^1].Position;
        }

        return last;
    }

    private static async Task<long> CursorOf(TestDatabase db, string subscriber)
    {
        await using var connection = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT COALESCE((SELECT position FROM outofdark.warning_feed_cursors WHERE subscriber = @s), 0)", connection);
        command.Parameters.AddWithValue("s", subscriber);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class CountingSubscriber(string host, ConcurrentDictionary<Guid, int> deliveries, ConcurrentDictionary<string, int> byHost) : IWarningFeedSubscriber
    {
        public string Name => "webhook";

        public async Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
        {
            deliveries.AddOrUpdate(change.Id, 1, (_, n) => n + 1);
            byHost.AddOrUpdate(host, 1, (_, n) => n + 1);
            await Task.Delay(1, cancellationToken);
        }
    }
}
