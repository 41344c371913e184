using Ardalis.GuardClauses;
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

namespace OutOfDark.Testing;

/// <summary>
/// The behaviour every <see cref="IJourneyStore"/> must show, as named checks that need no test framework: give it a way
/// to open your store and run each check; a failed check throws <see cref="JourneyStoreContractException"/>.
/// </summary>
/// <remarks>
/// <para>
/// The checks never assume an empty store: each works in workspaces and journeys with fresh ids, so one database may
/// serve every check. The store a check opens is disposed when the check ends if it implements
/// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.
/// </para>
/// <para>
/// Covered: round trips of generated journeys, concurrent writers on one journey, workspace isolation, hostile text,
/// loading as of a version and an instant, listing and deleting, and stale or foreign appends that must change nothing.
/// </para>
/// <para>
/// xunit users subclass <c>JourneyStoreContractTests</c> from the <c>OutOfDark.Testing.Xunit</c> (xunit 2) or
/// <c>OutOfDark.Testing.XunitV3</c> (xunit.v3) package, which run every check as one test case. Other frameworks call
/// <see cref="RunAsync"/> once per name in <see cref="CheckNames"/> from a parameterized test.
/// </para>
/// <para>An instance holds no state between checks; checks may run in parallel on one instance.</para>
/// </remarks>
/// <example>
/// <code>
/// var contract = new JourneyStoreContract(clock =&gt; Task.FromResult&lt;IJourneyStore&gt;(new MyStore(clock)));
/// foreach (var check in JourneyStoreContract.CheckNames)
/// {
///     await contract.RunAsync(check);
/// }
/// </code>
/// </example>
public sealed class JourneyStoreContract
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 9, 0);
    private static readonly string[] ListedNames = ["Onboarding", "checkout", "Billing", "Onboarding", "Zebra 🦓", "Ärger", "ﬁ ligature", "😀 after the ligature in UTF-16"];

    private static readonly (string Name, Func<JourneyStoreContract, IJourneyStore, FakeClock, CancellationToken, Task> Run)[] Checks =
    [
        (nameof(Generated_journeys_read_back_equal), (c, s, k, t) => c.Generated_journeys_read_back_equal(s, k, t)),
        (nameof(Concurrent_writers_on_one_journey_lose_nothing_and_duplicate_nothing), (c, s, k, t) => c.Concurrent_writers_on_one_journey_lose_nothing_and_duplicate_nothing(s, k, t)),
        (nameof(Retrying_writers_end_at_a_version_equal_to_their_successful_appends), (c, s, k, t) => c.Retrying_writers_end_at_a_version_equal_to_their_successful_appends(s, k, t)),
        (nameof(A_workspace_cannot_reach_another_workspaces_journeys), (_, s, k, _) => A_workspace_cannot_reach_another_workspaces_journeys(s, k)),
        (nameof(Journeys_with_the_same_id_in_two_workspaces_stay_apart), (_, s, k, _) => Journeys_with_the_same_id_in_two_workspaces_stay_apart(s, k)),
        (nameof(Hostile_text_is_stored_and_read_back_exactly), (_, s, k, _) => Hostile_text_is_stored_and_read_back_exactly(s, k)),
        (nameof(Loading_as_of_each_version_gives_the_fold_of_the_events_up_to_it), (_, s, k, t) => Loading_as_of_each_version_gives_the_fold_of_the_events_up_to_it(s, k, t)),
        (nameof(Loading_as_of_an_instant_folds_the_events_up_to_it), (_, s, _, _) => Loading_as_of_an_instant_folds_the_events_up_to_it(s)),
        (nameof(Listing_shows_a_workspaces_journeys_by_name_then_id), (_, s, k, _) => Listing_shows_a_workspaces_journeys_by_name_then_id(s, k)),
        (nameof(Deleting_removes_a_journey_and_its_history), (_, s, k, _) => Deleting_removes_a_journey_and_its_history(s, k)),
        (nameof(Workspaces_with_journeys_are_listed_once_by_id), (_, s, k, _) => Workspaces_with_journeys_are_listed_once_by_id(s, k)),
        (nameof(An_append_at_a_stale_version_changes_nothing), (_, s, k, _) => An_append_at_a_stale_version_changes_nothing(s, k)),
        (nameof(A_batch_with_another_journeys_event_is_refused_whole), (_, s, k, _) => A_batch_with_another_journeys_event_is_refused_whole(s, k)),
        (nameof(An_unknown_journey_is_not_found), (_, s, _, _) => An_unknown_journey_is_not_found(s)),
        (nameof(Saving_a_journey_the_store_does_not_hold_with_nothing_pending_is_refused), (_, s, k, _) => Saving_a_journey_the_store_does_not_hold_with_nothing_pending_is_refused(s, k)),
        (nameof(A_cancelled_append_writes_nothing), (_, s, k, _) => A_cancelled_append_writes_nothing(s, k)),
        (nameof(Listing_shows_each_journeys_parent_as_its_last_event_set_it), (_, s, k, _) => Listing_shows_each_journeys_parent_as_its_last_event_set_it(s, k)),
    ];

    private readonly Func<IClock, Task<IJourneyStore>> _openStore;
    private readonly int _generatedJourneyCount = 40;
    private readonly int _concurrentWriters = 12;

    /// <summary>Creates the contract for a store.</summary>
    /// <param name="openStore">
    /// Opens the store under test, once per check. It receives the clock the store must give the journeys it loads; the
    /// store it returns may already hold journeys of other workspaces.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="openStore"/> is null.</exception>
    public JourneyStoreContract(Func<IClock, Task<IJourneyStore>> openStore)
    {
        Guard.Against.Null(openStore);
        _openStore = openStore;
    }

    /// <summary>
    /// The names of the checks, in the order <see cref="RunAllAsync"/> runs them. Each reads as a sentence with
    /// underscores, for example <c>Hostile_text_is_stored_and_read_back_exactly</c>, and stays stable across versions
    /// so test filters keep working.
    /// </summary>
    public static IReadOnlyList<string> CheckNames { get; } = Array.AsReadOnly(Checks.Select(c => c.Name).ToArray());

    /// <summary>How many generated journeys the round-trip check stores: 40 unless set; at least 1. Lower it for slow stores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int GeneratedJourneyCount
    {
        get => _generatedJourneyCount;
        init => _generatedJourneyCount = Guard.Against.OutOfRange(value, nameof(GeneratedJourneyCount), 1, int.MaxValue, "The round-trip check needs at least 1 generated journey.");
    }

    /// <summary>How many writers race on one journey in the concurrency checks: 12 unless set; at least 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 8.</exception>
    public int ConcurrentWriters
    {
        get => _concurrentWriters;
        init => _concurrentWriters = Guard.Against.OutOfRange(value, nameof(ConcurrentWriters), 8, int.MaxValue, "The concurrency checks need at least 8 writers to make races likely.");
    }

    /// <summary>Runs one check against a store freshly opened for it.</summary>
    /// <param name="checkName">One of <see cref="CheckNames"/>, compared exactly.</param>
    /// <param name="cancellationToken">Stops the check between steps.</param>
    /// <returns>A task that completes when the check has passed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="checkName"/> names no check; the message lists the names.</exception>
    /// <exception cref="JourneyStoreContractException">
    /// The store failed the check: the message names the check and what was expected and found; the inner exception is
    /// what the check or the store threw.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task RunAsync(string checkName, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(checkName);
        var check = Array.Find(Checks, c => c.Name == checkName);
        if (check.Run is null)
        {
            throw new ArgumentException(
                $"There is no store contract check named '{checkName}'. Use one of JourneyStoreContract.CheckNames: {string.Join(", ", CheckNames)}.",
                nameof(checkName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var clock = new FakeClock(Start);
        IJourneyStore store;
        try
        {
            store = await _openStore(clock) ?? throw new InvalidOperationException("The store factory returned null instead of a store.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new JourneyStoreContractException(checkName, $"Store contract check '{checkName}' could not open the store: {ex.Message}", ex);
        }

        try
        {
            await check.Run(this, store, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ExpectationFailedException ex)
        {
            throw new JourneyStoreContractException(checkName, $"Store contract check '{checkName}' failed: {ex.Message}", ex);
        }
        catch (Exception ex)
        {
            throw new JourneyStoreContractException(
                checkName, $"Store contract check '{checkName}' failed: the store threw {ex.GetType().Name}: {ex.Message}", ex);
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

    /// <summary>Runs every check in the order of <see cref="CheckNames"/>, each against a freshly opened store, and reports every failure.</summary>
    /// <param name="cancellationToken">Stops the run between steps.</param>
    /// <returns>A task that completes when every check has passed.</returns>
    /// <exception cref="AggregateException">One or more checks failed: one <see cref="JourneyStoreContractException"/> per failed check.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task RunAllAsync(CancellationToken cancellationToken = default)
    {
        var failures = new List<JourneyStoreContractException>();
        foreach (var name in CheckNames)
        {
            try
            {
                await RunAsync(name, cancellationToken);
            }
            catch (JourneyStoreContractException failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException(
                $"The store failed {failures.Count} of {CheckNames.Count} contract checks: {string.Join(", ", failures.Select(f => f.CheckName))}.",
                failures);
        }
    }

    // Every generated journey reads back equal: its state, its events, and its state at the first batch's version.
    private async Task Generated_journeys_read_back_equal(IJourneyStore store, FakeClock clock, CancellationToken cancellationToken)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(GeneratedJourneyCount);
        Check.One(config, Prop.ForAll(JourneyGenerators.Scenarios(maxSteps: 40), scenario =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Shrinking reruns a scenario: a fresh id keeps each run independent of the journeys stored before.
            var (journey, _) = (scenario with { JourneyId = Guid.NewGuid() }).Build();
            Task.Run(async () =>
            {
                var events = journey.PendingEvents.ToList();
                var split = Math.Max(1, events.Count / 2);
                Expect.Equal(split, await store.AppendAsync(journey.WorkspaceId, journey.Id, 0, events[..split], cancellationToken), "The version after appending the first half of the events");
                Expect.Equal(events.Count, await store.AppendAsync(journey.WorkspaceId, journey.Id, split, events[split..], cancellationToken), "The version after appending the second half");

                var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id, cancellationToken);
                Expect.Equal(journey.ToSnapshot(), loaded.ToSnapshot(), "The loaded journey's snapshot");
                Expect.Empty(loaded.PendingEvents, "The loaded journey's pending events");
                Expect.SequenceEqual(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, cancellationToken: cancellationToken), "The events read back");
                Expect.SequenceEqual(events[split..], await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, fromVersion: split, cancellationToken: cancellationToken), $"The events read back from version {split}");
                var atSplit = await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, split, cancellationToken);
                Expect.Equal(Journey.Replay(events[..split], clock).ToSnapshot(), atSplit.ToSnapshot(), $"The journey loaded as of version {split}");
            }, cancellationToken).GetAwaiter().GetResult();
        }));
        await Task.CompletedTask;
    }

    // Writers racing on one journey from the same version: exactly one wins each round, every other gets
    // JourneyConcurrencyException, and the history holds each winning write exactly once.
    private async Task Concurrent_writers_on_one_journey_lose_nothing_and_duplicate_nothing(IJourneyStore store, FakeClock clock, CancellationToken cancellationToken)
    {
        var journey = Journey.Create(new Actor("setup"), WorkspaceId.New(), "Contended", clock);
        await store.SaveAsync(journey, cancellationToken);
        const int rounds = 4;
        var winners = new List<(string Name, long Version)>();
        var losers = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var copies = new List<Journey>();
            for (var w = 0; w < ConcurrentWriters; w++)
            {
                var copy = await store.LoadAsync(journey.WorkspaceId, journey.Id, cancellationToken);
                copy.Rename(new Actor($"writer {w}"), $"round {round} writer {w}");
                copies.Add(copy);
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = copies.Select(copy => Task.Run(async () =>
            {
                await gate.Task;
                try
                {
                    return (copy.Name, Version: await store.SaveAsync(copy, cancellationToken), Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (copy.Name, Version: -1L, Error: ex);
                }
            }, cancellationToken)).ToList();
            gate.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            foreach (var outcome in outcomes.Where(o => o.Error is not null))
            {
                var conflict = Expect.OfType<JourneyConcurrencyException>(outcome.Error, $"Round {round}: what a losing writer's save threw");
                Expect.Equal(journey.Id, conflict.JourneyId, "The conflict's journey id");
                losers.Add(outcome.Name);
            }

            var won = Expect.Single(outcomes, o => o.Error is null, $"Round {round}: writers whose save succeeded");
            Expect.Equal(round + 2L, won.Version, $"Round {round}: the winner's new version");
            winners.Add((won.Name, won.Version));
        }

        var history = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, cancellationToken: cancellationToken);
        var renames = history.OfType<JourneyRenamed>().Select(e => e.Name).ToList();
        Expect.SequenceEqual(winners.Select(w => w.Name), renames, "The renames in the history (the winners', in order)");
        foreach (var (name, version) in winners)
        {
            Expect.Equal(name, Expect.OfType<JourneyRenamed>(history[(int)version - 1], $"The event at version {version}").Name, $"The rename at version {version}");
        }

        Expect.Empty(renames.Where(losers.Contains), "Renames by writers whose save failed");
        Expect.Equal(rounds * (ConcurrentWriters - 1), losers.Count, "Writers that lost a race");
        var final = await store.LoadAsync(journey.WorkspaceId, journey.Id, cancellationToken);
        Expect.Equal(1 + rounds, final.Version, "The final version");
        Expect.Equal(winners[^1].Name, final.Name, "The final name");
    }

    // Free-running writers that retry on conflict: the final version is the number of successful appends.
    private async Task Retrying_writers_end_at_a_version_equal_to_their_successful_appends(IJourneyStore store, FakeClock clock, CancellationToken cancellationToken)
    {
        var journey = Journey.Create(new Actor("setup"), WorkspaceId.New(), "Busy", clock);
        await store.SaveAsync(journey, cancellationToken);
        var successes = 0;
        var conflicts = 0;
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                var copy = await store.LoadAsync(journey.WorkspaceId, journey.Id, cancellationToken);
                copy.SetOwner(new Actor($"writer {w}"), $"owner {w}.{i}");
                try
                {
                    await store.SaveAsync(copy, cancellationToken);
                    Interlocked.Increment(ref successes);
                }
                catch (JourneyConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(writers);

        Expect.Equal(ConcurrentWriters * 3, successes + conflicts, "Saves that succeeded or failed with a conflict");
        var history = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, cancellationToken: cancellationToken);
        Expect.Equal(1 + successes, history.Count, "Events in the history (1 + successful saves)");
        Expect.Equal(1 + successes, (await store.LoadAsync(journey.WorkspaceId, journey.Id, cancellationToken)).Version, "The loaded version (1 + successful saves)");
        var owners = history.OfType<JourneyOwnerChanged>().Select(e => e.Owner).ToList();
        Expect.Equal(owners.Count, owners.Distinct().Count(), "Distinct owners in the history (a duplicated write shows twice)");
    }

    // No call made with one workspace's id reads, lists, changes or deletes another workspace's journey.
    private static async Task A_workspace_cannot_reach_another_workspaces_journeys(IJourneyStore store, FakeClock clock)
    {
        var a = WorkspaceId.New();
        var b = WorkspaceId.New();
        var journey = Journey.Create(new Actor("alice"), a, "Owned by A", clock);
        journey.AddPhase(new Actor("alice"), "See");
        await store.SaveAsync(journey);
        var before = (await store.LoadAsync(a, journey.Id)).ToSnapshot();
        var events = await store.ReadEventsAsync(a, journey.Id);

        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(b, journey.Id), "Loading A's journey through workspace B");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.ReadEventsAsync(b, journey.Id), "Reading A's events through workspace B");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfVersionAsync(b, journey.Id, 1), "Loading A's journey as of version 1 through workspace B");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfInstantAsync(b, journey.Id, clock.GetCurrentInstant()), "Loading A's journey as of now through workspace B");
        Expect.Empty(await store.ListAsync(b), "Workspace B's journeys");
        Expect.True(!await store.DeleteAsync(b, journey.Id), "Deleting A's journey through workspace B reported a deletion.");

        // Appending through B at A's version: B has no such journey, so the version is stale.
        var more = Journey.FromSnapshot(before, clock);
        more.Rename(new Actor("mallory"), "Taken over");
        await Expect.ThrowsAsync<JourneyConcurrencyException>(() => store.AppendAsync(b, journey.Id, 2, more.PendingEvents), "Appending to A's journey through workspace B");

        // Creating A's journey inside B with A's creation event: the event names workspace A, so it is refused.
        await Expect.ThrowsAsync<JourneyRuleException>(() => store.AppendAsync(b, journey.Id, 0, events), "Appending A's creation event in workspace B");

        Expect.Equal(before, (await store.LoadAsync(a, journey.Id)).ToSnapshot(), "A's journey after B's attempts");
        Expect.SequenceEqual(events, await store.ReadEventsAsync(a, journey.Id), "A's events after B's attempts");
        Expect.Equal(journey.Id, Expect.Single(await store.ListAsync(a), "Workspace A's journeys").JourneyId, "The id of workspace A's journey");
        Expect.Empty(await store.ListAsync(b), "Workspace B's journeys after its attempts");
    }

    // Two workspaces may hold journeys with the same id; each sees and changes only its own.
    private static async Task Journeys_with_the_same_id_in_two_workspaces_stay_apart(IJourneyStore store, FakeClock clock)
    {
        var id = JourneyId.New();
        var inA = Journey.Create(new Actor("alice"), WorkspaceId.New(), "In A", clock, id);
        var inB = Journey.Create(new Actor("bob"), WorkspaceId.New(), "In B", clock, id);
        await store.SaveAsync(inA);
        await store.SaveAsync(inB);
        inB.Rename(new Actor("bob"), "In B, renamed");
        await store.SaveAsync(inB);

        Expect.Equal("In A", (await store.LoadAsync(inA.WorkspaceId, id)).Name, "The name of A's journey");
        Expect.Equal(1, (await store.LoadAsync(inA.WorkspaceId, id)).Version, "The version of A's journey");
        Expect.Equal("In B, renamed", (await store.LoadAsync(inB.WorkspaceId, id)).Name, "The name of B's journey");

        Expect.True(await store.DeleteAsync(inB.WorkspaceId, id), "Deleting B's journey reported nothing deleted.");
        Expect.Equal("In A", (await store.LoadAsync(inA.WorkspaceId, id)).Name, "The name of A's journey after B's was deleted");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(inB.WorkspaceId, id), "Loading B's deleted journey");
    }

    // Quotes, SQL, tabs, line breaks, emoji and a megabyte of text come back exactly as written (the model refuses
    // other control characters, so no store ever sees them).
    private static async Task Hostile_text_is_stored_and_read_back_exactly(IJourneyStore store, FakeClock clock)
    {
        var megabyte = HostileText.OfLength(1_000_000) + "\t'; DROP TABLE events; --\r\n🚀\uD83D\uDC69\u200D\uD83D\uDC67";
        var journey = Journey.Create(new Actor("o'brien \"the\" admin"), WorkspaceId.New(), "'; DROP TABLE journeys; --", clock, description: megabyte, owner: "O'Brien & \"Sons\"");
        foreach (var name in HostileText.Names)
        {
            clock.Advance(Duration.FromSeconds(1));
            journey.Rename(new Actor(name), name, reason: name);
            journey.AddPhase(new Actor("robert'); --"), name, customerGoal: megabyte[..1000] + name);
        }

        var events = journey.PendingEvents.ToList();
        await store.SaveAsync(journey);

        var loaded = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        Expect.Equal(journey.ToSnapshot(), loaded.ToSnapshot(), "The loaded journey's snapshot");
        Expect.Equal(megabyte, loaded.Description, "The megabyte description");
        Expect.SequenceEqual(events, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id), "The events read back");
        var summary = Expect.Single(await store.ListAsync(journey.WorkspaceId), "The workspace's journeys");
        Expect.Equal(HostileText.Names[^1], summary.Name, "The listed name");
    }

    // Every version loads as the fold of the events up to it; versions outside the history are refused.
    private static async Task Loading_as_of_each_version_gives_the_fold_of_the_events_up_to_it(IJourneyStore store, FakeClock clock, CancellationToken cancellationToken)
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Versions", clock);
        var phase = journey.AddPhase(new Actor("me"), "See");
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(Duration.FromMinutes(5));
            journey.AddActivity(new Actor("me"), phase, $"Activity {i}");
        }

        var events = journey.PendingEvents.ToList();
        await store.AppendAsync(journey.WorkspaceId, journey.Id, 0, events[..10], cancellationToken);
        await store.AppendAsync(journey.WorkspaceId, journey.Id, 10, events[10..], cancellationToken);
        for (var version = 1; version <= events.Count; version++)
        {
            var asOf = await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, version, cancellationToken);
            Expect.Equal(Journey.Replay(events.Take(version), clock).ToSnapshot(), asOf.ToSnapshot(), $"The journey loaded as of version {version}");
        }

        await Expect.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, 0, cancellationToken), "Loading as of version 0");
        await Expect.ThrowsAsync<ArgumentOutOfRangeException>(() => store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, events.Count + 1, cancellationToken), $"Loading as of version {events.Count + 1}, past the last");
        Expect.SequenceEqual(events[5..12], await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, 5, 12, cancellationToken), "The events read from version 5 to 12");
    }

    // Loading as of an instant folds the events that occurred at or before it, to the nanosecond.
    private static async Task Loading_as_of_an_instant_folds_the_events_up_to_it(IJourneyStore store)
    {
        var clock = new FakeClock(Start);
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "First", clock);
        clock.Advance(Duration.FromHours(1));
        journey.Rename(new Actor("me"), "Second");
        clock.Advance(Duration.FromHours(1) + Duration.FromNanoseconds(1));
        journey.Rename(new Actor("me"), "Third");
        await store.SaveAsync(journey);
        var w = journey.WorkspaceId;

        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfInstantAsync(w, journey.Id, Start - Duration.FromNanoseconds(1)), "Loading as of 1 ns before the journey was created");
        Expect.Equal("First", (await store.LoadAsOfInstantAsync(w, journey.Id, Start)).Name, "The name as of the creation instant");
        Expect.Equal("First", (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromMinutes(59))).Name, "The name 59 minutes after creation");
        Expect.Equal("Second", (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromHours(1))).Name, "The name at the first rename's instant");
        Expect.Equal(2, (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromHours(2))).Version, "The version 1 ns before the second rename");
        var third = await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromHours(2) + Duration.FromNanoseconds(1));
        Expect.Equal("Third", third.Name, "The name at the second rename's instant");
        Expect.Equal(journey.ToSnapshot(), third.ToSnapshot(), "The snapshot at the last event's instant");
        Expect.Equal(3, (await store.LoadAsOfInstantAsync(w, journey.Id, Start + Duration.FromDays(400))).Version, "The version 400 days later");
    }

    // A workspace lists its journeys by name then id, with their current name, state, version and last change.
    private static async Task Listing_shows_a_workspaces_journeys_by_name_then_id(IJourneyStore store, FakeClock clock)
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
        Expect.SequenceEqual(expected, await store.ListAsync(workspace), "The listed journeys (by name, ordinal, then id)");
    }

    // Every workspace holding a journey is listed once, in id order; a workspace whose last journey is deleted is not.
    private static async Task Workspaces_with_journeys_are_listed_once_by_id(IJourneyStore store, FakeClock clock)
    {
        var a = WorkspaceId.New();
        var b = WorkspaceId.New();
        var emptied = WorkspaceId.New();
        foreach (var (workspace, name) in new[] { (a, "A1"), (a, "A2"), (b, "B1") })
        {
            await store.SaveAsync(Journey.Create(new Actor("me"), workspace, name, clock));
        }

        var gone = Journey.Create(new Actor("me"), emptied, "Gone", clock);
        await store.SaveAsync(gone);
        await store.DeleteAsync(emptied, gone.Id);

        // The store may hold other workspaces too: only these three are checked, and the order of the whole list.
        var listed = await store.ListWorkspacesAsync();
        Expect.Equal(1, listed.Count(w => w == a), "How often workspace A (two journeys) is listed");
        Expect.Equal(1, listed.Count(w => w == b), "How often workspace B (one journey) is listed");
        Expect.Equal(0, listed.Count(w => w == emptied), "How often a workspace whose only journey was deleted is listed");
        Expect.SequenceEqual(listed.Order().ToList(), listed, "The listed workspaces (ordered by id)");
    }

    // Deleting removes the journey and its history from that workspace only; deleting again reports nothing deleted.
    private static async Task Deleting_removes_a_journey_and_its_history(IJourneyStore store, FakeClock clock)
    {
        var workspace = WorkspaceId.New();
        var kept = Journey.Create(new Actor("me"), workspace, "Kept", clock);
        var gone = Journey.Create(new Actor("me"), workspace, "Gone", clock);
        gone.AddPhase(new Actor("me"), "See");
        await store.SaveAsync(kept);
        await store.SaveAsync(gone);

        Expect.True(await store.DeleteAsync(workspace, gone.Id), "Deleting a stored journey reported nothing deleted.");
        Expect.True(!await store.DeleteAsync(workspace, gone.Id), "Deleting a journey a second time reported a deletion.");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(workspace, gone.Id), "Loading a deleted journey");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.ReadEventsAsync(workspace, gone.Id), "Reading a deleted journey's events");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsOfVersionAsync(workspace, gone.Id, 1), "Loading a deleted journey as of version 1");
        Expect.Equal(kept.Id, Expect.Single(await store.ListAsync(workspace), "The workspace's journeys after the delete").JourneyId, "The id of the journey kept");

        // The id is free again: a new journey may start there from version 0.
        var again = Journey.Create(new Actor("me"), workspace, "Again", clock, gone.Id);
        Expect.Equal(1, await store.SaveAsync(again), "The version of a new journey saved under a deleted journey's id");
        Expect.Equal("Again", (await store.LoadAsync(workspace, gone.Id)).Name, "The name of the new journey under the deleted id");
    }

    // The listing carries each journey's parent link (the portfolio's cycle check reads it): set on creation's batch, moved,
    // cleared, and untouched by batches that do not change it.
    private static async Task Listing_shows_each_journeys_parent_as_its_last_event_set_it(IJourneyStore store, FakeClock clock)
    {
        var me = new Actor("me");
        var workspace = WorkspaceId.New();
        var top = Journey.Create(me, workspace, "Top", clock);
        var other = Journey.Create(me, workspace, "Other", clock);
        var child = Journey.Create(me, workspace, "Child", clock);
        child.SetParent(me, top.Id);
        await store.SaveAsync(top);
        await store.SaveAsync(other);
        await store.SaveAsync(child);
        JourneyId? ParentIn(IReadOnlyList<JourneySummary> list, Journey j) => Expect.Single(list, s => s.JourneyId == j.Id, $"The listing's line of '{j.Name}'").ParentJourneyId;

        var listed = await store.ListAsync(workspace);
        Expect.Equal<JourneyId?>(top.Id, ParentIn(listed, child), "The parent listed for a journey created under a parent");
        Expect.Equal<JourneyId?>(null, ParentIn(listed, top), "The parent listed for a top-level journey");

        child.SetParent(me, other.Id);
        child.Rename(me, "Moved child");
        await store.SaveAsync(child);
        Expect.Equal<JourneyId?>(other.Id, ParentIn(await store.ListAsync(workspace), child), "The parent listed after a move");

        child.AddPhase(me, "See");
        await store.SaveAsync(child);
        Expect.Equal<JourneyId?>(other.Id, ParentIn(await store.ListAsync(workspace), child), "The parent listed after a batch that does not change it");

        child.SetParent(me, null);
        await store.SaveAsync(child);
        Expect.Equal<JourneyId?>(null, ParentIn(await store.ListAsync(workspace), child), "The parent listed after the journey became top-level");
    }

    // An append with a stale or future version is refused with the versions named, and changes nothing.
    private static async Task An_append_at_a_stale_version_changes_nothing(IJourneyStore store, FakeClock clock)
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Steady", clock);
        journey.AddPhase(new Actor("me"), "See");
        journey.AddPhase(new Actor("me"), "Think");
        await store.SaveAsync(journey);
        var before = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id);

        var stale = await store.LoadAsOfVersionAsync(journey.WorkspaceId, journey.Id, 1);
        stale.Rename(new Actor("late"), "Stale rename");
        var conflict = await Expect.ThrowsAsync<JourneyConcurrencyException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 1, stale.PendingEvents), "Appending at stale version 1");
        Expect.Equal(1, conflict.ExpectedVersion, "The conflict's expected version");
        Expect.Equal(3, conflict.ActualVersion, "The conflict's actual version");
        Expect.Single(stale.PendingEvents, "The stale copy's pending events after the refused append");

        await Expect.ThrowsAsync<JourneyConcurrencyException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 7, stale.PendingEvents), "Appending at version 7, past the last");
        var recreate = Journey.Create(new Actor("me"), journey.WorkspaceId, "Duplicate", clock, journey.Id);
        var duplicate = await Expect.ThrowsAsync<JourneyConcurrencyException>(() => store.SaveAsync(recreate), "Saving a new journey under a stored journey's id");
        Expect.Equal(0, duplicate.ExpectedVersion, "The duplicate's expected version");
        Expect.Equal(3, duplicate.ActualVersion, "The duplicate's actual version");

        Expect.SequenceEqual(before, await store.ReadEventsAsync(journey.WorkspaceId, journey.Id), "The events after the refused appends");
        Expect.Equal("Steady", (await store.LoadAsync(journey.WorkspaceId, journey.Id)).Name, "The name after the refused appends");
        Expect.Equal(3, Expect.Single(await store.ListAsync(journey.WorkspaceId), "The workspace's journeys").Version, "The listed version after the refused appends");
    }

    // A batch holding another journey's event is refused whole: nothing of it is written.
    private static async Task A_batch_with_another_journeys_event_is_refused_whole(IJourneyStore store, FakeClock clock)
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Mine", clock);
        await store.SaveAsync(journey);
        var other = Journey.Create(new Actor("me"), journey.WorkspaceId, "Other", clock);
        other.Rename(new Actor("me"), "Other renamed");
        var mine = await store.LoadAsync(journey.WorkspaceId, journey.Id);
        mine.Rename(new Actor("me"), "Mine renamed");

        await Expect.ThrowsAsync<JourneyRuleException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 1, [mine.PendingEvents[0], other.PendingEvents[1]]), "Appending a batch that holds another journey's event");
        await Expect.ThrowsAsync<JourneyRuleException>(() => store.AppendAsync(journey.WorkspaceId, other.Id, 0, [.. other.PendingEvents.Skip(1)]), "Starting a journey with an event other than its creation");

        Expect.Single(await store.ReadEventsAsync(journey.WorkspaceId, journey.Id), "The journey's events after the refused batch");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(journey.WorkspaceId, other.Id), "Loading the journey whose start was refused");
        Expect.Equal(2, await store.SaveAsync(mine), "The version after a valid save");
    }

    // Reading or loading a journey that was never stored names it as not found.
    private static async Task An_unknown_journey_is_not_found(IJourneyStore store)
    {
        var workspace = WorkspaceId.New();
        var id = JourneyId.New();
        var ex = await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(workspace, id), "Loading a journey never stored");
        Expect.Contains(id.ToString(), ex.Message, "The not-found message");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.ReadEventsAsync(workspace, id), "Reading a journey never stored");
        Expect.Empty(await store.ListAsync(workspace), "A new workspace's journeys");
        Expect.True(!await store.DeleteAsync(workspace, id), "Deleting a journey never stored reported a deletion.");
    }

    // A journey rebuilt from events (or read from JSON) has nothing pending; saving it into a store that does not hold it
    // is refused with what to do, never silently dropped, and its events are written through AppendAsync from version 0.
    private static async Task Saving_a_journey_the_store_does_not_hold_with_nothing_pending_is_refused(IJourneyStore store, FakeClock clock)
    {
        var workspace = WorkspaceId.New();
        var original = Journey.Create(new Actor("me"), workspace, "Imported", clock);
        original.AddPhase(new Actor("me"), "See");
        IReadOnlyList<JourneyEvent> events = [.. original.PendingEvents];
        var replayed = Journey.Replay(events, clock);

        var ex = await Expect.ThrowsAsync<JourneyNotStoredException>(() => store.SaveAsync(replayed), "Saving a replayed journey the store does not hold");
        Expect.Contains("AppendAsync", ex.Message, "The refusal's message");
        Expect.Equal<long?>(null, ex.StoredVersion, "The stored version the refusal reports");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(workspace, original.Id), "Loading after the refused save");

        Expect.Equal(2L, await store.AppendAsync(workspace, original.Id, 0, events), "The version after importing the events");
        Expect.Equal(2L, await store.SaveAsync(replayed), "Saving the imported journey again (nothing pending)");
        Expect.Equal("Imported", (await store.LoadAsync(workspace, original.Id)).Name, "The imported journey's name");
    }

    // A cancelled append writes nothing.
    private static async Task A_cancelled_append_writes_nothing(IJourneyStore store, FakeClock clock)
    {
        var journey = Journey.Create(new Actor("me"), WorkspaceId.New(), "Cancelled", clock);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Expect.ThrowsAsync<OperationCanceledException>(() => store.AppendAsync(journey.WorkspaceId, journey.Id, 0, journey.PendingEvents, cancelled.Token), "Appending with a cancelled token");
        await Expect.ThrowsAsync<JourneyNotFoundException>(() => store.LoadAsync(journey.WorkspaceId, journey.Id), "Loading the journey whose append was cancelled");
    }
}
