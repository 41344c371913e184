using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Warnings;

/// <summary>
/// The workspace read model: one row per present warning of every journey of a workspace, and one health line per
/// journey, kept up to date from the journeys' evaluations so the workspace-wide Warnings view is a query, never a load
/// of every journey.
/// </summary>
/// <remarks>
/// <para>
/// Writers apply a <see cref="WorkspaceWarningUpdate"/> after each evaluation (made by a
/// <see cref="WorkspaceWarningProjector"/>); an update is applied whole or not at all. The view is as fresh as the
/// last update of each journey: a host that writes updates where it saves commands, plus the due-recheck service for
/// time-based rules, keeps it current. Pages are by offset (<see cref="WorkspaceWarningQuery.Offset"/>).
/// </para>
/// <para>
/// The view's order, the workspace version of the journey Warnings view's: severity (critical first); how far past its
/// limit (farthest first, rows without a limit after those with one); raised at (earliest first); journey id (as
/// lower-case text, ordinal); map order (phase index, then the activity's preorder index, the journey itself first);
/// rule id (ordinal); subject id (as lower-case text, ordinal). The order is total, so offset pages neither repeat nor
/// skip rows while nothing changes.
/// </para>
/// <para>Implementations must be safe to call from several threads at once; every call is scoped by workspace.</para>
/// </remarks>
public interface IWorkspaceWarnings
{
    /// <summary>
    /// Applies one journey's update: writes its rows and health line, removes its cleared warnings. An update about an
    /// older journey version than the stored health line's is ignored, so a slower writer never overwrites a newer one;
    /// updates of one journey from several writers are applied one at a time.
    /// </summary>
    /// <param name="update">The update.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is changed then.</param>
    /// <returns>A task that completes when the update is stored.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="update"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">A row belongs to another workspace or journey than the update's health line.</exception>
    Task ApplyAsync(WorkspaceWarningUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Removes a journey's rows and health line, for example after the journey was deleted.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the rows are gone.</returns>
    Task RemoveJourneyAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the workspace's Warnings view. Its cost grows with the offset, not with the rows matching: ask for
    /// the totals with <see cref="CountAsync"/> when the filters change, not with every page.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, in the view's order (see the remarks of <see cref="IWorkspaceWarnings"/>).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    Task<WorkspaceWarningPage> QueryAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The totals of a filtered view: how many rows match every filter, and per severity how many match every filter but
    /// the severity one (for a view's severity tabs). Paging is ignored. Counts every matching row.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    Task<WorkspaceWarningCounts> CountAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, CancellationToken cancellationToken = default);

    /// <summary>The health line of each journey of the workspace, the least healthy first (score, then journey id).</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The lines.</returns>
    Task<IReadOnlyList<WorkspaceJourneyHealth>> ListHealthAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default);
}
