using Ardalis.GuardClauses;
using System.Collections.Generic;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>
/// Turns one engine's results into updates of the workspace read model (<see cref="IWorkspaceWarnings"/>): the first
/// projection holds every present warning of the journey; each later one only the rows that changed since the
/// previous projection and the warnings that cleared.
/// </summary>
/// <remarks>
/// Keep one projector beside each engine and project after each evaluation, before or in the same unit of work as the
/// save. Reads the engine's Warnings view (<see cref="WarningEngine.View"/>), so it costs one pass over the present
/// warnings and the activity map. Not thread-safe, like the engine.
/// <para>
/// Engines may disagree about a warning's state: one that saw the warning clear and come back starts a new episode and
/// says <see cref="WarningState.Open"/>, while one created afterwards (another host, a rebuilt engine) still applies the
/// previous episode's status. Each row carries when its status was recorded (<see cref="WorkspaceWarning.HandledAt"/>),
/// and the stores keep a stored open row open against a status recorded before the row's raise instant, the start of its
/// episode as the read model saw it (<see cref="WorkspaceWarningChecks.KeepEpisode"/>). So the engine that saw the new
/// episode wins whichever writes last; a status recorded in the new episode is written by any engine. A warning that
/// cleared and came back while no engine wrote to the read model keeps its old status, as in a fresh engine.
/// </para>
/// </remarks>
public sealed class WorkspaceWarningProjector
{
    private readonly WarningEngine _engine;
    private Dictionary<WarningKey, WorkspaceWarning>? _previous;

    /// <summary>Creates a projector for an engine.</summary>
    /// <param name="engine">The engine.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public WorkspaceWarningProjector(WarningEngine engine)
    {
        Guard.Against.Null(engine);
        _engine = engine;
    }

    /// <summary>The engine projected.</summary>
    public WarningEngine Engine => _engine;

    /// <summary>
    /// Projects the engine's current results (evaluating first if it never has). The first call replaces all of the
    /// journey's rows; later calls carry only the difference from the previous call.
    /// </summary>
    /// <param name="evaluatedAt">When the evaluation ran, written on the health line.</param>
    /// <returns>The update.</returns>
    /// <exception cref="WarningRuleException">The first evaluation ran, a rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    public WorkspaceWarningUpdate Project(Instant evaluatedAt) => Project(evaluatedAt, replaceAll: false);

    /// <summary>
    /// Projects the engine's current results as an update that replaces all of the journey's rows, whatever was
    /// projected before: for a writer that cannot know what others wrote since (another host, the due-recheck service).
    /// </summary>
    /// <param name="evaluatedAt">When the evaluation ran, written on the health line.</param>
    /// <returns>The update, with <see cref="WorkspaceWarningUpdate.ReplacesAll"/> set.</returns>
    /// <exception cref="WarningRuleException">The first evaluation ran, a rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    public WorkspaceWarningUpdate ProjectAll(Instant evaluatedAt) => Project(evaluatedAt, replaceAll: true);

    private WorkspaceWarningUpdate Project(Instant evaluatedAt, bool replaceAll)
    {
        var journey = _engine.Journey;
        var view = _engine.View();
        var rows = Rows(journey, view);
        var health = new WorkspaceJourneyHealth(journey.WorkspaceId, journey.Id, journey.Name, JourneyAnalytics.Health(journey, view), journey.Version, evaluatedAt);
        var previous = _previous;
        _previous = rows;
        if (previous is null || replaceAll)
        {
            return new WorkspaceWarningUpdate(health, true, [.. rows.Values], []);
        }

        var upserts = new List<WorkspaceWarning>();
        foreach (var (key, row) in rows)
        {
            if (!previous.TryGetValue(key, out var before) || before != row)
            {
                upserts.Add(row);
            }
        }

        var removals = new List<WarningKey>();
        foreach (var key in previous.Keys)
        {
            if (!rows.ContainsKey(key))
            {
                removals.Add(key);
            }
        }

        return new WorkspaceWarningUpdate(health, false, upserts, removals);
    }

    /// <summary>Every present warning of an engine as read-model rows, for example to check a read model against a full evaluation.</summary>
    /// <param name="engine">The engine; evaluated first if it never has.</param>
    /// <returns>The rows, in no particular order.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public static IReadOnlyCollection<WorkspaceWarning> RowsOf(WarningEngine engine)
    {
        Guard.Against.Null(engine);
        return Rows(engine.Journey, engine.View()).Values;
    }

    private static Dictionary<WarningKey, WorkspaceWarning> Rows(Journey journey, IReadOnlyList<WarningViewItem> view)
    {
        var rows = new Dictionary<WarningKey, WorkspaceWarning>(view.Count);
        Dictionary<System.Guid, int>? mapIndex = null;
        foreach (var item in view)
        {
            var phaseIndex = item.PhaseId is { } phaseId ? journey.PhaseIndex(phaseId) : -1;
            var place = -1;
            if (item.ActivityId is { } activity)
            {
                // An activity's own warnings and its metrics' take the activity's place in the map.
                mapIndex ??= MapIndex(journey);
                place = mapIndex.GetValueOrDefault(activity.Value, int.MaxValue);
            }

            var snoozedUntil = item.State == WarningState.Snoozed ? item.Status?.SnoozedUntil : null;
            rows[item.Key] = new WorkspaceWarning(
                journey.WorkspaceId,
                journey.Id,
                journey.Name,
                item.Key,
                item.Severity,
                item.State,
                snoozedUntil,
                // A metric's row names the metric and where it sits ("Checkout completion on Checkout"): the read model
                // keeps one name per row, and a workspace list of "Checkout" twice would not say which KPI is failing.
                item.FullSubjectName,
                item.PhaseId,
                item.PhaseId is { } id ? journey.FindPhase(id)?.Name : null,
                item.Owner,
                item.Team,
                item.Message,
                item.Warning.RaisedAt,
                item.Warning.PastLimit,
                phaseIndex,
                place)
            {
                HandledAt = item.Status?.At,
            };
        }

        return rows;
    }

    private static Dictionary<System.Guid, int> MapIndex(Journey journey)
    {
        var index = new Dictionary<System.Guid, int>(journey.ActivityCount);
        var i = 0;
        foreach (var activity in journey.Activities)
        {
            index[activity.Id.Value] = i++;
        }

        return index;
    }
}
