using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;
using OutOfDark;
using Xunit;

namespace OutOfDark.Testing;

/// <summary>
/// The behaviour every <see cref="IJourneyStore"/> must show. Subclass it in an xunit test project, give it a way to
/// open your store, and xunit runs every fact below against it.
/// </summary>
/// <remarks>
/// <para>
/// The facts never assume an empty store: each works in workspaces and journeys with fresh ids, so one database may
/// serve every fact. A store that owns resources is disposed after each fact when it implements
/// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.
/// </para>
/// <para>
/// Covered: round trips of generated journeys, concurrent writers on one journey, workspace isolation, hostile text,
/// loading as of a version and an instant, listing and deleting, and stale or foreign appends that must change nothing.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class MyStoreContractTests : JourneyStoreContract
/// {
///     protected override Task&lt;IJourneyStore&gt; CreateStoreAsync(IClock clock) =&gt; Task.FromResult&lt;IJourneyStore&gt;(new MyStore(clock));
/// }
/// </code>
/// </example>
public abstract class JourneyStoreContract
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 9, 0);
    private static readonly string[] ListedNames = ["Onboarding", "checkout", "Billing", "Onboarding", "Zebra 🦓", "Ärger", "ﬁ ligature", "😀 after the ligature in UTF-16"];

    /// <summary>How many generated journeys the round-trip fact stores; lower it for slow stores.</summary>
    protected virtual int GeneratedJourneyCount => 40;

    /// <summary>How many writers race on one journey in the concurrency fact; at least 8.</summary>
    protected virtual int ConcurrentWriters => 12;

    /// <summary>Opens the store under test.</summary>
    /// <param name="clock">The clock the store must give the journeys it loads.</param>
    /// <returns>The store; it may already hold journeys of other workspaces.</returns>
    protected abstract Task<IJourneyStore> CreateStoreAsync(IClock clock);

    /// <summary>Every generated journey reads back equal: its state, its events, and its state at the first batch's version.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Generated_journeys_read_back_equal() => WithStore(async (store, clock) =>
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(GeneratedJourneyCount);
        Check.One(config, Prop.ForAll(JourneyGenerators.Scenarios(maxSteps: 40), scenario =>
        {
            // Shrinking reruns a scenario: a fresh id keeps each run independent of the journeys stored before.
            var (journey, _) = (scenario with { JourneyId = Guid.NewGuid() }).Build();
            Task.Run(async () =>
            {
                var events = journey.PendingEvents.ToList();
                var split = Math.Max(1, events.Count / 2);
                Assert.Equal(split, await store.AppendAsync(journey.WorkspaceId, journey.Id, 0, events[..split]));
                Assert.Equal(events.Count, await store.AppendAsync(journey.WorkspaceId, journey.Id, split, events[split..]));

                var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
                Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
                Assert.Empty(loaded.PendingEvents);
                Assert.Equal(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id));
                Assert.Equal(events[split..], await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, fromVersion: split));
                var atSplit = await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, split);
                Assert.Equal(Journey.Replay(events[..split], clock).ToSnapshot(), atSplit.ToSnapshot());
            }).GetAwaiter().GetResult();
        }));
        await Task.CompletedTask;
    });

    /// <summary>
    /// Writers racing on one journey from the same version: exactly one wins each round, every other gets
    /// <see cref="JourneyConcurrencyException"/>, and the history holds each winning write exactly once.
    /// </summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Concurrent_writers_on_one_journey_lose_nothing_and_duplicate_nothing() => WithStore(async (store, clock) =>
    {
        Assert.True(ConcurrentWriters >= 8, "The concurrency fact needs at least 8 writers.");
        var journey = Journey.Create(new Actor("setup"), WorkspaceId.New(), "Contended", clock);
        await store.SaveAsync(journey);
        const int rounds = 4;
        var winners = new List<(string Name, long Version)>();
        var losers = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var copies = new List<Journey>();
            for (var w = 0; w < ConcurrentWriters; w++)
            {
                var copy = await store.LoadAsync(journey.WorkspaceId, journey.Id);
                copy.Rename(new Actor($"writer {w}"), $"round {round} writer {w}");
                copies.Add(copy);
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = copies.Select(copy => Task.Run(async () =>
            {
                await gate.Task;
                try
                {
                    return (copy.Name, Version: await store.SaveAsync(copy), Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (copy.Name, Version: -1L, Error: ex);
                }
            })).ToList();
            gate.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            foreach (var outcome in outcomes.Where(o => o.Error is not null))
            {
                var conflict = Assert.IsType<JourneyConcurrencyException>(outcome.Error);
                Assert.Equal(journey.Id, conflict.JourneyId);
                losers.Add(outcome.Name);
            }

            var won = Assert.Single(outcomes, o => o.Error is null);
            Assert.Equal(round + 2L, won.Version);
            winners.Add((won.Name, won.Version));
        }

        var history = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id);
        var renames = history.OfType<JourneyRenamed>().Select(e => e.Name).ToList();
        Assert.Equal(winners.Select(w => w.Name), renames);
        foreach (var (name, version) in winners)
        {
            Assert.Equal(name, Assert.IsType<JourneyRenamed>(history[(int)version - 1]).Name);
        }

        Assert.DoesNotContain(renames, losers.Contains);
        Assert.Equal(rounds * (ConcurrentWriters - 1), losers.Count);
        var final = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(1 + rounds, final.Version);
        Assert.Equal(winners[^1].Name, final.Name);
    });

    /// <summary>Free-running writers that retry on conflict: the final version is the number of successful appends.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Retrying_writers_end_at_a_version_equal_to_their_successful_appends() => WithStore(async (store, clock) =>
    {
        var journey = Journey.Create(new Actor("setup"), WorkspaceId.New(), "Busy", clock);
        await store.SaveAsync(journey);
        var successes = 0;
        var conflicts = 0;
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                var copy = await store.LoadAsync(journey.WorkspaceId, journey.Id);
                copy.SetOwner(new Actor($"writer {w}"), $"owner {w}.{i}");
                try
                {
                    await store.SaveAsync(copy);
                    Interlocked.Increment(ref successes);
                }
                catch (JourneyConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })).ToList();
        await Task.WhenAll(writers);

        Assert.Equal(ConcurrentWriters * 3, successes + conflicts);
        var history = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(1 + successes, history.Count);
        Assert.Equal(1 + successes, (await store.LoadAsync(journey.WorkspaceId, journey.Id)).Version);
        var owners = history.OfType<JourneyOwnerChanged>().Select(e => e.Owner).ToList();
        Assert.Equal(owners.Count, owners.Distinct().Count());
    });

    /// <summary>No call made with one workspace's id reads, lists, changes or deletes another workspace's journey.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task A_workspace_cannot_reach_another_workspaces_journeys() => WithStore(async (store, clock) =>
    {
        var a = WorkspaceId.New();
        var b = WorkspaceId.New();
        var journey = Journey.Create(new Actor("alice"), a, "Owned by A", clock);
        journey.AddPhase(new Actor("alice"), "See");
        await store.SaveAsync(journey);
        var before = (await store.LoadAsync(a, journey.Id)).ToSnapshot();
        var events = await store.ReadEventsAsync(a, journey.Id);

        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(b, journey.Id));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.ReadEventsAsync(b, journey.Id));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfVersionAsync(b, journey.Id, 1));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfInstantAsync(b, journey.Id, clock.GetCurrentInstant()));
        Assert.Empty(await store.ListAsync(b));
        Assert.False(await store.DeleteAsync(b, journey.Id));

        // Appending through B at A's version: B has no such journey, so the version is stale.
        var more = Journey.FromSnapshot(before, clock);
        more.Rename(new Actor("mallory"), "Taken over");
        await Assert.ThrowsAsync<JourneyConcurrencyException>(() => store.AppendAsync(b, journey.Id, 2, more.PendingEvents));

        // Creating A's journey inside B with A's creation event: the event names workspace A, so it is refused.
        await Assert.ThrowsAsync<JourneyRuleException>(() => store.AppendAsync(b, journey.Id, 0, events));

        Assert.Equal(before, (await store.LoadAsync(a, journey.Id)).ToSnapshot());
        Assert.Equal(events, await store.ReadEventsAsync(a, journey.Id));
        Assert.Equal(journey.Id, Assert.Single(await store.ListAsync(a)).JourneyId);
        Assert.Empty(await store.ListAsync(b));
    });

    /// <summary>Two workspaces may hold journeys with the same id; each sees and changes only its own.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Journeys_with_the_same_id_in_two_workspaces_stay_apart() => WithStore(async (store, clock) =>
    {
        var id = JourneyId.New();
        var inA = Journey.Create(new Actor("alice"), WorkspaceId.New(), "In A", clock, id);
        var inB = Journey.Create(new Actor("bob"), WorkspaceId.New(), "In B", clock, id);
        await store.SaveAsync(inA);
        await store.SaveAsync(inB);
        inB.Rename(new Actor("bob"), "In B, renamed");
        await store.SaveAsync(inB);

        Assert.Equal("In A", (await store.LoadAsync(inA.WorkspaceId, id)).Name);
        Assert.Equal(1, (await store.LoadAsync(inA.WorkspaceId, id)).Version);
        Assert.Equal("In B, renamed", (await store.LoadAsync(inB.WorkspaceId, id)).Name);

        Assert.True(await store.DeleteAsync(inB.WorkspaceId, id));
        Assert.Equal("In A", (await store.LoadAsync(inA.WorkspaceId, id)).Name);
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(inB.WorkspaceId, id));
    });

    /// <summary>Quotes, SQL, NUL, control characters, emoji and a megabyte of text come back exactly as written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Hostile_text_is_stored_and_read_back_exactly() => WithStore(async (store, clock) =>
    {
        var megabyte = HostileText.OfLength(1_000_000) + "\0'; DROP TABLE events; --\u0000🚀\uD83D\uDC69\u200D\uD83D\uDC67";
        var journey = Journey.Create(new Actor("o'brien \"the\" \0 admin"), WorkspaceId.New(), "'; DROP TABLE journeys; --", clock, description: megabyte, owner: "NUL\0owner");
        foreach (var name in HostileText.Names)
        {
            clock.Advance(Duration.FromSeconds(1));
            journey.Rename(new Actor(name), name, reason: name);
            journey.AddPhase(new Actor("robert'); --"), name, customerGoal: megabyte[..1000] + name);
        }

        var events = journey.PendingEvents.ToList();
        await store.SaveAsync(journey);

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Assert.Equal(journey.ToSnapshot(), loaded.ToSnapshot());
        Assert.Equal(megabyte, loaded.Description);
        Assert.Equal(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id));
        var summary = Assert.Single(await store.ListAsync(journey.WorkspaceId));
        Assert.Equal(HostileText.Names[^1], summary.Name);
    });

    /// <summary>Every version loads as the fold of the events up to it; versions outside the history are refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Loading_as_of_each_version_gives_the_fold_of_the_events_up_to_it() => WithStore(async (store, clock) =>
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Versions", clock);
        var phase = journey.AddPhase(new Actor("me"), "See");
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(Duration.FromMinutes(5));
            journey.AddActivity(new Actor("me"), phase, $"Activity {i}");
        }

        var events = journey.PendingEvents.ToList();
        await store.AppendAsync(journey.WorkspaceId, journey.Id, 0, events[..10]);
        await store.AppendAsync(journey.WorkspaceId, journey.Id, 10, events[10..]);
        for (var version = 1; version <= events.Count; version++)
        {
            var asOf = await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, version);
            Assert.Equal(Journey.Replay(events.Take(version), clock).ToSnapshot(), asOf.ToSnapshot());
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, events.Count + 1));
        Assert.Equal(events[5..12], await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, 5, 12));
    });

    /// <summary>Loading as of an instant folds the events that occurred at or before it, to the nanosecond.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Loading_as_of_an_instant_folds_the_events_up_to_it() => WithStore(async (store, _) =>
    {
        var clock = new FakeClock(Start);
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "First", clock);
        clock.Advance(Duration.FromHours(1));
        journey.Rename(new Actor("me"), "Second");
        clock.Advance(Duration.FromHours(1) + Duration.FromNanoseconds(1));
        journey.Rename(new Actor("me"), "Third");
        await store.SaveAsync(journey);
        var w = journey.WorkspaceId;

        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfInstantAsync(w, journey.Id, Start - Duration.FromNanoseconds(1)));
        Assert.Equal("First", (await store.LoadAsOfInstantAsync(w, journey.Id, Start)).Name);
        Assert.Equal("First", (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromMinutes(59))).Name);
        Assert.Equal("Second", (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromHours(1))).Name);
        Assert.Equal(2, (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromHours(2))).Version);
        var third = await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromHours(2) + Duration.FromNanoseconds(1));
        Assert.Equal("Third", third.Name);
        Assert.Equal(journey.ToSnapshot(), third.ToSnapshot());
        Assert.Equal(3, (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromDays(400))).Version);
    });

    /// <summary>A workspace lists its journeys by name then id, with their current name, state, version and last change.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Listing_shows_a_workspaces_journeys_by_name_then_id() => WithStore(async (store, clock) =>
    {
        var workspace = WorkspaceId.New();
        var journeys = new List<Journey>();
        foreach (var name in ListedNames)
        {
            clock.Advance(Duration.FromMinutes(1));
            var journey = Journey.Create(new Actor("me"), workspace, "draft", clock);
            journey.Rename(new Actor("me"), name);
            journey.SetState(new Actor("me"), JourneyState.Future);
            await store.SaveAsync(journey);
            journeys.Add(journey);
        }

        var expected = journeys
            .Select(j => new JourneySummary(workspace, j.Id, j.Name, JourneyState.Future, 3, j.LastChangedAt))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => s.JourneyId)
            .ToList();
        Assert.Equal(expected, await store.ListAsync(workspace));
    });

    /// <summary>Deleting removes the journey and its history from that workspace only; deleting again reports nothing deleted.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task Deleting_removes_a_journey_and_its_history() => WithStore(async (store, clock) =>
    {
        var workspace = WorkspaceId.New();
        var kept = Journey.Create(new Actor("me"), workspace, "Kept", clock);
        var gone = Journey.Create(new Actor("me"), workspace, "Gone", clock);
        gone.AddPhase(new Actor("me"), "See");
        await store.SaveAsync(kept);
        await store.SaveAsync(gone);

        Assert.True(await store.DeleteAsync(workspace, gone.Id));
        Assert.False(await store.DeleteAsync(workspace, gone.Id));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(workspace, gone.Id));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.ReadEventsAsync(workspace, gone.Id));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfVersionAsync(workspace, gone.Id, 1));
        Assert.Equal(kept.Id, Assert.Single(await store.ListAsync(workspace)).JourneyId);

        // The id is free again: a new journey may start there from version 0.
        var again = Journey.Create(new Actor("me"), workspace, "Again", clock, gone.Id);
        Assert.Equal(1, await store.SaveAsync(again));
        Assert.Equal("Again", (await store.LoadAsync(workspace, gone.Id)).Name);
    });

    /// <summary>An append with a stale or future version is refused with the versions named, and changes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task An_append_at_a_stale_version_changes_nothing() => WithStore(async (store, clock) =>
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Steady", clock);
        journey.AddPhase(new Actor("me"), "See");
        journey.AddPhase(new Actor("me"), "Think");
        await store.SaveAsync(journey);
        var before = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id);

        var stale = await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, 1);
        stale.Rename(new Actor("late"), "Stale rename");
        var conflict = await Assert.ThrowsAsync<JourneyConcurrencyException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 1, stale.PendingEvents));
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(3, conflict.ActualVersion);
        Assert.Single(stale.PendingEvents);

        await Assert.ThrowsAsync<JourneyConcurrencyException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 7, stale.PendingEvents));
        var recreate = Journey.Create(new Actor("me"), journey.WorkspaceId, "Duplicate", clock, journey.Id);
        var duplicate = await Assert.ThrowsAsync<JourneyConcurrencyException>(() => store.SaveAsync(recreate));
        Assert.Equal(0, duplicate.ExpectedVersion);
        Assert.Equal(3, duplicate.ActualVersion);

        Assert.Equal(before, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id));
        Assert.Equal("Steady", (await store.LoadAsync(journey.WorkspaceId, journey.Id)).Name);
        Assert.Equal(3, Assert.Single(await store.ListAsync(journey.WorkspaceId)).Version);
    });

    /// <summary>A batch holding another journey's event is refused whole: nothing of it is written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task A_batch_with_another_journeys_event_is_refused_whole() => WithStore(async (store, clock) =>
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Mine", clock);
        await store.SaveAsync(journey);
        var other = Journey.Create(new Actor("me"), journey.WorkspaceId, "Other", clock);
        other.Rename(new Actor("me"), "Other renamed");
        var mine = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        mine.Rename(new Actor("me"), "Mine renamed");

        await Assert.ThrowsAsync<JourneyRuleException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 1, [mine.PendingEvents[0], other.PendingEvents[1]]));
        await Assert.ThrowsAsync<JourneyRuleException>(() => store.AppendAsync(journey.WorkspaceId, other.Id, 0, [.. other.PendingEvents.Skip(1)]));

        Assert.Single(await store.ReadEventsAsync(journey.WorkspaceId, journey.Id));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(journey.WorkspaceId, other.Id));
        Assert.Equal(2, await store.SaveAsync(mine));
    });

    /// <summary>Reading or loading a journey that was never stored names it as not found.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task An_unknown_journey_is_not_found() => WithStore(async (store, _) =>
    {
        var workspace = WorkspaceId.New();
        var id = JourneyId.New();
        var ex = await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(workspace, id));
        Assert.Contains(id.ToString(), ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.ReadEventsAsync(workspace, id));
        Assert.Empty(await store.ListAsync(workspace));
        Assert.False(await store.DeleteAsync(workspace, id));
    });

    /// <summary>A cancelled append writes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public Task A_cancelled_append_writes_nothing() => WithStore(async (store, clock) =>
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Cancelled", clock);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 0, journey.PendingEvents, cancelled.Token));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(journey.WorkspaceId, journey.Id));
    });

    private async Task WithStore(Func<IJourneyStore, FakeClock, Task> body)
    {
        var clock = new FakeClock(Start);
        var store = await CreateStoreAsync(clock);
        try
        {
            await body(store, clock);
        }
        finally
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
