using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NodaTime;
using OutOfDark.Events;

namespace OutOfDark.Warnings;

/// <content>Evaluation: which subjects a full or incremental evaluation checks, and one rule's check of one subject.</content>
public sealed partial class WarningEngine
{
    /// <summary>Evaluates what the events from <paramref name="from"/> on touch (an offset, so that a refresh copies no events).</summary>
    private WarningEvaluation Incremental(IReadOnlyList<JourneyEvent> events, int from, CancellationToken cancellationToken)
    {
        SyncJourneySettings();
        HashSet<int>? settingsEverywhere = null;
        List<Slot>? settingsSubjects = null;
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_options.Zone).Date;
        // The batch and the sets are kept between refreshes, so that a refresh after one event allocates next to nothing.
        var batch = _incrementalBatch ??= new Batch(full: false, capacity: 16);
        batch.Reset();
        var dirty = _dirty.Count > 1024 ? _dirty = [] : _dirty;
        dirty.Clear();
        var evaluated = _evaluated.Count > 1024 ? _evaluated = [] : _evaluated;
        evaluated.Clear();
        var dirtyMetrics = _dirtyMetrics.Count > 1024 ? _dirtyMetrics = [] : _dirtyMetrics;
        dirtyMetrics.Clear();
        bool structural = false, everyActivity = false, flowsEverywhere = false, removals = false, phaseRemovals = false, metricRemovals = false;
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            switch (e)
            {
                case WarningAcknowledged or WarningSnoozed or WarningResolved or WarningReopened:
                    // Lifecycle only changes the view, which reads statuses when asked.
                    continue;
                case ObservationRecorded x:
                    // The events a feed sends most, read without the iterator of EventTouches.Activities.
                    OneActivity(x.ActivityId, e);
                    continue;
                case ObservationCorrected x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case ObservationRemoved x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case MeasurementRecorded x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case MeasurementCorrected x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case MeasurementRemoved x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case FeedbackRecorded x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case KpiAdded x:
                    structural = true;
                    dirtyMetrics.Add(x.Metric.Id);
                    continue;
                case KpiChanged x:
                    structural = true;
                    dirtyMetrics.Add(x.Metric.Id);
                    continue;
                case KpiMeasurementRecorded x:
                    structural = true;
                    dirtyMetrics.Add(x.WidgetId);
                    continue;
                case KpiMeasurementCorrected x:
                    structural = true;
                    dirtyMetrics.Add(x.WidgetId);
                    continue;
                case KpiMeasurementRemoved x:
                    structural = true;
                    dirtyMetrics.Add(x.WidgetId);
                    continue;
                case KpiRemoved:
                    structural = true;
                    metricRemovals = true;
                    continue;
                case KpiMoved:
                    // Order changes only the view, which reads it when asked.
                    continue;
                case FeedbackRemoved x:
                    OneActivity(x.ActivityId, e);
                    continue;
                case RuleSettingsChanged x:
                    // Settings change no structure: only the subjects of the rule they apply to are checked again.
                    AffectedBy(x, settingsEverywhere ??= [], settingsSubjects ??= []);
                    continue;
                case PersonaChanged:
                    // Emotion messages name personas.
                    everyActivity = true;
                    break;
                case ActivityMoved:
                    // A move to another phase takes the activity's descendants along.
                    everyActivity = true;
                    break;
                case FlowRemoved:
                    flowsEverywhere = true;
                    break;
                case ActivityRemoved:
                    flowsEverywhere = true;
                    removals = true;
                    break;
                case PhaseRemoved:
                    phaseRemovals = true;
                    break;
            }

            structural = true;
            foreach (var id in EventTouches.Activities(e))
            {
                dirty.Add(id);
            }

