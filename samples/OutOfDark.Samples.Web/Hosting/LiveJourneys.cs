using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Events;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// The journeys this host has open, each with its warning engine, kept in step with the store: before every use the
/// journey applies the events others appended since, and its engine evaluates incrementally. One request at a time
/// per journey.
/// </summary>
/// <remarks>
/// Memory stays bounded whatever ids callers ask for: an id that names no journey leaves nothing behind (misses are not
/// cached), and at most <see cref="WebOptions.OpenJourneys"/> loaded journeys are kept; beyond that the least recently
/// used idle ones are dropped and reloaded from the store when next asked for. An entry is only ever dropped while no
/// request holds it, so two requests on one journey always share one gate.
/// <para>
/// After each saved command the journey's rows in the workspace read model are replaced from its engine by
/// <see cref="JourneyWarnings.CommitAsync"/>, after the save commits (and here after each catch-up with events others
/// saved): a host that dies in between leaves the rows one version behind until the due-recheck service's next pass
/// repairs them.
/// </para>
/// <para>
/// It is the host's <see cref="ILiveJourneys"/>: the due-recheck service re-checks the journeys held here through their
/// engines here (<see cref="RecheckHeldAsync"/>), so no journey is loaded and evaluated twice in this process.
/// </para>
/// </remarks>
internal sealed class LiveJourneys(IJourneyStore store, IJourneyCommitStore commits, JourneyWarnings warnings, IWorkspaceWarnings readModel, NodaTime.IClock clock, WebOptions options)
    : IJourneyAccess, ILiveJourneys
{
    private readonly ConcurrentDictionary<JourneyId, Entry> _entries = new();
    private long _uses;

    public WorkspaceId Workspace => options.Workspace;

    /// <summary>How many journeys are held in memory now (loaded, or being used by a request).</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneySummary>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(Workspace, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(JourneyId id, CancellationToken cancellationToken) =>
        store.ReadEventsAsync(Workspace, id, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<T> ReadAsync<T>(JourneyId id, Func<JourneyReading, T> read, CancellationToken cancellationToken) =>
        ReadAsync(id, (journey, engine) => read(new JourneyReading(journey, engine.View())), cancellationToken);

    /// <inheritdoc />
    public async Task<long> ExecuteAsync(JourneyId id, long? expectedVersion, JourneyCommand command, CancellationToken cancellationToken)
    {
        var (_, version) = await ChangeAsync<object?>(id, expectedVersion, command, (journey, engine) =>
        {
            // A warning command is checked against the warnings raised now, under the same gate as the save: nothing
            // is recorded for a warning that is not raised, and a command that changes nothing saves nothing.
            if (command is WarningCommand warning)
            {
                if (warning.Admit(engine.View()) is not { } admitted)
                {
                    return null;
                }

                admitted.ApplyTo(journey);
                return null;
            }

            command.ApplyTo(journey);
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>Reads a journey and its warnings, as they are in the store now.</summary>
    public async Task<T> ReadAsync<T>(JourneyId id, Func<Journey, WarningEngine, T> read, CancellationToken cancellationToken)
    {
        var entry = await EnterAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            var (journey, engine) = await CatchUpAsync(id, entry, cancellationToken).ConfigureAwait(false);
            return read(journey, engine);
        }
        finally
        {
            Leave(id, entry);
        }
    }

    /// <summary>
    /// Runs a command on a journey and saves it, if the journey is still at <paramref name="expectedVersion"/>.
    /// </summary>
    /// <returns>The command's result and the journey's version after the save.</returns>
    /// <exception cref="JourneyConcurrencyException">The journey is not at the expected version; nothing changed.</exception>
    /// <exception cref="JourneyRuleException">The journey refused the command; nothing changed.</exception>
    public Task<(T Result, long Version)> ChangeAsync<T>(JourneyId id, long? expectedVersion, Func<Journey, T> command, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, null, command, cancellationToken);

    /// <summary>
    /// Runs a command on a journey and saves it, if the journey is still at <paramref name="expectedVersion"/> or the
    /// events since that version changed none of the subjects of <paramref name="sent"/> (<see cref="CommandConflicts"/>).
    /// </summary>
    /// <param name="id">The journey.</param>
    /// <param name="expectedVersion">The version the client saw; <see langword="null"/> for no check.</param>
    /// <param name="sent">The web command, for what it works on; <see langword="null"/> to require the exact version.</param>
    /// <param name="command">The command, run on the current journey.</param>
    /// <param name="cancellationToken">Cancels the wait, the reads and the save.</param>
    /// <returns>The command's result and the journey's version after the save.</returns>
    /// <exception cref="JourneyConflictException">Someone changed one of the subjects since the expected version; nothing changed.</exception>
    /// <exception cref="JourneyConcurrencyException">The journey is not at the expected version and no web command was given (or the version is one the journey never had); nothing changed.</exception>
    /// <exception cref="JourneyRuleException">The journey refused the command; nothing changed.</exception>
    public Task<(T Result, long Version)> ChangeAsync<T>(JourneyId id, long? expectedVersion, JourneyCommand? sent, Func<Journey, T> command, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, sent, (journey, _) => command(journey), cancellationToken);

    // As above, the command also seeing the journey's warning engine (caught up, before the command runs). A command
    // that raises no event saves nothing and the version stays.
    private async Task<(T Result, long Version)> ChangeAsync<T>(JourneyId id, long? expectedVersion, JourneyCommand? sent, Func<Journey, WarningEngine, T> command, CancellationToken cancellationToken)
    {
        var entry = await EnterAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            var (journey, engine) = await CatchUpAsync(id, entry, cancellationToken).ConfigureAwait(false);
            if (expectedVersion is { } expected && expected != journey.Version)
            {
                if (sent is null || expected > journey.Version || expected < 1)
                {
                    throw new JourneyConcurrencyException(id, expected, journey.Version);
                }

                // The journey as the client saw it, brought forward event by event to see what each change touched.
                var seen = await store.LoadAsOfVersionAsync(Workspace, id, expected, cancellationToken).ConfigureAwait(false);
                var since = await store.ReadEventsAsync(Workspace, id, expected, journey.Version, cancellationToken).ConfigureAwait(false);
                if (CommandConflicts.Find(seen, since, sent) is { Count: > 0 } conflicts)
                {
                    throw new JourneyConflictException(id, expected, journey.Version, conflicts);
                }
            }

            T result;
            try
            {
                result = command(journey, engine);
            }
            catch
            {
                // A refused command raises nothing, but a command that fails halfway might: reload to be sure.
                if (journey.PendingEvents.Count > 0)
                {
                    entry.Forget();
                }

                throw;
            }

            if (journey.PendingEvents.Count == 0)
            {
                return (result, journey.Version);
            }

            try
            {
                // Events and the warning changes they cause are saved in one transaction (the feed's outbox); then
                // JourneyWarnings replaces the journey's rows in the workspace read model.
                await warnings.CommitAsync(commits, journey, engine, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The cached journey and engine hold events the store refused: forget them, the next use reloads.
                entry.Forget();
                throw;
            }

            return (result, journey.Version);
        }
        finally
        {
            Leave(id, entry);
        }
    }

    /// <inheritdoc />
    public async Task<LiveRecheck?> RecheckHeldAsync(WorkspaceId workspace, JourneyId journey, long? readModelVersion, CancellationToken cancellationToken)
    {
        // Only a journey loaded here now: asking must not load one (the service keeps its own for the rest).
        if (workspace != Workspace || !_entries.TryGetValue(journey, out var held) || held.Journey is null)
        {
            return null;
        }

        var entry = await EnterAsync(journey, cancellationToken).ConfigureAwait(false);
        try
        {
            if (entry.Journey is not { } live || entry.Engine is not { } engine)
            {
                // Dropped or forgotten while waiting for the gate: not held any more.
                return null;
            }

            var newer = await store.ReadEventsAsync(Workspace, journey, live.Version, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var e in newer)
            {
                live.Apply(e);
            }

            if (newer.Count == 0 && DueNow(engine))
            {
                return await CommitDueAsync(entry, live, engine, cancellationToken).ConfigureAwait(false)
                    ? new LiveRecheck(live.Version, true, engine.NextDue)
                    : new LiveRecheck(live.Version, false, null);
            }

            var evaluation = warnings.Evaluate(engine, newer, cancellationToken);
            var changed = newer.Count > 0 || evaluation.Raised > 0 || evaluation.Changed > 0 || evaluation.Cleared > 0;
            if (changed || readModelVersion != live.Version)
            {
                await WriteReadModelAsync(engine, cancellationToken).ConfigureAwait(false);
            }

            return new LiveRecheck(live.Version, changed, engine.NextDue);
        }
        finally
        {
            Leave(journey, entry);
        }
    }

    // Takes a share of the id's entry (creating it if needed) and then its gate; an entry being dropped is never
    // taken: the loop asks again and gets the fresh one.
    private async Task<Entry> EnterAsync(JourneyId id, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = _entries.GetOrAdd(id, static _ => new Entry());
            lock (entry)
            {
                if (!entry.Dropped)
                {
                    entry.Users++;
                    entry.LastUse = Interlocked.Increment(ref _uses);
                    break;
                }
            }
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(id, entry);
            throw;
        }

        return entry;
    }

    private void Leave(JourneyId id, Entry entry)
    {
        entry.Gate.Release();
        Release(id, entry);
        if (entry.Journey is not null && _entries.Count > options.OpenJourneys)
        {
            DropLeastRecentlyUsed();
        }
    }

    // The last user of an entry without a loaded journey (an unknown id, a failed load or save) drops it.
    private void Release(JourneyId id, Entry entry)
    {
        lock (entry)
        {
            entry.Users--;
            if (entry.Users == 0 && entry.Journey is null)
            {
                Drop(id, entry);
            }
        }
    }

    private void DropLeastRecentlyUsed()
    {
        var excess = _entries.Count - options.OpenJourneys;
        if (excess <= 0)
        {
            return;
        }

        foreach (var (id, entry) in _entries.ToArray().OrderBy(e => Volatile.Read(ref e.Value.LastUse)))
        {
            if (excess <= 0)
            {
                return;
            }

            lock (entry)
            {
                if (entry.Users == 0 && !entry.Dropped)
                {
                    Drop(id, entry);
                    excess--;
                }
            }
        }
    }

    // Called holding the entry's lock, so no request can take a share of it in between.
    private void Drop(JourneyId id, Entry entry)
    {
        entry.Dropped = true;
        _entries.TryRemove(new KeyValuePair<JourneyId, Entry>(id, entry));
        entry.Gate.Dispose();
    }

    private async Task<(Journey, WarningEngine)> CatchUpAsync(JourneyId id, Entry entry, CancellationToken cancellationToken)
    {
        if (entry.Journey is { } journey && entry.Engine is { } engine)
        {
            var newer = await store.ReadEventsAsync(Workspace, id, journey.Version, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var e in newer)
            {
                journey.Apply(e);
            }

            if (newer.Count > 0 || !DueNow(engine))
            {
                warnings.Evaluate(engine, newer, cancellationToken);
                if (newer.Count > 0)
                {
                    await WriteReadModelAsync(engine, cancellationToken).ConfigureAwait(false);
                }

                return (journey, engine);
            }

            // Time alone moved past a due instant: whoever comes first — a request or the due-recheck service — records
            // what it changes, so the feed and the read model hear of a stale warning whichever it is.
            if (await CommitDueAsync(entry, journey, engine, cancellationToken).ConfigureAwait(false))
            {
                return (journey, engine);
            }
        }

        journey = await store.LoadAsync(Workspace, id, cancellationToken).ConfigureAwait(false);
        engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine, cancellationToken);
        (entry.Journey, entry.Engine) = (journey, engine);
        return (journey, engine);
    }

    private bool DueNow(WarningEngine engine) => engine.NextDue is { } due && due <= clock.GetCurrentInstant();

    // Re-checks what fell due with no new events, as a commit without events: the warning changes go to the feed in
    // the store's transaction and JourneyWarnings writes the journey's rows in the read model. False when someone else
    // (another host) saved the journey meanwhile: their commit recorded their changes, and the entry is forgotten so
    // that it is loaded afresh.
    private async Task<bool> CommitDueAsync(Entry entry, Journey journey, WarningEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            await warnings.CommitAsync(commits, journey, engine, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (JourneyConcurrencyException)
        {
            entry.Forget();
            return false;
        }
    }

    // The whole journey's rows: another host or the due-recheck service may have written them since this engine did.
    private Task WriteReadModelAsync(WarningEngine engine, CancellationToken cancellationToken) =>
        readModel.ApplyAsync(new WorkspaceWarningProjector(engine).Project(clock.GetCurrentInstant()), cancellationToken);

    private sealed class Entry
    {
        // Guarded by the gate.
        private Journey? _journey;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Guarded by the entry's lock.
        public int Users { get; set; }

        public bool Dropped { get; set; }

        public long LastUse;

        public Journey? Journey
        {
            get => Volatile.Read(ref _journey);
            set => Volatile.Write(ref _journey, value);
        }

        public WarningEngine? Engine { get; set; }

        public void Forget()
        {
            Journey = null;
            Engine = null;
        }
    }
}
