using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Events;

namespace OutOfDark;

/// <summary>
/// A journey store that keeps everything in memory, for tests, prototypes and small hosts. Nothing survives the process.
/// </summary>
/// <remarks>
/// Thread-safe: appends to one journey are serialized, so concurrent writers get <see cref="JourneyConcurrencyException"/>.
/// It is also a <see cref="IJourneyCommitStore"/> and a <see cref="Warnings.IWarningFeed"/>: a commit's events and
/// warning changes are kept together atomically, and subscriber cursors are claimed within the process.
/// </remarks>
public sealed partial class InMemoryJourneyStore : IJourneyCommitStore, Warnings.IWorkspaceWarningsSource
{
    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<(WorkspaceId, JourneyId), Stream> _streams = [];

    /// <summary>Creates an empty store.</summary>
    /// <param name="clock">The clock given to the journeys it loads, for their further commands.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public InMemoryJourneyStore(IClock clock)
    {
        Guard.Against.Null(clock);
        _clock = clock;
        WorkspaceWarnings = new InMemoryWorkspaceWarnings(clock);
    }

    /// <summary>
    /// The store's own workspace read model, in memory like the store: the present warnings and health line of every
    /// journey whose evaluation was applied to it (<see cref="Warnings.WorkspaceWarningProjector"/> then
    /// <see cref="Warnings.IWorkspaceWarnings.ApplyAsync"/>). <see cref="Portfolio.JourneyPortfolio"/> reads health and
    /// warning counts from it. Deleting a journey does not remove its rows; call
    /// <see cref="Warnings.IWorkspaceWarnings.RemoveJourneyAsync"/>.
    /// </summary>
    public Warnings.IWorkspaceWarnings WorkspaceWarnings { get; }

    /// <inheritdoc />
    public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Commit(workspaceId, journeyId, expectedVersion, events, []));
    }

    /// <inheritdoc />
    public Task<long> CommitAsync(JourneyCommit commit, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(commit);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Commit(commit.WorkspaceId, commit.JourneyId, commit.ExpectedVersion, commit.Events, commit.WarningChanges));
    }

    private long Commit(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, IReadOnlyList<Warnings.WarningChange> changes)
    {
        lock (_gate)
        {
            _streams.TryGetValue((workspaceId, journeyId), out var stream);
            var actual = stream?.Events.Count ?? 0;
            if (actual != expectedVersion)
            {
                throw new JourneyConcurrencyException(journeyId, expectedVersion, actual);
            }

            if (events.Count == 0)
            {
                AddToFeed(changes);
                return actual;
            }

            // Fold the new events onto the current state first: an invalid batch is refused whole.
            var journey = stream?.Journey is { } current
                ? Journey.Rehydrate(current.ToSnapshot(), events, _clock)
                : Journey.Replay(events, _clock);
            if (journey.WorkspaceId != workspaceId || journey.Id != journeyId)
            {
                throw new JourneyRuleException(JourneyRules.WrongJourney, $"The events create journey {journey.Id} in workspace {journey.WorkspaceId}, not journey {journeyId} in workspace {workspaceId}.", journeyId);
            }

            stream ??= new Stream();
            stream.Events.AddRange(events);
            stream.Journey = journey;
            _streams[(workspaceId, journeyId)] = stream;
            AddToFeed(changes);
            return stream.Events.Count;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var events = Get(workspaceId, journeyId).Events;
            var end = (int)Math.Min(toVersion ?? events.Count, events.Count);
            var start = (int)Math.Min(fromVersion, end);
            return Task.FromResult<IReadOnlyList<JourneyEvent>>(events.GetRange(start, end - start));
        }
    }

    /// <inheritdoc />
    public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        JourneySnapshot snapshot;
        lock (_gate)
        {
            snapshot = Get(workspaceId, journeyId).Journey!.ToSnapshot();
        }

        return Task.FromResult(Journey.FromSnapshot(snapshot, _clock));
    }

    /// <inheritdoc />
    public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<JourneyEvent> events;
        lock (_gate)
        {
            var stream = Get(workspaceId, journeyId);
            ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(version, stream.Events.Count);
            events = stream.Events.GetRange(0, (int)version);
        }

        return Task.FromResult(Journey.Replay(events, _clock));
    }

    /// <inheritdoc />
    public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<JourneyEvent> events;
        lock (_gate)
        {
            events = Get(workspaceId, journeyId).Events.TakeWhile(e => e.OccurredAt <= instant).ToList();
        }

        return events.Count == 0
            ? throw new JourneyNotFoundException($"Journey {journeyId} did not exist yet at {instant}.")
            : Task.FromResult(Journey.Replay(events, _clock));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<JourneySummary> list = _streams
                .Where(kv => kv.Key.Item1 == workspaceId)
                .Select(kv => kv.Value.Journey!)
                .Select(j => new JourneySummary(j.WorkspaceId, j.Id, j.Name, j.State, j.Version, j.LastChangedAt) { ParentJourneyId = j.ParentJourneyId })
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .ThenBy(s => s.JourneyId)
                .ToList();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<WorkspaceId> list = _streams.Keys.Select(k => k.Item1).Distinct().Order().ToList();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_streams.Remove((workspaceId, journeyId)));
        }
    }

    private Stream Get(WorkspaceId workspaceId, JourneyId journeyId) =>
        _streams.TryGetValue((workspaceId, journeyId), out var stream)
            ? stream
            : throw new JourneyNotFoundException(workspaceId, journeyId);

    private sealed class Stream
    {
        public List<JourneyEvent> Events { get; } = [];

        public Journey? Journey { get; set; }
    }
}