            MarkMetrics(e, dirtyMetrics, ref metricRemovals);
        }

        if (everyActivity)
        {
            foreach (var activity in _journey.Activities)
            {
                dirty.Add(activity.Id);
            }
        }

        if (removals || metricRemovals)
        {
            ForgetVanishedSubjects(batch);
        }

        foreach (var id in dirty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_journey.TryGetActivity(id, out var activity))
            {
                continue;
            }

            var subject = WarningSubject.For(id);
            foreach (var rule in _activityRules)
            {
                Evaluate(rule, subject, activity, null, null, now, today, batch, cancellationToken);
                evaluated.Add(new Slot(rule, subject));
            }
        }

        if (_metricRules.Length > 0)
        {
            foreach (var id in dirtyMetrics)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_journey.FindMetric(id, out var owner, out var phase) is { } metric)
                {
                    EvaluateMetric(metric, owner, phase, now, today, batch, evaluated, cancellationToken);
                }
            }
        }

        if (_flowRules.Length > 0 && (flowsEverywhere || dirty.Count > 0))
        {
            IEnumerable<ActivityId> neighbours = flowsEverywhere
                ? _journey.Activities.Select(a => a.Id)
                : dirty.SelectMany(id => _journey.FlowsFrom(id).Select(f => f.To).Concat(_journey.FlowsTo(id).Select(f => f.From)));
            foreach (var id in neighbours)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_journey.TryGetActivity(id, out var activity))
                {
                    var subject = WarningSubject.For(id);
                    foreach (var rule in _flowRules)
                    {
                        if (evaluated.Add(new Slot(rule, subject)))
                        {
                            Evaluate(rule, subject, activity, null, null, now, today, batch, cancellationToken);
                        }
                    }
                }
            }
        }

        if (structural)
        {
            EvaluatePhasesAndJourney(now, today, batch, cancellationToken);
            if (phaseRemovals)
            {
                foreach (var slot in _warnings.Keys.Concat(_failures.Keys))
                {
                    if (slot.Subject.Kind == SubjectKind.Phase && _journey.FindPhase(new PhaseId(slot.Subject.Id)) is null)
                    {
                        batch.Forget(slot);
                    }
                }
            }

            foreach (var result in batch.Results)
            {
                evaluated.Add(result.Slot);
            }
        }

        if (settingsEverywhere is not null)
        {
            EvaluateSettingsChanges(settingsEverywhere, settingsSubjects!, evaluated, now, today, batch, cancellationToken);
        }

        while (_due.TryPeek(out var slot, out var due) && due <= now)
        {
            _due.Dequeue();
            _dueChanged = true;
            if (_dueSinceFull.TryGetValue(slot, out var current))
            {
                if (current.Queued == due)
                {
                    if (current.Due > due)
                    {
                        // The entry held the place of a later recheck (see QueueRecheck): queue that one now.
                        _due.Enqueue(slot, current.Due);
                        _dueSinceFull[slot] = (current.Due, current.Due);
                        continue;
                    }

                    _dueSinceFull[slot] = (current.Due, NotQueued);
                }

                if (current.Due != due)
                {
                    continue;
                }
            }

            _dueSinceFull.Remove(slot);
            var whole = WholeMetric(slot);
            if (!evaluated.Add(whole))
            {
                continue;
            }

            EvaluateSlot(whole, now, today, batch, cancellationToken);
        }

        return Commit(batch, now);

        // An event about one activity and, when it is a metric's, that metric (observations and feedback).
        void OneActivity(ActivityId activity, JourneyEvent e)
        {
            structural = true;
            dirty.Add(activity);
            MarkMetrics(e, dirtyMetrics, ref metricRemovals);
        }
    }

    private void EvaluateSettingsChanges(HashSet<int> everywhere, List<Slot> subjects, HashSet<Slot> evaluated, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        foreach (var rule in everywhere)
        {
            switch (_rules[rule].Scope)
            {
                case SubjectKind.Activity:
                    foreach (var activity in _journey.Activities)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var subject = WarningSubject.For(activity.Id);
                        if (evaluated.Add(new Slot(rule, subject)))
                        {
                            Evaluate(rule, subject, activity, null, null, now, today, batch, cancellationToken);
                        }
                    }

                    break;
                case SubjectKind.Metric:
                    foreach (var activity in _journey.Activities)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        foreach (var widget in activity.Widgets.AsSpan())
                        {
                            if (widget is MetricWidget metric)
                            {
                                var subject = WarningSubject.For(metric.Id);
                                if (evaluated.Add(new Slot(rule, subject)))
                                {
                                    Evaluate(rule, subject, activity, metric, null, now, today, batch, cancellationToken);
                                }
                            }
                        }
                    }

                    foreach (var (metric, phase) in Kpis())
                    {
                        var subject = WarningSubject.For(metric.Id);
                        if (evaluated.Add(new Slot(rule, subject)))
                        {
                            Evaluate(rule, subject, null, metric, phase, now, today, batch, cancellationToken);
                        }
                    }

                    break;
                case SubjectKind.Phase:
                    foreach (var phase in _journey.Phases)
                    {
                        var subject = WarningSubject.For(phase.Id);
                        if (evaluated.Add(new Slot(rule, subject)))
                        {
                            Evaluate(rule, subject, null, null, phase, now, today, batch, cancellationToken);
                        }
                    }

                    break;
                default:
                    var journey = WarningSubject.For(_journey.Id);
                    if (evaluated.Add(new Slot(rule, journey)))
                    {
                        Evaluate(rule, journey, null, null, null, now, today, batch, cancellationToken);
                    }

                    break;
            }
        }

        foreach (var slot in subjects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var whole = WholeMetric(slot);
            if (evaluated.Add(whole))
            {
                EvaluateSlot(whole, now, today, batch, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The slot to check again for <paramref name="slot"/>: a metric segment's check runs as part of its metric's, which
    /// decides from the current settings which segments are still split by (a recheck due on a segment the settings no
    /// longer split by must not raise it again).
    /// </summary>
    private static Slot WholeMetric(Slot slot) =>
        slot.Subject.Segment is null ? slot : new Slot(slot.Rule, WarningSubject.For(new WidgetId(slot.Subject.Id)));

    private void EvaluateSlot(Slot slot, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        switch (slot.Subject.Kind)
        {
            case SubjectKind.Activity:
                if (_journey.TryGetActivity(new ActivityId(slot.Subject.Id), out var activity))
                {
                    Evaluate(slot.Rule, slot.Subject, activity, null, null, now, today, batch, cancellationToken);
                }

                break;
            case SubjectKind.Metric:
                if (_journey.FindMetric(new WidgetId(slot.Subject.Id), out var owner, out var kpiPhase) is { } metric)
                {
                    Evaluate(slot.Rule, slot.Subject, owner, metric, kpiPhase, now, today, batch, cancellationToken);
                }

                break;
            case SubjectKind.Phase:
                if (_journey.FindPhase(new PhaseId(slot.Subject.Id)) is { } phase)
                {
                    Evaluate(slot.Rule, slot.Subject, null, null, phase, now, today, batch, cancellationToken);
                }

                break;
            default:
                Evaluate(slot.Rule, slot.Subject, null, null, null, now, today, batch, cancellationToken);
                break;
        }
    }

    private void EvaluatePhasesAndJourney(Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        if (_phaseRules.Length > 0)
        {
            var phases = _journey.Phases;
            for (var i = 0; i < phases.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var phase = phases[i];
                var subject = WarningSubject.For(phase.Id);
                foreach (var rule in _phaseRules)
                {
                    Evaluate(rule, subject, null, null, phase, now, today, batch, cancellationToken);
                }
            }
        }

        EvaluateJourney(now, today, batch, cancellationToken);
    }

    private void EvaluateJourney(Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        var journeySubject = WarningSubject.For(_journey.Id);
        foreach (var rule in _journeyRules)
        {
            Evaluate(rule, journeySubject, null, null, null, now, today, batch, cancellationToken);
        }
    }

    private void ForgetVanishedSubjects(Batch batch)
    {
        foreach (var slot in _warnings.Keys.Concat(_failures.Keys))
        {
            if ((slot.Subject.Kind == SubjectKind.Activity && !_journey.TryGetActivity(new ActivityId(slot.Subject.Id), out _))
                || (slot.Subject.Kind == SubjectKind.Metric && _journey.FindMetric(new WidgetId(slot.Subject.Id), out _, out _) is null))
            {
                batch.Forget(slot);
            }
        }

        if (_splitSlots.Count > 0)
        {
            foreach (var key in _splitSlots.Keys.ToList())
            {
                if (_journey.FindMetric(new WidgetId(key.Metric), out _, out _) is null)
                {
                    _splitSlots.Remove(key);
                }
            }
        }
    }

    /// <summary>
    /// Marks the metrics an event can change the metric rules' results of: an observation or widget change marks its
    /// own metric only; an event about an activity as a whole (its status, name, place) marks every metric on it.
    /// </summary>
    private void MarkMetrics(JourneyEvent e, HashSet<WidgetId> metrics, ref bool removals)
    {
        switch (e)
        {
            case ObservationRecorded x:
                metrics.Add(x.WidgetId);
                break;
            case ObservationCorrected x:
                metrics.Add(x.WidgetId);
                break;
            case ObservationRemoved x:
                metrics.Add(x.WidgetId);
                break;
            case MeasurementRecorded x:
                metrics.Add(x.WidgetId);
                break;
            case MeasurementCorrected x:
                metrics.Add(x.WidgetId);
                break;
            case MeasurementRemoved x:
                metrics.Add(x.WidgetId);
                break;
            case WidgetAdded x:
                metrics.Add(x.Widget.Id);
                break;
            case WidgetChanged x:
                metrics.Add(x.Widget.Id);
                break;
            case WidgetRemoved or ActivityRemoved:
                removals = true;
                break;
            case WidgetMoved or ActivityReordered or FeedbackRecorded or FeedbackRemoved or FlowAdded or FlowRemoved:
                // Metric rules read neither widget order, sibling order, feedback nor flows.
                break;
            default:
                foreach (var id in EventTouches.Activities(e))
                {
                    if (_journey.TryGetActivity(id, out var activity))
                    {
                        foreach (var widget in activity.Widgets.AsSpan())
                        {
                            if (widget is MetricWidget)
                            {
                                metrics.Add(widget.Id);
                            }
                        }
                    }
                }

                break;
        }
    }

    private void EvaluateMetric(MetricWidget metric, Activity? activity, Phase? phase, Instant now, LocalDate today, Batch batch, HashSet<Slot>? evaluated, CancellationToken cancellationToken)
    {
        var subject = WarningSubject.For(metric.Id);
        foreach (var rule in _metricRules)
        {
            Evaluate(rule, subject, activity, metric, phase, now, today, batch, cancellationToken);
            evaluated?.Add(new Slot(rule, subject));
        }
    }

    /// <summary>The journey's own metrics, then each phase's in phase order, with the phase holding each (null for the journey's).</summary>
    private IEnumerable<(MetricWidget Metric, Phase? Phase)> Kpis()
    {
        foreach (var metric in _journey.Metrics)
        {
            yield return (metric, null);
        }

        foreach (var phase in _journey.Phases)
        {
            foreach (var metric in phase.Metrics)
            {
                yield return (metric, phase);
            }
        }
    }

    /// <summary>Every metric rule on every journey and phase metric, for the full evaluation, after the activities' checks.</summary>
    private void EvaluateKpis(ref int position, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        if (_journey.Metrics.Count == 0 && !_journey.Phases.Any(p => p.Metrics.Count > 0))
        {
            return;
        }

        foreach (var (metric, phase) in Kpis())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var subject = WarningSubject.For(metric.Id);
            foreach (var rule in _metricRules)
            {
                batch.Position = position++;
                Evaluate(rule, subject, null, metric, phase, now, today, batch, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The full evaluation's activity loop: every activity rule on each activity, then every metric rule on each of its
    /// metrics, each check taking the next place in the evaluation's order (see <see cref="KeptPositions"/>).
    /// </summary>
    /// <returns>How many places the checks took.</returns>
    private int EvaluateActivities(Activity[] activities, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        var position = 0;
        for (var a = 0; a < activities.Length; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var activity = activities[a];
            var subject = WarningSubject.For(activity.Id);
            foreach (var rule in _activityRules)
            {
                batch.Position = position++;
                Evaluate(rule, subject, activity, null, null, now, today, batch, cancellationToken);
            }

            if (_metricRules.Length > 0)
            {
                foreach (var widget in activity.Widgets.AsSpan())
                {
                    if (widget is MetricWidget metric)
                    {
                        var metricSubject = WarningSubject.For(metric.Id);
                        foreach (var rule in _metricRules)
                        {
                            batch.Position = position++;
                            Evaluate(rule, metricSubject, activity, metric, null, now, today, batch, cancellationToken);
                        }
                    }
                }
            }
        }

        return position;
    }

    /// <summary>
    /// Whether every check of the activity loop uses its rule's journey-wide settings and no metric rule splits by
    /// segment (nor did last time): then <see cref="EvaluateActivitiesPlain"/> does what <see cref="EvaluateActivities"/> does.
    /// </summary>
    private bool Plain()
    {
        if (_overrides.Count > 0 || _metricOverrides.Count > 0 || _splitSlots.Count > 0)
        {
            return false;
        }

        foreach (var rule in _metricRules)
        {
            if (_ruleSettings[rule] is MetricRuleSettings { SplitBy: not SegmentSplit.None })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="EvaluateActivities"/> when <see cref="Plain"/>: each check goes straight to its rule with the rule's
    /// settings, without looking for overrides or segments.
    /// </summary>
    /// <returns>How many places the checks took.</returns>
    private int EvaluateActivitiesPlain(Activity[] activities, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        var activityRules = _activityRules;
        var metricRules = _metricRules;
        var settings = _ruleSettings;
        var position = 0;
        for (var a = 0; a < activities.Length; a++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var activity = activities[a];
            var subject = WarningSubject.For(activity.Id);
            for (var i = 0; i < activityRules.Length; i++)
            {
                var rule = activityRules[i];
                batch.Position = position++;
                EvaluateWith(rule, subject, activity, null, null, settings[rule], now, today, batch, cancellationToken);
            }

            if (metricRules.Length == 0)
            {
                continue;
            }

            foreach (var widget in activity.Widgets.AsSpan())
            {
                if (widget is MetricWidget metric)
                {
                    var metricSubject = WarningSubject.For(metric.Id);
                    for (var i = 0; i < metricRules.Length; i++)
                    {
                        var rule = metricRules[i];
                        batch.Position = position++;
                        EvaluateWith(rule, metricSubject, activity, metric, null, settings[rule], now, today, batch, cancellationToken);
                    }
                }
            }
        }

        return position;
    }

    /// <summary>
    /// A rule that does not run on the subject: switched off, so what it raised clears — or given journey settings it
    /// cannot use (see <see cref="UnusableSettings"/>), a failure that says what to do.
    /// </summary>
    private void Disabled(int rule, WarningSubject subject, RuleSettings settings, Instant now, Batch batch, CancellationToken cancellationToken)
    {
        if (settings is UnusableSettings unusable)
        {
            HandleFailure(rule, subject, new InvalidOperationException(unusable.Problem), now, batch, cancellationToken);
        }
        else
        {
            batch.Add(new Slot(rule, subject), null, null);
        }
    }

    private void HandleFailure(int rule, WarningSubject subject, Exception ex, Instant now, Batch batch, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
        }

        if (_options.RethrowRuleFailures)
        {
            throw new WarningRuleException(_ruleIds[rule], subject, ex);
        }

        batch.Add(new Slot(rule, subject), null, new RuleFailure(_ruleIds[rule], subject, ex, now));
    }

    private void Record(int rule, WarningSubject subject, in RuleResult result, Instant now, Batch batch)
    {
        var warning = result.Warning;
        if (warning is null ? batch.IsFull && !batch.HasKeptHere() : batch.IsKeptHere(warning))
        {
            // No warning where a full evaluation keeps none, or the rule handed back the warning kept at this place:
            // nothing to apply.
            if (warning is not null)
            {
                batch.Unchanged++;
            }

            if (result.RecheckAt is { } recheck && recheck > now)
            {
                batch.AddDue(new Slot(rule, subject), recheck);
            }

            return;
        }

        RecordResult(rule, subject, result, now, batch);
    }

    /// <summary>What <see cref="Record"/> does with a result that is not the warning kept at its place: added to the batch.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RecordResult(int rule, WarningSubject subject, in RuleResult result, Instant now, Batch batch)
    {
        var slot = new Slot(rule, subject);
        if (result.Warning is { } kept && ReferenceEquals(kept, _lastKept) && _lastKeptSlot == slot)
        {
            // The rule handed back the warning this engine keeps: nothing changed, and the table needs no look-up.
            batch.Keep(slot, kept);
        }
        else
        {
            var id = _ruleIds[rule];
            batch.Add(slot, result.Warning is { } w && (w.Key.Rule != id || w.Key.Subject != subject) ? w with { Key = new WarningKey(id, subject) } : result.Warning, null);
        }

        if (result.RecheckAt is { } due && due > now)
        {
            batch.AddDue(slot, due);
        }
    }

    private void Evaluate(int rule, WarningSubject subject, Activity? activity, MetricWidget? metric, Phase? phase, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        var settings = SettingsOf(rule, activity, metric);
        EvaluateWith(rule, subject, activity, metric, phase, settings, now, today, batch, cancellationToken);
        if (metric is not null && (_splitSlots.Count > 0 || settings is MetricRuleSettings { SplitBy: not SegmentSplit.None }))
        {
            EvaluateSegments(rule, activity, metric, phase, settings, now, today, batch, cancellationToken);
        }
    }

    /// <summary>
    /// A metric rule's per-segment checks (<see cref="MetricRuleSettings.SplitBy"/>): each segment the settings split by
    /// is evaluated as its own subject; a segment evaluated last time and no longer split by (the settings changed, or
    /// the segment is gone) has its warning forgotten.
    /// </summary>
    private void EvaluateSegments(int rule, Activity? activity, MetricWidget metric, Phase? phase, RuleSettings settings, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        var key = (rule, metric.Id.Value);
        _splitSlots.TryGetValue(key, out var previous);
        List<Segment>? current = null;

        // Segments share their metric's check and have no place of their own in the full evaluation's order: the kept
        // table answers for them.
        var place = batch.Position;
        batch.Position = int.MaxValue;
        if (settings is MetricRuleSettings { SplitBy: not SegmentSplit.None } split)
        {
            foreach (var series in metric.Segments.AsSpan())
            {
                if (split.Splits(series.Segment))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    (current ??= []).Add(series.Segment);
                    EvaluateWith(rule, WarningSubject.For(metric.Id, series.Segment), activity, metric, phase, settings, now, today, batch, cancellationToken);
                }
            }
        }

        if (previous is not null)
        {
            foreach (var segment in previous)
            {
                if (current is null || !current.Contains(segment))
                {
                    batch.Forget(new Slot(rule, WarningSubject.For(metric.Id, segment)));
                }
            }
        }

        if (current is null)
        {
            _splitSlots.Remove(key);
        }
        else
        {
            _splitSlots[key] = [.. current];
        }

        batch.Position = place;
    }

    private void EvaluateWith(int rule, WarningSubject subject, Activity? activity, MetricWidget? metric, Phase? phase, RuleSettings settings, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        batch.Checks++;
        if (!settings.Enabled)
        {
            Disabled(rule, subject, settings, now, batch, cancellationToken);
            return;
        }

        RuleResult result;
        try
        {
            var context = new RuleContext(_ruleIds[rule], _severities[rule], _journey, subject, activity, metric, phase, now, _options.Zone, today, this, rule, cancellationToken);
            result = _evaluators[rule](in context, settings);
        }
        catch (Exception ex)
        {
            HandleFailure(rule, subject, ex, now, batch, cancellationToken);
            return;
        }

        Record(rule, subject, result, now, batch);
    }
}
