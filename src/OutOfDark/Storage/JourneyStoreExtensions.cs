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
}
