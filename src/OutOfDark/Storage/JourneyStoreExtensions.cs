using System.Collections.Generic;
using Ardalis.GuardClauses;
using System;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark;

/// <summary>Conveniences over <see cref="IJourneyStore"/>.</summary>
public static class JourneyStoreExtensions
{
    /// <summary>
    /// Saves a journey's pending events with the version it was loaded at as the expected version, then clears them.
    /// When nothing is pending it writes nothing, but checks that the store holds the journey at its version, so a journey
    /// that came from a JSON document or <see cref="Journey.Replay"/> is never silently left unstored.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="journey">The journey.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The journey's version after the save.</returns>
    /// <exception cref="JourneyConcurrencyException">
    /// Someone else changed the journey since it was loaded; nothing was written and the events stay pending.
    /// </exception>
    /// <exception cref="JourneyNotStoredException">
    /// Nothing is pending and the store does not hold the journey at its version (for example a journey read from JSON or
    /// replayed from events); write its events with <see cref="IJourneyStore.AppendAsync"/> at expected version 0 instead.
    /// </exception>
    public static async Task<long> SaveAsync(this IJourneyStore store, Journey journey, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(journey);
        if (journey.PendingEvents.Count == 0)
        {
            if (journey.Version > 0)
            {
                IReadOnlyList<Events.JourneyEvent> last;
                try
                {
                    last = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, journey.Version - 1, journey.Version, cancellationToken).ConfigureAwait(false);
                }
                catch (JourneyNotFoundException notFound)
                {
                    throw new JourneyNotStoredException(journey.WorkspaceId, journey.Id, journey.Version, null, notFound);
                }

                if (last.Count == 0)
                {
                    var stored = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
                    throw new JourneyNotStoredException(journey.WorkspaceId, journey.Id, journey.Version, stored.Count);
                }
            }

            return journey.Version;
        }

        var version = await store.AppendAsync(journey.WorkspaceId, journey.Id, journey.CommittedVersion, [.. journey.PendingEvents], cancellationToken).ConfigureAwait(false);
        journey.ClearPendingEvents();
        return version;
    }

    /// <summary>Reads a journey's whole history from the store, rebuilding past versions with the journey's own clock.</summary>
    /// <param name="store">The store.</param>
    /// <param name="journey">The journey; its workspace and id name the stream, and its <see cref="Journey.Clock"/> is the history's clock.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The history of every saved event; pending events are not part of it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="journey"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyNotFoundException">The journey was never saved to this store.</exception>
    public static async Task<JourneyHistory> ReadHistoryAsync(this IJourneyStore store, Journey journey, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(journey);
        var events = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new JourneyHistory(events, journey.Clock);
    }
}
