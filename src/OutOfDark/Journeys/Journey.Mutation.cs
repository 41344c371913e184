using System.Collections.Generic;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

public sealed partial class Journey
{
    /// <summary>Changes the state for a validated event. The only place the journey's state changes.</summary>
    private void Mutate(JourneyEvent e)
    {
        switch (e)
        {
            case JourneyCreated x:
                (Id, WorkspaceId, Name, Description, Owner, State) = (e.JourneyId, x.WorkspaceId, x.Name, x.Description, x.Owner, x.State);
                CreatedAt = e.OccurredAt;
                _created = true;
                break;
            case JourneyRenamed x:
                Name = x.Name;
                break;
            case JourneyDescriptionChanged x:
                Description = x.Description;
                break;
            case JourneyOwnerChanged x:
                Owner = x.Owner;
                break;
            case JourneyStateChanged x:
                State = x.State;
                break;
            case JourneyParentChanged x:
                ParentJourneyId = x.ParentJourneyId;
                break;
            case SubJourneyLinked x:
                Touch(x.ActivityId, e, a => a with { SubJourneyId = x.SubJourneyId });
                break;
            case PhaseAdded x:
                _phases.Insert(x.Position, new Phase(x.PhaseId, x.Name, x.CustomerGoal));
                break;
            case PhaseChanged x:
                _phases[PhaseIndex(x.PhaseId)] = _phases[PhaseIndex(x.PhaseId)] with { Name = x.Name, CustomerGoal = x.CustomerGoal };
                break;
            case PhaseMoved x:
                {
                    var index = PhaseIndex(x.PhaseId);
                    var phase = _phases[index];
                    _phases.RemoveAt(index);
                    _phases.Insert(x.Position, phase);
                    break;
                }

            case PhaseRemoved x:
                _phases.RemoveAt(PhaseIndex(x.PhaseId));
                _activityCountByPhase.Remove(x.PhaseId);
                ForgetWarnings(WarningSubject.For(x.PhaseId));
                break;
            case PersonaAdded x:
                _personas.Add(new Persona(x.PersonaId, x.Name, x.Description));
                break;
            case PersonaChanged x:
                _personas[_personas.FindIndex(p => p.Id == x.PersonaId)] = new Persona(x.PersonaId, x.Name, x.Description);
                break;
            case PersonaMoved x:
                {
                    var index = _personas.FindIndex(p => p.Id == x.PersonaId);
                    var persona = _personas[index];
                    _personas.RemoveAt(index);
                    _personas.Insert(x.Position, persona);
                    break;
                }

            case PersonaRemoved x:
                _personas.RemoveAt(_personas.FindIndex(p => p.Id == x.PersonaId));
                break;
            case ActivityAdded x:
                _activities.Add(x.ActivityId, new Activity
                {
                    Id = x.ActivityId,
                    PhaseId = x.PhaseId,
                    ParentId = x.ParentId,
                    Name = x.Name,
                    Kind = x.Kind,
                    Details = x.Details,
                    CreatedAt = e.OccurredAt,
                    LastChangedAt = e.OccurredAt,
                });
                (x.ParentId is { } parent ? ChildList(parent) : _roots).Add(x.ActivityId);
                _activityCountByPhase[x.PhaseId] = _activityCountByPhase.GetValueOrDefault(x.PhaseId) + 1;
                _preorder = null;
                break;
            case ActivityChanged x:
                Touch(x.ActivityId, e, a => a with { Name = x.Name, Kind = x.Kind, Details = x.Details });
                break;
            case ActivityMoved x:
                {
                    var activity = _activities[x.ActivityId];
                    (activity.ParentId is { } oldParent ? _children[oldParent] : _roots).Remove(x.ActivityId);
                    (x.ParentId is { } newParent ? ChildList(newParent) : _roots).Add(x.ActivityId);
                    Touch(x.ActivityId, e, a => a with { ParentId = x.ParentId });
                    if (activity.PhaseId != x.PhaseId)
                    {
                        MoveSubtreeToPhase(x.ActivityId, x.PhaseId);
                    }

                    _preorder = null;
                    break;
                }

            case ActivityReordered x:
                MutateActivityReordered(x);
                Touch(x.ActivityId, e, a => a);
                break;
            case ActivityRemoved x:
                RemoveSubtree(x.ActivityId);
                break;
            case FlowAdded x:
                MutateFlowAdded(x);
                break;
            case FlowRemoved x:
                {
                    var flow = FindFlow(x.FlowId)!;
                    _flows.Remove(flow);
                    _flowsById.Remove(flow.Id);
                    _flowsFrom[flow.From].Remove(flow);
                    _flowsTo[flow.To].Remove(flow);
                    break;
                }

            case WidgetAdded x:
                _widgetOwners.Add(x.Widget.Id, x.ActivityId);
                Touch(x.ActivityId, e, a => a with { Widgets = a.Widgets.Add(x.Widget) });
                break;
            case WidgetChanged x:
                ReplaceWidget(x.ActivityId, x.Widget.Id, e, _ => x.Widget);
                break;
            case WidgetMoved x:
                Touch(x.ActivityId, e, a => a with { Widgets = a.Widgets.Move(a.Widgets.FindIndex(w => w.Id == x.WidgetId), x.Position) });
                break;
            case WidgetRemoved x:
                _widgetOwners.Remove(x.WidgetId);
                ForgetWarnings(WarningSubject.For(x.WidgetId));
                ForgetRuleSettings(k => k.Metric == x.WidgetId);
                Touch(x.ActivityId, e, a => a with { Widgets = a.Widgets.RemoveAt(a.Widgets.FindIndex(w => w.Id == x.WidgetId)) });
                break;
            case ObservationRecorded x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => (MetricWidget)w with { Observations = ((MetricWidget)w).Observations.Add(new Observation(x.Date, x.Value)) });
                break;
            case ObservationCorrected x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => (MetricWidget)w with { Observations = ((MetricWidget)w).Observations.Replace(new Observation(x.Date, x.Value)) });
                break;
            case ObservationRemoved x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => (MetricWidget)w with { Observations = ((MetricWidget)w).Observations.Remove(x.Date) });
                break;
            case MeasurementRecorded x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => WithSeries((MetricWidget)w, x.Segment, s => s.Add(x.ToObservation())));
                break;
            case MeasurementCorrected x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => WithSeries((MetricWidget)w, x.Segment, s => s.Replace(x.ToObservation())));
                break;
            case MeasurementRemoved x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => WithSeries((MetricWidget)w, x.Segment, s => s.Remove(x.Date)));
                break;
            case KpiAdded x:
                AddKpi(x.PhaseId, x.Metric, x.Position);
                break;
            case KpiChanged x:
                ChangeKpis(x.PhaseId, list => list[list.FindIndex(m => m.Id == x.Metric.Id)] = x.Metric);
                break;
            case KpiMoved x:
                ChangeKpis(x.PhaseId, list =>
                {
                    var index = list.FindIndex(m => m.Id == x.WidgetId);
                    var metric = list[index];
                    list.RemoveAt(index);
                    list.Insert(x.Position, metric);
                });
                break;
            case KpiRemoved x:
                ChangeKpis(x.PhaseId, list => list.RemoveAt(list.FindIndex(m => m.Id == x.WidgetId)));
                _kpiOwners.Remove(x.WidgetId);
                ForgetWarnings(WarningSubject.For(x.WidgetId));
                ForgetRuleSettings(k => k.Metric == x.WidgetId);
                break;
            case KpiMeasurementRecorded x:
                ChangeKpi(x.PhaseId, x.WidgetId, m => WithSeries(m, x.Segment, s => s.Add(x.ToObservation())));
                break;
            case KpiMeasurementCorrected x:
                ChangeKpi(x.PhaseId, x.WidgetId, m => WithSeries(m, x.Segment, s => s.Replace(x.ToObservation())));
                break;
            case KpiMeasurementRemoved x:
                ChangeKpi(x.PhaseId, x.WidgetId, m => WithSeries(m, x.Segment, s => s.Remove(x.Date)));
                break;
            case FeedbackRecorded x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => (FeedbackWidget)w with { Entries = ((FeedbackWidget)w).Entries.Add(x.Entry) });
                break;
            case FeedbackRemoved x:
                ReplaceWidget(x.ActivityId, x.WidgetId, e, w => (FeedbackWidget)w with { Entries = ((FeedbackWidget)w).Entries.RemoveAt(x.Index) });
                RenumberFeedbackLinks(x.WidgetId, x.Index);
                break;
            case WarningAcknowledged x:
                SetWarning(new WarningStatus(x.Warning, WarningHandling.Acknowledged, e.Actor, e.OccurredAt, x.Note, null));
                break;
            case WarningSnoozed x:
                SetWarning(new WarningStatus(x.Warning, WarningHandling.Snoozed, e.Actor, e.OccurredAt, x.Note, x.Until));
                break;
            case WarningResolved x:
                SetWarning(new WarningStatus(x.Warning, WarningHandling.Resolved, e.Actor, e.OccurredAt, x.Note, null));
                break;
            case WarningReopened x:
                SetWarning(new WarningStatus(x.Warning, WarningHandling.Reopened, e.Actor, e.OccurredAt, x.Note, null));
                break;
            case RuleSettingsChanged x:
                SetRuleSettings((x.Rule, x.Activity, x.Metric), x.Current is { } current ? new RuleSettingsEntry(x.Rule, x.Activity, x.Metric, current, e.Actor, e.OccurredAt, e.Reason) : null);
                break;
            case JourneyPaired or JourneyUnpaired or ActivityMatched or ActivityUnmatched:
                MutatePairingEvent(e);
                break;
            case LaneAdded or LaneChanged or LaneRemoved:
                MutateLane(e);
                break;
            case ActivityLaneChanged x:
                Touch(x.ActivityId, e, a => a with { Lane = x.LaneId });
                break;
            case OpportunityAdded or OpportunityChanged or OpportunityScored or OpportunityLinked or OpportunityUnlinked or OpportunityRemoved:
                MutateOpportunity(e);
                break;
        }

        if (_opportunities.Count > 0 && e is ActivityRemoved or WidgetRemoved or WidgetChanged or PhaseRemoved)
        {
            // A link never outlives what it names: removing an activity, widget or phase removes the links to it.
            PruneOpportunityLinks();
        }

        LastChangedAt = e.OccurredAt;
        Version++;
    }

    private void AddKpi(PhaseId? phaseId, MetricWidget metric, int position)
    {
        _kpiOwners.Add(metric.Id, phaseId);
        ChangeKpis(phaseId, list => list.Insert(position, metric));
    }

    /// <summary>Changes the journey's metric list, or a phase's (which is immutable, so it is copied and the phase replaced).</summary>
    private void ChangeKpis(PhaseId? phaseId, System.Action<List<MetricWidget>> change)
    {
        if (phaseId is not { } p)
        {
            change(_journeyMetrics);
            return;
        }

        var index = PhaseIndex(p);
        var list = new List<MetricWidget>(_phases[index].Metrics);
        change(list);
        _phases[index] = _phases[index] with { Metrics = ValueList<MetricWidget>.From(list) };
    }

    private void ChangeKpi(PhaseId? phaseId, WidgetId id, System.Func<MetricWidget, MetricWidget> change) =>
        ChangeKpis(phaseId, list =>
        {
            var index = list.FindIndex(m => m.Id == id);
            list[index] = change(list[index]);
        });

    /// <summary>
    /// Puts an activity at its new index among its siblings (same parent, same phase). The parent's child list also
    /// holds children in other phases; they keep their places, and the activity goes just before the sibling now at
    /// that index (or just after the last sibling).
    /// </summary>
    private void MutateActivityReordered(ActivityReordered x)
    {
        var all = _activities[x.ActivityId].ParentId is { } parent ? _children[parent] : _roots;
        var siblings = SiblingIds(x.ActivityId);
        siblings.Remove(x.ActivityId);
        var was = all.IndexOf(x.ActivityId);
        all.RemoveAt(was);
        var at = siblings.Count == 0 ? was
            : x.Position < siblings.Count ? all.IndexOf(siblings[x.Position])
            : all.IndexOf(siblings[^1]) + 1;
        all.Insert(at, x.ActivityId);
        _preorder = null;
    }

    private void Touch(ActivityId id, JourneyEvent e, System.Func<Activity, Activity> change) =>
        _activities[id] = change(_activities[id]) with { LastChangedAt = e.OccurredAt };

    /// <summary>The metric with one segment's series changed; a segment whose series becomes empty is dropped.</summary>
    private static MetricWidget WithSeries(MetricWidget metric, Segment segment, System.Func<ObservationSeries, ObservationSeries> change)
    {
        if (segment.IsAll)
        {
            return metric with { Observations = change(metric.Observations) };
        }

        var index = metric.Segments.FindIndex(s => s.Segment.Equals(segment));
        if (index < 0)
        {
            return metric with { Segments = metric.Segments.Add(new SegmentSeries(segment, change(ObservationSeries.Empty))) };
        }

        var series = change(metric.Segments[index].Observations);
        return metric with
        {
            Segments = series.Count == 0 ? metric.Segments.RemoveAt(index) : metric.Segments.SetItem(index, new SegmentSeries(segment, series)),
        };
    }

    private void ReplaceWidget(ActivityId activityId, WidgetId widgetId, JourneyEvent e, System.Func<Widget, Widget> change) =>
        Touch(activityId, e, a =>
        {
            var index = a.Widgets.FindIndex(w => w.Id == widgetId);
            return a with { Widgets = a.Widgets.SetItem(index, change(a.Widgets[index])) };
        });

    private void MutateFlowAdded(FlowAdded x)
    {
        var flow = new Flow(x.FlowId, x.From, x.To, x.Label);
        _flows.Add(flow);
        _flowsById.Add(flow.Id, flow);
        AddTo(_flowsFrom, x.From, flow);
        AddTo(_flowsTo, x.To, flow);

        static void AddTo(Dictionary<ActivityId, List<Flow>> index, ActivityId key, Flow flow)
        {
            if (!index.TryGetValue(key, out var list))
            {
                list = [];
                index.Add(key, list);
            }

            list.Add(flow);
        }
    }

    /// <summary>Moves an activity and its descendants to a phase: a child lives in its parent's phase.</summary>
    private void MoveSubtreeToPhase(ActivityId root, PhaseId phaseId)
    {
        var stack = new Stack<ActivityId>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            var activity = _activities[id];
            _activityCountByPhase[activity.PhaseId]--;
            _activityCountByPhase[phaseId] = _activityCountByPhase.GetValueOrDefault(phaseId) + 1;
            _activities[id] = activity with { PhaseId = phaseId };
            if (_children.TryGetValue(id, out var children))
            {
                foreach (var child in children)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private void RemoveSubtree(ActivityId root)
    {
        var removed = new List<ActivityId>();
        var stack = new Stack<ActivityId>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            removed.Add(id);
            if (_children.Remove(id, out var children))
            {
                foreach (var child in children)
                {
                    stack.Push(child);
                }
            }
        }

        var top = _activities[root];
        (top.ParentId is { } parent ? _children[parent] : _roots).Remove(root);
        var gone = new HashSet<ActivityId>(removed);
        ForgetMatches(gone);
        foreach (var id in removed)
        {
            var activity = _activities[id];
            foreach (var widget in activity.Widgets.AsSpan())
            {
                _widgetOwners.Remove(widget.Id);
                if (widget is MetricWidget)
                {
                    ForgetWarnings(WarningSubject.For(widget.Id));
                }
            }

            if (_ruleSettings.Count > 0)
            {
                ForgetRuleSettings(k => k.Activity == id || (k.Metric is { } m && activity.Widgets.FindIndex(w => w.Id == m) >= 0));
            }

            _activityCountByPhase[activity.PhaseId]--;
            _activities.Remove(id);
            _flowsFrom.Remove(id);
            _flowsTo.Remove(id);
            ForgetWarnings(WarningSubject.For(id));
        }

        foreach (var flow in _flows)
        {
            if (gone.Contains(flow.From) || gone.Contains(flow.To))
            {
                _flowsById.Remove(flow.Id);
            }
        }

        _flows.RemoveAll(f => gone.Contains(f.From) || gone.Contains(f.To));
        foreach (var list in _flowsFrom.Values)
        {
            list.RemoveAll(f => gone.Contains(f.To));
        }

        foreach (var list in _flowsTo.Values)
        {
            list.RemoveAll(f => gone.Contains(f.From));
        }

        _preorder = null;
    }

    private void SetWarning(WarningStatus status)
    {
        if (status.Key.Subject.Kind == SubjectKind.Activity && LegacyMetricRules.Contains(status.Key.Rule))
        {
            // Before warnings were raised per KPI, metric rules raised one warning per activity. A status recorded on
            // such a warning (in events written then) applies to each metric the activity holds at that point.
            foreach (var widget in _activities[new ActivityId(status.Key.Subject.Id)].Widgets.AsSpan())
            {
                if (widget is MetricWidget)
                {
                    SetWarning(status with { Key = new WarningKey(status.Key.Rule, WarningSubject.For(widget.Id)) });
                }
            }

            return;
        }

        if (!_warnings.ContainsKey(status.Key))
        {
            _warningOrder.Add(status.Key);
        }

        _warnings[status.Key] = status;
    }

    private void SetRuleSettings((RuleId, ActivityId?, WidgetId?) key, RuleSettingsEntry? entry)
    {
        if (entry is null)
        {
            _ruleSettings.Remove(key);
            _ruleSettingsOrder.Remove(key);
        }
        else
        {
            if (!_ruleSettings.ContainsKey(key))
            {
                _ruleSettingsOrder.Add(key);
            }

            _ruleSettings[key] = entry;
        }

        _ruleSettingsLayer = null;
    }

    /// <summary>Drops the settings of a removed activity or KPI: they cannot apply to anything any more.</summary>
    private void ForgetRuleSettings(System.Predicate<(RuleId Rule, ActivityId? Activity, WidgetId? Metric)> gone)
    {
        if (_ruleSettingsOrder.RemoveAll(gone) > 0)
        {
            foreach (var key in new List<(RuleId, ActivityId?, WidgetId?)>(_ruleSettings.Keys))
            {
                if (gone(key))
                {
                    _ruleSettings.Remove(key);
                }
            }

            _ruleSettingsLayer = null;
        }
    }

    private void ForgetWarnings(WarningSubject subject)
    {
        if (_warningOrder.RemoveAll(k => k.Subject == subject) > 0)
        {
            foreach (var key in new List<WarningKey>(_warnings.Keys))
            {
                if (key.Subject == subject)
                {
                    _warnings.Remove(key);
                }
            }
        }
    }
}
