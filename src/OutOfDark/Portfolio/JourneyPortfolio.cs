using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Warnings;

namespace OutOfDark.Portfolio;

/// <summary>
/// The journeys of a workspace as a portfolio: parent journeys and their children, activities linked to the
/// sub-journeys that detail them, deletion with a policy for children, and roll-ups of health, warnings and KPIs.
/// The checks that span journeys live here, over a store: a journey alone cannot know the others.
/// </summary>
/// <remarks>
/// <para>
/// A parent change is checked against the store's listing of parent links (<see cref="JourneySummary.ParentJourneyId"/>)
/// and then appended to the child's stream with its expected version. One portfolio runs its changes one at a time, so
/// two changes through it never close a cycle together. Changes made through several portfolios at once (several
/// processes) are checked against what each read: two opposite changes at the same moment can close a cycle, which the
/// roll-up then cuts (<see cref="JourneyRollup.Detached"/>) and the next change through a portfolio can repair.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate is a SemaphoreSlim whose wait handle is never asked for: it holds no unmanaged resource, and a portfolio lives as long as its host.")]
public sealed class JourneyPortfolio
{
    private readonly IJourneyStore _store;
    private readonly IWorkspaceWarnings? _health;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a portfolio over a store.</summary>
    /// <param name="store">The journeys.</param>
    /// <param name="health">
    /// The workspace read model whose health lines the roll-up reads (for example the SQL stores'
    /// <see cref="IWorkspaceWarningsSource.WorkspaceWarnings"/>); without it, roll-ups carry KPIs and counts of journeys only.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public JourneyPortfolio(IJourneyStore store, IWorkspaceWarnings? health = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _health = health ?? (store as IWorkspaceWarningsSource)?.WorkspaceWarnings;
    }

    /// <summary>
    /// Places a journey under a parent journey of the same workspace, moves it under another, or makes it top-level
    /// (<paramref name="parentJourneyId"/> <see langword="null"/>), and saves the change.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey to move.</param>
    /// <param name="parentJourneyId">Its new parent, or <see langword="null"/> for a top-level journey.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <param name="cancellationToken">Cancels the change; nothing is saved then.</param>
    /// <returns>The journey after the change (unchanged when it already had that parent).</returns>
    /// <exception cref="JourneyNotFoundException">The workspace has no such journey, or no such parent journey.</exception>
    /// <exception cref="JourneyCycleException">The parent is the journey itself or lies below it; nothing was saved.</exception>
    /// <exception cref="JourneyConcurrencyException">The journey changed while the change was made; nothing was saved.</exception>
    public async Task<Journey> SetParentAsync(WorkspaceId workspaceId, JourneyId journeyId, JourneyId? parentJourneyId, Actor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var summaries = await _store.ListAsync(workspaceId, cancellationToken).ConfigureAwait(false);
            var byId = summaries.ToDictionary(s => s.JourneyId);
            var journey = await _store.LoadAsync(workspaceId, journeyId, cancellationToken).ConfigureAwait(false);
            if (parentJourneyId is { } parent)
            {
                if (!byId.TryGetValue(parent, out var parentSummary))
                {
                    throw new JourneyNotFoundException($"Journey '{journey.Name}' ({journeyId}) cannot go under journey {parent}: workspace {workspaceId} has no such journey. A parent must be a journey of the same workspace.");
                }

                // Walk up from the parent asked for: meeting the journey itself means the change would close a cycle.
                var path = new List<JourneyId> { parent };
                var seen = new HashSet<JourneyId> { parent };
                var current = parentSummary;
                while (true)
                {
                    if (current.JourneyId == journeyId)
                    {
                        throw new JourneyCycleException(journeyId, journey.Name, parent, parentSummary.Name, path);
                    }

                    if (current.ParentJourneyId is not { } up || !byId.TryGetValue(up, out var next) || !seen.Add(up))
                    {
                        break;
                    }

                    path.Add(up);
                    current = next;
                }
            }

            journey.SetParent(actor, parentJourneyId, reason);
            await _store.SaveAsync(journey, cancellationToken).ConfigureAwait(false);
            return journey;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Links an activity to the sub-journey of the same workspace that details it, or removes the link (<paramref name="subJourneyId"/> <see langword="null"/>), and saves the change.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey holding the activity.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="subJourneyId">The journey that details the activity, or <see langword="null"/> to remove the link.</param>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <param name="cancellationToken">Cancels the change; nothing is saved then.</param>
    /// <returns>The journey after the change.</returns>
    /// <exception cref="JourneyNotFoundException">The workspace has no such journey, or no such sub-journey.</exception>
    /// <exception cref="JourneyRuleException">The activity does not exist, or the sub-journey is the journey itself; nothing was saved.</exception>
    /// <exception cref="JourneyConcurrencyException">The journey changed while the change was made; nothing was saved.</exception>
    public async Task<Journey> LinkSubJourneyAsync(WorkspaceId workspaceId, JourneyId journeyId, ActivityId activityId, JourneyId? subJourneyId, Actor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        var journey = await _store.LoadAsync(workspaceId, journeyId, cancellationToken).ConfigureAwait(false);
        if (subJourneyId is { } sub && sub != journeyId)
        {
            var summaries = await _store.ListAsync(workspaceId, cancellationToken).ConfigureAwait(false);
            if (!summaries.Any(s => s.JourneyId == sub))
            {
                var name = journey.TryGetActivity(activityId, out var activity) ? $"'{activity.Name}'" : activityId.ToString();
                throw new JourneyNotFoundException($"Activity {name} of journey '{journey.Name}' cannot link to sub-journey {sub}: workspace {workspaceId} has no such journey. A sub-journey must be a journey of the same workspace.");
            }
        }

        journey.LinkSubJourney(actor, activityId, subJourneyId, reason);
        await _store.SaveAsync(journey, cancellationToken).ConfigureAwait(false);
        return journey;
    }

    /// <summary>
    /// Deletes a journey and its history, doing with its child journeys what <paramref name="children"/> says.
    /// Activities of other journeys that link to a deleted journey keep the link (their history refers to it); the
    /// roll-up ignores it, and <see cref="Journey.LinkSubJourney"/> with <see langword="null"/> removes it.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="children">
    /// <see cref="ChildJourneyPolicy.Refuse"/> (the default) refuses while children exist; <see cref="ChildJourneyPolicy.Detach"/>
    /// makes each child top-level first (with <paramref name="actor"/> and <paramref name="reason"/> in its history);
    /// <see cref="ChildJourneyPolicy.Cascade"/> deletes every journey below too, deepest first, so that a failure
    /// part-way leaves no journey under a deleted parent.
    /// </param>
    /// <param name="actor">Who deletes it; recorded in the children's history when they are detached.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <param name="cancellationToken">Cancels the deletion between journeys.</param>
    /// <returns>The journeys deleted, deepest first; empty when the journey did not exist.</returns>
    /// <exception cref="JourneyHasChildrenException">The policy is <see cref="ChildJourneyPolicy.Refuse"/> and the journey has children; nothing changed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="children"/> is not a defined policy.</exception>
    public async Task<IReadOnlyList<JourneyId>> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, ChildJourneyPolicy children, Actor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(children))
        {
            throw new ArgumentOutOfRangeException(nameof(children), children, "Choose ChildJourneyPolicy.Refuse, Detach or Cascade.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var summaries = await _store.ListAsync(workspaceId, cancellationToken).ConfigureAwait(false);
            if (summaries.FirstOrDefault(s => s.JourneyId == journeyId) is not { } target)
            {
                return [];
            }

            var kids = summaries.Where(s => s.ParentJourneyId == journeyId && s.JourneyId != journeyId).ToList();
            var deleted = new List<JourneyId>();
            switch (children)
            {
                case ChildJourneyPolicy.Refuse when kids.Count > 0:
                    throw new JourneyHasChildrenException(journeyId, target.Name, kids.Select(k => (k.JourneyId, k.Name)).ToList());
                case ChildJourneyPolicy.Detach:
                    foreach (var kid in kids)
                    {
                        var child = await _store.LoadAsync(workspaceId, kid.JourneyId, cancellationToken).ConfigureAwait(false);
                        child.SetParent(actor, null, reason ?? $"parent journey '{target.Name}' was deleted");
                        await _store.SaveAsync(child, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case ChildJourneyPolicy.Cascade:
                    foreach (var below in DescendantsDeepestFirst(summaries, journeyId))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (await _store.DeleteAsync(workspaceId, below, cancellationToken).ConfigureAwait(false))
                        {
                            deleted.Add(below);
                        }

                        if (_health is not null)
                        {
                            await _health.RemoveJourneyAsync(workspaceId, below, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    break;
            }

            if (await _store.DeleteAsync(workspaceId, journeyId, cancellationToken).ConfigureAwait(false))
            {
                deleted.Add(journeyId);
            }

            if (_health is not null)
            {
                await _health.RemoveJourneyAsync(workspaceId, journeyId, cancellationToken).ConfigureAwait(false);
            }

            return deleted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Rolls up the workspace: parent links from the store's listing, health and open warning counts from the workspace
    /// read model (when the portfolio has one), KPIs from each journey's metric widgets (which loads every journey).
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the roll-up.</param>
    /// <returns>The roll-up; see <see cref="PortfolioRollup"/> for what is summed and what is not.</returns>
    public async Task<PortfolioRollup> RollUpAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default)
    {
        var summaries = await _store.ListAsync(workspaceId, cancellationToken).ConfigureAwait(false);
        var health = new Dictionary<JourneyId, JourneyHealth>();
        if (_health is not null)
        {
            foreach (var line in await _health.ListHealthAsync(workspaceId, cancellationToken).ConfigureAwait(false))
            {
                health[line.JourneyId] = line.Health;
            }
        }

        var journeys = new List<PortfolioJourney>(summaries.Count);
        foreach (var summary in summaries)
        {
            IReadOnlyList<KpiReading> kpis;
            try
            {
                kpis = KpiReading.Of(await _store.LoadAsync(workspaceId, summary.JourneyId, cancellationToken).ConfigureAwait(false));
            }
            catch (JourneyNotFoundException)
            {
                // Deleted between the listing and the load: it is no longer part of the workspace.
                continue;
            }

            journeys.Add(new PortfolioJourney(summary.JourneyId, summary.Name, summary.ParentJourneyId, health.GetValueOrDefault(summary.JourneyId), kpis));
        }

        return PortfolioRollup.Compute(journeys);
    }

    private static List<JourneyId> DescendantsDeepestFirst(IReadOnlyList<JourneySummary> summaries, JourneyId root)
    {
        var children = summaries.Where(s => s.ParentJourneyId is not null).ToLookup(s => s.ParentJourneyId!.Value, s => s.JourneyId);
        var order = new List<JourneyId>();
        var seen = new HashSet<JourneyId> { root };
        var stack = new Stack<JourneyId>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var child in children[stack.Pop()])
            {
                if (seen.Add(child))
                {
                    order.Add(child);
                    stack.Push(child);
                }
            }
        }

        // Preorder puts each parent before its children; reversed, every journey is deleted before its parent.
        order.Reverse();
        return order;
    }
}
