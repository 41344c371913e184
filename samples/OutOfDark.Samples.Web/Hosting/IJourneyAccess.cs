using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// The web host's one way to its journeys: every endpoint reads a journey, its history or the workspace's list, and
/// runs commands, through this seam. <see cref="LiveJourneys"/> keeps the journeys in this process; an Orleans client
/// implementation sends the same calls to a grain per journey, so the endpoints do not change with the hosting.
/// </summary>
/// <remarks>
/// Commands are a closed set of records (<see cref="JourneyCommand"/>) rather than delegates, because a command has to
/// travel to whichever process owns the journey. Reads take a delegate that runs where the reading is consistent: in
/// this process on the live journey, or on a snapshot the owning process sent.
/// </remarks>
internal interface IJourneyAccess
{
    /// <summary>The workspace this host serves.</summary>
    WorkspaceId Workspace { get; }

    /// <summary>The workspace's journeys.</summary>
    Task<IReadOnlyList<JourneySummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Reads a journey and its present warnings, as they are in the store now.</summary>
    /// <exception cref="JourneyNotFoundException">No such journey in the workspace.</exception>
    Task<T> ReadAsync<T>(JourneyId id, Func<JourneyReading, T> read, CancellationToken cancellationToken);

    /// <summary>Every event of a journey, oldest first: its history.</summary>
    /// <exception cref="JourneyNotFoundException">No such journey in the workspace.</exception>
    Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(JourneyId id, CancellationToken cancellationToken);

    /// <summary>Runs a command on a journey and saves it, if the journey is still at <paramref name="expectedVersion"/>.</summary>
    /// <returns>The journey's version after the save.</returns>
    /// <exception cref="JourneyNotFoundException">No such journey in the workspace.</exception>
    /// <exception cref="JourneyConcurrencyException">The journey is not at the expected version; nothing changed.</exception>
    /// <exception cref="JourneyRuleException">The journey refused the command; nothing changed.</exception>
    Task<long> ExecuteAsync(JourneyId id, long? expectedVersion, JourneyCommand command, CancellationToken cancellationToken);
}

/// <summary>A journey and every present warning of it (the Warnings view unfiltered, in its order).</summary>
/// <param name="Journey">The journey; read it, never change it.</param>
/// <param name="Warnings">Every present warning, in the Warnings view's order.</param>
internal sealed record JourneyReading(Journey Journey, IReadOnlyList<WarningViewItem> Warnings)
{
    /// <summary>The warnings that match a query, in the view's order (the same filter as <see cref="WarningEngine.View"/>).</summary>
    public IReadOnlyList<WarningViewItem> View(WarningQuery query)
    {
        var items = new List<WarningViewItem>();
        foreach (var item in Warnings)
        {
            if ((query.MinimumSeverity is { } min && item.Severity < min)
                || (query.Rule is { } rule && item.Key.Rule != rule)
                || (query.Phase is { } phase && item.PhaseId != phase)
                || (query.Owner is { } owner && item.Owner != owner)
                || (query.Team is { } team && item.Team != team)
                || (query.States is { } states && !states.Contains(item.State)))
            {
                continue;
            }

            items.Add(item);
        }

        return items;
    }
}
