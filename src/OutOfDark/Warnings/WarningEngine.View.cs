using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace OutOfDark.Warnings;

/// <content>The Warnings view: present warnings with their lifecycle state, in the order a manager works through them.</content>
public sealed partial class WarningEngine
{
    /// <summary>
    /// The Warnings view: present warnings with their lifecycle state, in the order a manager works through them. An
    /// engine that has never evaluated, or whose <see cref="Settings"/> changed since it last evaluated, evaluates
    /// first (as <see cref="Refresh(System.Threading.CancellationToken)"/> would, reporting to observers); otherwise
    /// the view shows the results of the last evaluation.
    /// </summary>
    /// <param name="query">The filter; every present warning when omitted.</param>
    /// <returns>
    /// The matching warnings, ordered by:
    /// <list type="number">
    /// <item><description>severity, critical first;</description></item>
    /// <item><description>how far past its limit (<see cref="Warning.PastLimit"/>, relative distance past the threshold),
    /// farthest first — warnings that compare a value with a limit come before those that do not;</description></item>
    /// <item><description>how long open: the earliest <see cref="Warning.RaisedAt"/> first;</description></item>
    /// <item><description>map order: the journey itself, then phase by phase the phase and its activities in the
    /// activity map's preorder (parents before children, siblings in order), an activity's own warnings before those
    /// of its metrics, and its metrics in widget order;</description></item>
    /// <item><description>rule id, as a last tie-break.</description></item>
    /// </list>
    /// </returns>
    /// <exception cref="WarningRuleException">The first evaluation ran, a rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    public IReadOnlyList<WarningViewItem> View(WarningQuery? query = null)
    {
        query ??= WarningQuery.All;
        EnsureEvaluated();
        var now = _clock.GetCurrentInstant();
        var items = new List<WarningViewItem>();
        foreach (var (slot, warning) in _warnings)
        {
            if (query.MinimumSeverity is { } min && warning.Severity < min)
            {
                continue;
            }

            if (query.Rule is { } rule && warning.Key.Rule != rule)
            {
                continue;
            }

            var (name, phase, owner, team, activity, metric) = Describe(warning.Key.Subject);
            if ((query.Phase is { } p && phase != p) || (query.Owner is { } o && owner != o) || (query.Team is { } t && team != t))
            {
                continue;
            }

            var (state, status) = StateOf(slot, warning, now);
            if (query.States is { } states && !states.Contains(state))
            {
                continue;
            }

            items.Add(new WarningViewItem(warning, state, status, name, phase, owner, team) { ActivityId = activity, Metric = metric });
        }

        if (items.Count > 1)
        {
            var order = new ViewOrder(_journey, items);
            items.Sort(order.Compare);
        }

        return items;
    }

    /// <summary>Where one present warning stands in the Warnings view. An engine that has never evaluated, or whose settings changed since, evaluates first.</summary>
    /// <param name="key">The warning.</param>
    /// <returns>The state, or <see langword="null"/> when the warning is not present.</returns>
    /// <exception cref="WarningRuleException">The first evaluation ran, a rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    public WarningState? StateOf(WarningKey key)
    {
        EnsureEvaluated();
        if (!_ruleIndex.TryGetValue(key.Rule, out var rule) || !_warnings.TryGetValue(new Slot(rule, key.Subject), out var warning))
        {
            return null;
        }

        return StateOf(new Slot(rule, key.Subject), warning, _clock.GetCurrentInstant()).State;
    }

    // A settings change leaves a full evaluation pending: results from the old settings are not shown.
    private void EnsureEvaluated()
    {
        if (_evaluatedVersion < 0 || _needsFull)
        {
            Refresh();
        }
    }

    private (WarningState State, WarningStatus? Status) StateOf(Slot slot, Warning warning, Instant now)
    {
        var status = _journey.FindWarningStatus(warning.Key);
        if (status is null || (_episodeStarts.TryGetValue(slot, out var start) && status.At < start))
        {
            return (WarningState.Open, null);
        }

        return status.Handling switch
        {
            WarningHandling.Acknowledged => (WarningState.Acknowledged, status),
            WarningHandling.Resolved => (WarningState.Resolved, status),
            WarningHandling.Snoozed when status.SnoozedUntil is { } until && now < until => (WarningState.Snoozed, status),
            _ => (WarningState.Open, status),
        };
    }

