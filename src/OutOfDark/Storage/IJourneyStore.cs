using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Events;

namespace OutOfDark;

/// <summary>
/// Where journeys live: their event streams, scoped by workspace. Appends are optimistic: a writer names the version it
/// based its change on, and a stale version is refused with <see cref="JourneyConcurrencyException"/>, never silently
/// overwritten. Every call is scoped by workspace: no call with one workspace's id reads or changes another's journeys.
/// </summary>
/// <remarks>
/// Implementations must be safe to call from several threads at once. Adapters prove their behaviour by passing the
/// store contract tests in <c>OutOfDark.Testing</c>.
/// </remarks>
public interface IJourneyStore
{
    /// <summary>Appends events to a journey's stream, if the journey is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="workspaceId">The workspace the journey belongs to.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="expectedVersion">The version the events were based on: 0 for a new journey.</param>
    /// <param name="events">The events, oldest first; the first event of a new journey is <see cref="JourneyCreated"/>.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is written then.</param>
    /// <returns>The journey's version after the append.</returns>
    /// <exception cref="JourneyConcurrencyException">The journey is not at <paramref name="expectedVersion"/>; nothing was written.</exception>
    /// <exception cref="JourneyRuleException">An event does not belong to the journey; nothing was written.</exception>
    Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a journey's events in order, from version <paramref name="fromVersion"/> + 1 up to <paramref name="toVersion"/>.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="fromVersion">Skip the first this many events.</param>
    /// <param name="toVersion">The last version to read, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="JourneyNotFoundException">The workspace has no such journey.</exception>
    Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Loads a journey as it is now.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The journey, with no pending events.</returns>
    /// <exception cref="JourneyNotFoundException">The workspace has no such journey.</exception>
    Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default);

    /// <summary>Loads a journey as it was at a version.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version, from 1 to the current one.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The journey at that version.</returns>
    /// <exception cref="JourneyNotFoundException">The workspace has no such journey.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="version"/> is below 1 or above the current version.</exception>
    Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default);

    /// <summary>Loads a journey as it was at an instant: the fold of the events that occurred at or before it.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The journey at that instant.</returns>
    /// <exception cref="JourneyNotFoundException">The workspace has no such journey, or it did not exist yet at <paramref name="instant"/>.</exception>
    Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default);

    /// <summary>Lists the journeys of a workspace, ordered by name then id.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>A summary of each journey.</returns>
    Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Lists the workspaces that hold at least one journey, ordered by id; for services that visit every journey (the due-recheck service).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The workspaces, each once, ordered by <see cref="WorkspaceId.CompareTo"/>.</returns>
    Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a journey and its whole history.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns><see langword="true"/> when the journey existed and is gone; <see langword="false"/> when it did not exist.</returns>
    Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default);
}
