using System;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark;

/// <summary>Conveniences over <see cref="IJourneyStore"/>.</summary>
public static class JourneyStoreExtensions
{
    /// <summary>
    /// Saves a journey's pending events with the version it was loaded at as the expected version, then clears them.
    /// Does nothing when nothing is pending.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="journey">The journey.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The journey's version after the save.</returns>
    /// <exception cref="JourneyConcurrencyException">
    /// Someone else changed the journey since it was loaded; nothing was written and the events stay pending.
    /// </exception>
    public static async Task<long> SaveAsync(this IJourneyStore store, Journey journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.PendingEvents.Count == 0)
        {
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
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(journey);
        var events = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new JourneyHistory(events, journey.Clock);
    }
}
