using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>
/// A host that keeps journeys live in memory, each with its own warning engine (a web host's cache of open journeys):
/// registered in the container, it lets <see cref="DueRecheckService"/> re-check the journeys the host holds through
/// the host's own engines, so those journeys are not loaded and evaluated a second time and the two never disagree.
/// The service keeps its own journey and engine only for the journeys the host does not hold.
/// </summary>
/// <remarks>
/// Register it as a singleton (<c>services.AddSingleton&lt;ILiveJourneys&gt;(…)</c>) before the host starts;
/// <see cref="OutOfDarkBuilder.AddDueRechecks"/> picks it up when the service is created. Implementations must be
/// thread-safe: the service calls from its own loop while the host serves requests.
/// </remarks>
public interface ILiveJourneys
{
    /// <summary>
    /// Re-checks a journey this host holds now, under the same one-at-a-time rule as the host's own uses of it: catches
    /// up with events saved elsewhere, re-checks the subjects whose due instant has passed (recording what time alone
    /// changed in the durable warning feed when the store keeps one), and replaces the journey's rows in the workspace
    /// read model when anything changed or the rows are of another version than the journey.
    /// </summary>
    /// <param name="workspace">The journey's workspace.</param>
    /// <param name="journey">The journey.</param>
    /// <param name="readModelVersion">The journey version of its rows in the workspace read model, or <see langword="null"/> when it has none.</param>
    /// <param name="cancellationToken">Cancels the wait for the journey, the reads and the evaluation.</param>
    /// <returns>
    /// What the recheck found, or <see langword="null"/> when the host does not hold the journey now (it must not load
    /// it for this call): the service then rechecks it itself.
    /// </returns>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Any other exception is the journey's failure: the service logs it with the journey's ids and carries on with the other journeys.</remarks>
    Task<LiveRecheck?> RecheckHeldAsync(WorkspaceId workspace, JourneyId journey, long? readModelVersion, CancellationToken cancellationToken);
}