    private (string Name, PhaseId? Phase, string? Owner, string? Team, ActivityId? Activity, string? Metric) Describe(WarningSubject subject)
    {
        switch (subject.Kind)
        {
            case SubjectKind.Activity when _journey.TryGetActivity(new ActivityId(subject.Id), out var activity):
                return (activity.Name, activity.PhaseId, activity.Details.Owner, activity.Details.Team, activity.Id, null);
            case SubjectKind.Metric when _journey.FindWidget(new WidgetId(subject.Id), out var owner) is MetricWidget metric:
                return (owner!.Name, owner.PhaseId, owner.Details.Owner, owner.Details.Team, owner.Id, metric.Title);
            case SubjectKind.Metric when _journey.FindKpi(new WidgetId(subject.Id), out var kpiPhase) is { } kpi:
                // A journey or phase KPI: the view names "journey › metric" or "phase › metric", with no activity.
                return kpiPhase is { } p
                    ? (_journey.FindPhase(p)!.Name, p, null, null, null, kpi.Title)
                    : (_journey.Name, null, _journey.Owner, null, null, kpi.Title);
            case SubjectKind.Phase when _journey.FindPhase(new PhaseId(subject.Id)) is { } phase:
                return (phase.Name, phase.Id, null, null, null, null);
            default:
                return (_journey.Name, null, null, null, null, null);
        }
    }

    /// <summary>The Warnings view's order; see <see cref="View"/>.</summary>
    private sealed class ViewOrder
    {
        private readonly Journey _journey;
        private readonly Dictionary<Guid, int>? _mapIndex;

        public ViewOrder(Journey journey, List<WarningViewItem> items)
        {
            _journey = journey;
            if (items.Exists(i => i.ActivityId is not null))
            {
                _mapIndex = new Dictionary<Guid, int>(journey.ActivityCount);
                var index = 0;
                foreach (var activity in journey.Activities)
                {
                    _mapIndex[activity.Id.Value] = index++;
                }
            }
        }

        public int Compare(WarningViewItem x, WarningViewItem y)
        {
            var c = y.Severity.CompareTo(x.Severity);
            if (c != 0)
            {
                return c;
            }

            c = (x.Warning.PastLimit, y.Warning.PastLimit) switch
            {
                ({ } a, { } b) => b.CompareTo(a),
                (not null, null) => -1,
                (null, not null) => 1,
                _ => 0,
            };
            if (c != 0)
            {
                return c;
            }

            c = x.Warning.RaisedAt.CompareTo(y.Warning.RaisedAt);
            if (c != 0)
            {
                return c;
            }

            c = MapPosition(x).CompareTo(MapPosition(y));
            return c != 0 ? c : string.CompareOrdinal(x.Key.Rule.Value, y.Key.Rule.Value);
        }

        private (int Phase, int Place, int Widget) MapPosition(WarningViewItem item)
        {
            var subject = item.Key.Subject;
            var phase = item.PhaseId is { } id ? _journey.PhaseIndex(id) : -1;
            return subject.Kind switch
            {
                SubjectKind.Activity => (phase, _mapIndex!.GetValueOrDefault(subject.Id, int.MaxValue), -1),
                SubjectKind.Metric when item.ActivityId is { } activity => (phase, _mapIndex!.GetValueOrDefault(activity.Value, int.MaxValue), WidgetIndex(activity, subject.Id)),
                SubjectKind.Metric => (phase, -1, KpiIndex(subject.Id)),
                SubjectKind.Phase => (phase, -1, -1),
                _ => (-1, -1, -1),
            };
        }

        private int KpiIndex(Guid widget)
        {
            var id = new WidgetId(widget);
            if (_journey.FindKpi(id, out var phase) is null)
            {
                return int.MaxValue;
            }

            IReadOnlyList<MetricWidget> list = phase is { } p ? _journey.FindPhase(p)!.Metrics : _journey.Metrics;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Id == id)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        private int WidgetIndex(ActivityId activity, Guid widget) =>
            _journey.TryGetActivity(activity, out var a) ? a.Widgets.FindIndex(w => w.Id.Value == widget) : int.MaxValue;
    }
}
