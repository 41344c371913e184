using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings.Feed;

public class WarningFeedTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 10, 5, 9, 0));

    [Fact]
    public async Task A_commit_writes_the_warnings_its_commands_raise_escalate_handle_and_clear_in_order()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        var email = journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        var openRate = journey.AddWidget(Ana, email, new MetricWidget("Open rate") { Target = 25, WarningThreshold = 18, CriticalThreshold = 12 });
        journey.RecordObservation(Ana, openRate, new LocalDate(2026, 10, 1), 17m);
        var engine = new WarningEngine(journey, _clock);
        Assert.Equal(journey.Version, await store.CommitAsync(journey, engine));
        Assert.Empty(journey.PendingEvents);

        journey.RecordObservation(Ana, openRate, new LocalDate(2026, 10, 2), 11m);
        await store.CommitAsync(journey, engine);
        var metric = engine.Warnings.Single(w => w.Severity == WarningSeverity.Critical).Key;
        engine.Acknowledge(Ana, metric);
        await store.CommitAsync(journey, engine);
        journey.RecordObservation(Ana, openRate, new LocalDate(2026, 10, 3), 30m);
        await store.CommitAsync(journey, engine);

        var feed = await store.ReadAsync(0, 100);
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(p => (long)p), feed.Select(e => e.Position));
        var ofMetric = feed.Select(e => e.Change).Where(c => c.Key == metric).ToList();
        Assert.Equal([WarningChangeKind.Raised, WarningChangeKind.Escalated, WarningChangeKind.Acknowledged, WarningChangeKind.Cleared], ofMetric.Select(c => c.Kind));
        Assert.Equal(WarningSeverity.Warning, ofMetric[1].PreviousSeverity);
        Assert.Equal(WarningSeverity.Critical, ofMetric[1].Severity);
        Assert.Contains("11", ofMetric[1].Message, StringComparison.Ordinal);
        Assert.All(ofMetric, c => Assert.Equal(journey.Id, c.JourneyId));
        Assert.Equal([5L, 6L, 7L, 8L], ofMetric.Select(c => c.JourneyVersion));
        Assert.Equal(feed.Count, feed.Select(e => e.Change.Id).Distinct().Count());
        Assert.Empty(await store.ReadAsync(feed[^1].Position, 100));
    }

    [Fact]
    public async Task A_metric_segments_change_comes_back_from_memory_with_its_segment() =>
        await OutOfDark.Tests.Shared.SegmentFeedChecks.Segment_changes_come_back_with_their_segments(new InMemoryJourneyStore(SystemClock.Instance));

    [Fact]
    public async Task A_commit_with_an_engine_of_another_instance_of_the_same_journey_is_refused_saying_so()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        await store.SaveAsync(journey);
        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        var engine = new WarningEngine(journey, _clock);
        engine.Refresh();
        loaded.SetOwner(Ana, "ana");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(loaded, engine));

        Assert.Equal("engine", refused.ParamName);
        Assert.StartsWith($"The warning engine evaluates another instance of journey {journey.Id} (loaded or created separately), not the instance being saved; create the engine for the instance being saved, or save the instance the engine evaluates.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(journey.Version, (await store.LoadAsync(journey.WorkspaceId, journey.Id)).Version);
    }

    [Fact]
    public async Task A_commit_with_an_engine_that_has_not_evaluated_the_saved_journey_is_refused_and_writes_nothing()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        await store.SaveAsync(journey);
        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        var engine = new WarningEngine(loaded, _clock);
        loaded.SetOwner(Ana, "ana");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(loaded, engine));
        Assert.Equal($"The warning engine of journey {journey.Id} has not evaluated it yet, so the warning changes of this save cannot be told from the warnings already there. Call engine.Refresh() when the journey is loaded, before running commands.", refused.Message);
        Assert.Equal(3, (await store.LoadAsync(journey.WorkspaceId, journey.Id)).Version);
        Assert.Empty(await store.ReadAsync(0, 10));
        Assert.Single(loaded.PendingEvents);
    }

    [Fact]
    public async Task A_stale_commit_is_refused_whole_and_leaves_the_feed_unchanged()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        await store.CommitAsync(journey, new WarningEngine(journey, _clock));
        var before = await store.ReadAsync(0, 100);

        var first = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        var second = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        var firstEngine = new WarningEngine(first, _clock);
        var secondEngine = new WarningEngine(second, _clock);
        firstEngine.Refresh();
        secondEngine.Refresh();
        first.AddActivity(Ana, first.Phases[0].Id, "Blog post");
        second.AddActivity(Ana, second.Phases[0].Id, "Podcast");
        await store.CommitAsync(first, firstEngine);
        var afterFirst = await store.ReadAsync(0, 100);

        await Assert.ThrowsAsync<JourneyConcurrencyException>(() => store.CommitAsync(second, secondEngine));
        Assert.Equal(afterFirst, await store.ReadAsync(0, 100));
        Assert.True(afterFirst.Count > before.Count);

        var retried = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(second, secondEngine));
        Assert.Equal($"The warning engine of journey {journey.Id} evaluated version {second.Version}, which was never saved (the version last saved is {second.CommittedVersion}): a commit that failed, for example with JourneyConcurrencyException, evaluated the unsaved events, or the engine was refreshed after the commands. Load the journey again and create a new engine for it.", retried.Message);
        Assert.Equal(afterFirst, await store.ReadAsync(0, 100));
    }

    [Fact]
    public async Task Only_one_caller_at_a_time_holds_a_subscriber_and_its_cursor_survives_release()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        await store.CommitAsync(journey, new WarningEngine(journey, _clock));

        var cursor = await store.TryClaimAsync("crm");
        Assert.NotNull(cursor);
        Assert.Null(await store.TryClaimAsync("crm"));
        Assert.NotNull(await store.TryClaimAsync("mail"));
        var batch = await cursor.ReadAsync(10);
        Assert.NotEmpty(batch);
        await cursor.AdvanceAsync(batch[^1].Position);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cursor.AdvanceAsync(0));
        await cursor.DisposeAsync();

        var again = await store.TryClaimAsync("crm");
        Assert.NotNull(again);
        Assert.Equal(batch[^1].Position, again.Position);
        Assert.Empty(await again.ReadAsync(10));
    }

    [Fact]
    public async Task A_commit_with_no_events_records_what_time_alone_changed_at_the_current_version()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        var engine = new WarningEngine(journey, _clock, settings: WarningSettings.Default.With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 3 }));
        await store.CommitAsync(journey, engine);
        var before = (await store.ReadAsync(0, 100)).Count;

        _clock.Advance(Duration.FromDays(4));
        Assert.Equal(journey.Version, await store.CommitAsync(journey, engine));

        var stale = (await store.ReadAsync(before, 100)).Select(e => e.Change).ToList();
        var raised = Assert.Single(stale, c => c.Key.Rule == NotUpdatedRule.RuleId);
        Assert.Equal(WarningChangeKind.Raised, raised.Kind);
        Assert.Equal(journey.Version, raised.JourneyVersion);
        Assert.Equal(_clock.GetCurrentInstant(), raised.OccurredAt);
    }

    [Fact]
    public void A_commit_refuses_a_change_of_another_journey_at_another_version_or_with_a_repeated_id_naming_it_by_index()
    {
        var (workspace, journey) = (WorkspaceId.New(), JourneyId.New());
        var key = new WarningKey(NoOwnerRule.RuleId, WarningSubject.For(journey));
        var change = new WarningChange(Guid.NewGuid(), workspace, journey, 3, WarningChangeKind.Raised, key, WarningSeverity.Warning, null, "No owner", _clock.GetCurrentInstant());
        var other = JourneyId.New();

        var elsewhere = change with { Id = Guid.NewGuid(), JourneyId = other };
        var foreign = Assert.Throws<ArgumentException>(() => new JourneyCommit(workspace, journey, 3, [], [change, elsewhere]));
        Assert.Equal($"Warning change 1 ({elsewhere.Id}) belongs to journey {other} of workspace {workspace}, not to journey {journey} of workspace {workspace}. (Parameter 'warningChanges')", foreign.Message);
        var version = Assert.Throws<ArgumentException>(() => new JourneyCommit(workspace, journey, 2, [], [change]));
        Assert.Equal($"Warning change 0 ({change.Id}) is at journey version 3, but the commit takes the journey from version 2 to 2; a change must be at the version after the commit's events. (Parameter 'warningChanges')", version.Message);
        var repeated = Assert.Throws<ArgumentException>(() => new JourneyCommit(workspace, journey, 3, [], [change, change]));
        Assert.Equal($"Warning change 1 repeats the id {change.Id} of an earlier change; every change needs its own id. (Parameter 'warningChanges')", repeated.Message);
    }

    [Theory]
    [InlineData("", "A subscriber name has 1 to 200 characters and is not blank; '' has 0.")]
    [InlineData("a\u0001b", "The subscriber name 'a\u0001b' holds a control character (U+0001); use printable characters only.")]
    public async Task A_bad_subscriber_name_is_refused_with_what_to_do(string name, string message)
    {
        var store = new InMemoryJourneyStore(_clock);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(name));
        Assert.Equal(message + " (Parameter 'subscriber')", refused.Message);
    }

    [Fact]
    public async Task A_cursor_cannot_move_past_the_last_position_or_below_zero_and_stays_where_it_was()
    {
        var store = new InMemoryJourneyStore(_clock);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Newsletter");
        await store.CommitAsync(journey, new WarningEngine(journey, _clock));
        var last = (await store.ReadAsync(0, 100))[^1].Position;
        var cursor = await store.TryClaimAsync("crm");
        Assert.NotNull(cursor);

        var beyond = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cursor.AdvanceAsync(long.MaxValue));
        Assert.StartsWith($"A cursor moves at most to the last position, {last}; {long.MaxValue} is beyond the end of the feed. (Parameter 'position')", beyond.Message, StringComparison.Ordinal);
        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadAsync(-1, 10));
        Assert.StartsWith("A feed position is 0 (before the first change) or more; -1 is negative. (Parameter 'afterPosition')", negative.Message, StringComparison.Ordinal);
        Assert.Equal(0, cursor.Position);
        await cursor.AdvanceAsync(last);
        Assert.Equal(last, cursor.Position);
        await cursor.DisposeAsync();
    }

    [Theory]
    [InlineData("   ", "A subscriber name has 1 to 200 characters and is not blank; '   ' has 3.")]
    public void A_dispatcher_for_a_subscriber_with_a_bad_name_is_refused_when_created_not_on_every_delivery(string name, string message)
    {
        var refused = Assert.Throws<ArgumentException>(() => new WarningFeedDispatcher(new InMemoryJourneyStore(_clock), new Named(name)));
        Assert.Equal(message + " (Parameter 'subscriber')", refused.Message);
    }

    [Fact]
    public async Task A_subscriber_name_with_a_lone_surrogate_is_refused_so_two_names_never_share_a_cursor()
    {
        var store = new InMemoryJourneyStore(_clock);
        foreach (var (name, at) in new[] { ("y\uD800", "U+D800 at index 1"), ("y\uDBFF", "U+DBFF at index 1"), ("\uDC00y", "U+DC00 at index 0") })
        {
            var message = $"The subscriber name holds a lone surrogate ({at}); use whole Unicode characters only. (Parameter 'subscriber')";
            Assert.Equal(message, (await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(name))).Message);
            Assert.Equal(message, Assert.Throws<ArgumentException>(() => new WarningFeedDispatcher(store, new Named(name))).Message);
        }
    }

    [Fact]
    public async Task A_name_with_a_whole_surrogate_pair_is_a_subscriber_name()
    {
        var store = new InMemoryJourneyStore(_clock);
        var cursor = await store.TryClaimAsync("crm \uD83D\uDCC8");
        Assert.NotNull(cursor);
        await cursor.DisposeAsync();
        Assert.NotNull(new WarningFeedDispatcher(store, new Named(new string('x', 200))));
    }

    private sealed class Named(string name) : IWarningFeedSubscriber
    {
        public string Name => name;

        public Task DeliverAsync(WarningChange change, System.Threading.CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
