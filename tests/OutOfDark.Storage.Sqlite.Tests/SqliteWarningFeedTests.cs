using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Tests.Shared;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Storage.Sqlite.Tests;

public sealed class SqliteWarningFeedTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 40)]
    public void Every_committed_change_comes_back_from_the_file_once_exactly_as_written_in_commit_order(JourneyScenario scenario, int[] moves)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".db");
        var sqlite = new SqliteJourneyStore(path, SystemClock.Instance, new SqliteJourneyStoreOptions { FlushEveryCommit = false });
        try
        {
            var store = new RecordingCommitStore(sqlite);
            WarningEngine? engine = null;
            var step = 0;
            scenario.Run((_, journey, _) =>
            {
                engine ??= new WarningEngine(journey, journey.Clock);
                var move = moves.Length == 0 ? 0 : moves[step++ % moves.Length];
                ((FakeClock)journey.Clock).Advance(Duration.FromDays(Math.Abs(move) % 5));
                if (move % 2 == 0 || journey.CommittedVersion == 0)
                {
                    store.CommitAsync(journey, engine).GetAwaiter().GetResult();
                }
            });

            var feed = sqlite.ReadAsync(0, 10_000).GetAwaiter().GetResult();
            Assert.Equal(store.Committed, feed.Select(e => e.Change));
            Assert.Equal(Enumerable.Range(1, feed.Count).Select(p => (long)p), feed.Select(e => e.Position));
            Assert.Equal(feed.Count, feed.Select(e => e.Change.Id).Distinct().Count());
        }
        finally
        {
            sqlite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task A_metric_segments_change_comes_back_from_the_file_with_its_segment()
    {
        await using var store = new SqliteJourneyStore(_folder.File("segments.db"), SystemClock.Instance);
        await SegmentFeedChecks.Segment_changes_come_back_with_their_segments(store);
    }

    [Fact]
    public async Task A_commit_with_no_events_writes_its_changes_at_the_current_version_and_a_stale_one_writes_nothing()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 4, 5, 9, 0));
        await using var store = new SqliteJourneyStore(_folder.File("recheck.db"), clock);
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Online store", clock);
        journey.AddActivity(ana, journey.AddPhase(ana, "See"), "Newsletter");
        var engine = new WarningEngine(journey, clock, settings: WarningSettings.Default.With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 3 }));
        await store.CommitAsync(journey, engine);
        var before = (await store.ReadAsync(0, 100)).Count;

        clock.Advance(Duration.FromDays(4));
        var change = new WarningChange(Guid.NewGuid(), journey.WorkspaceId, journey.Id, journey.Version, WarningChangeKind.Raised, new WarningKey(NotUpdatedRule.RuleId, WarningSubject.For(journey.Id)), WarningSeverity.Info, null, "stale", clock.GetCurrentInstant());
        await Assert.ThrowsAsync<JourneyConcurrencyException>(() => store.CommitAsync(new JourneyCommit(journey.WorkspaceId, journey.Id, journey.Version - 1, [], [change with { JourneyVersion = journey.Version - 1 }])));
        Assert.Equal(before, (await store.ReadAsync(0, 100)).Count);

        Assert.Equal(journey.Version, await store.CommitAsync(journey, engine));
        var raised = Assert.Single(await store.ReadAsync(before, 100), e => e.Change.Key.Rule == NotUpdatedRule.RuleId);
        Assert.Equal(journey.Version, raised.Change.JourneyVersion);
    }

    [Fact]
    public async Task A_subscriber_claimed_by_one_store_cannot_be_claimed_through_another_on_the_same_file_until_released()
    {
        var path = _folder.File("feed.db");
        await using var first = new SqliteJourneyStore(path, SystemClock.Instance);
        await using var second = new SqliteJourneyStore(path, SystemClock.Instance);
        var held = await first.TryClaimAsync("crm");
        Assert.NotNull(held);
        Assert.Null(await second.TryClaimAsync("crm"));
        Assert.Null(await first.TryClaimAsync("crm"));
        await using (var other = await second.TryClaimAsync("mail"))
        {
            Assert.NotNull(other);
        }

        await held.AdvanceAsync(0);
        await held.DisposeAsync();
        await using var again = await second.TryClaimAsync("crm");
        Assert.NotNull(again);
    }

    [Fact]
    public async Task A_host_killed_after_saving_and_another_killed_mid_delivery_lose_nothing_and_an_idempotent_subscriber_applies_each_change_once()
    {
        var path = _folder.File("crash.db");
        using (var writer = FeedCrashHost.Start("write", path, "12"))
        {
            await writer.WaitForAsync(lines => lines.Contains("saved 12"), TimeSpan.FromMinutes(2));
            writer.Kill();
        }

        await using var store = new SqliteJourneyStore(path, SystemClock.Instance);
        var feed = await store.ReadAsync(0, 10_000);
        Assert.True(feed.Count >= 12 * 4, $"The killed host saved {feed.Count} changes; 12 journeys raise at least 4 each.");

        using (var first = FeedCrashHost.Start("deliver", path, _folder.Path, "0", "8"))
        {
            // Killed in the middle of a batch of 5: its changes were delivered, the cursor not yet moved past them.
            await first.WaitForAsync(lines => lines.Contains("hanging"), TimeSpan.FromMinutes(2));
            first.Kill();
        }

        using (var second = FeedCrashHost.Start("deliver", path, _folder.Path, "0"))
        {
            await second.WaitForAsync(lines => lines.Contains("done"), TimeSpan.FromMinutes(2));
        }

        var applied = Ids("applied.log");
        var delivered = Ids("deliveries.log");
        Assert.Equal(feed.Select(e => e.Change.Id), applied);
        Assert.True(delivered.Length > applied.Length, "The kill mid-batch should have made the feed deliver some changes again.");
        Assert.Equal(applied.ToHashSet(), delivered.ToHashSet());
    }

    private Guid[] Ids(string file) =>
        [.. File.ReadAllLines(_folder.File(file)).Where(l => Guid.TryParse(l, out _)).Select(Guid.Parse)];

    [Fact]
    public async Task A_cursor_cannot_move_past_the_last_position_or_below_zero_and_a_later_change_still_reaches_it()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 4, 5, 9, 0));
        await using var store = new SqliteJourneyStore(_folder.File("end.db"), clock);
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Online store", clock);
        journey.AddActivity(ana, journey.AddPhase(ana, "See"), "Newsletter");
        var engine = new WarningEngine(journey, clock);
        await store.CommitAsync(journey, engine);
        var last = (await store.ReadAsync(0, 100))[^1].Position;
        await using var cursor = await store.TryClaimAsync("crm");
        Assert.NotNull(cursor);

        var beyond = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cursor.AdvanceAsync(long.MaxValue));
        Assert.StartsWith($"A cursor moves at most to the last position, {last}; {long.MaxValue} is beyond the end of the feed. (Parameter 'position')", beyond.Message, StringComparison.Ordinal);
        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadAsync(-1, 10));
        Assert.StartsWith("A feed position is 0 (before the first change) or more; -1 is negative. (Parameter 'afterPosition')", negative.Message, StringComparison.Ordinal);
        await cursor.AdvanceAsync(last);

        var later = new WarningChange(Guid.NewGuid(), journey.WorkspaceId, journey.Id, journey.Version, WarningChangeKind.Raised, new WarningKey(NotUpdatedRule.RuleId, WarningSubject.For(journey.Id)), WarningSeverity.Info, null, "later", clock.GetCurrentInstant());
        await store.CommitAsync(new JourneyCommit(journey.WorkspaceId, journey.Id, journey.Version, [], [later]));
        Assert.Equal(later, Assert.Single(await cursor.ReadAsync(10)).Change);
    }

    [Fact]
    public async Task A_subscriber_name_with_a_lone_surrogate_is_refused_before_it_reaches_a_lock_file()
    {
        await using var store = new SqliteJourneyStore(_folder.File("surrogate.db"), SystemClock.Instance);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync("y\uDBFF"));
        Assert.Equal("The subscriber name holds a lone surrogate (U+DBFF at index 1); use whole Unicode characters only. (Parameter 'subscriber')", refused.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.lock"));
    }
}
