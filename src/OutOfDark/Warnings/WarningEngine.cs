using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NodaTime;
using OutOfDark.Events;
using OutOfDark;

namespace OutOfDark.Warnings;

/// <summary>
/// Runs warning rules over one journey and keeps their results: the Warnings view. The first evaluation checks every
/// rule on every subject; later ones re-check only the subjects the journey's new events touch (and, for flow rules,
/// their flow neighbours), phase and journey rules after structural changes, and time-based rules when their due
/// instant has passed. A full and an incremental evaluation give identical results.
/// </summary>
/// <remarks>
/// <para>
/// Failure is data: a rule that throws (or is cancelled by its own token) leaves a <see cref="RuleFailure"/> and its
/// previous result in place, and every other rule still runs — unless <see cref="WarningEngineOptions.RethrowRuleFailures"/>
/// is set. Cancelling the token passed to an evaluation stops it with <see cref="OperationCanceledException"/> and keeps
/// the previous results.
/// </para>
/// <para>
/// Lifecycle: the view combines each present warning with the status people last recorded
/// (<see cref="Journey.FindWarningStatus"/>). A status applies only if it was recorded in the warning's current episode:
/// an episode starts when this engine sees the warning raised again after it cleared, or its severity rise. See
/// docs/warnings.md.
/// </para>
/// <para>Not thread-safe: use an engine from one thread at a time, like its journey.</para>
/// </remarks>
public sealed class WarningEngine
{
    private readonly Journey _journey;
    private readonly IClock _clock;
    private readonly WarningEngineOptions _options;
    private readonly IWarningRule[] _rules;
    private readonly RuleId[] _ruleIds;
    private readonly RuleEvaluator[] _evaluators;
    private readonly Dictionary<RuleId, int> _ruleIndex = [];
    private readonly int[] _activityRules;
    private readonly int[] _flowRules;
    private readonly int[] _phaseRules;
    private readonly int[] _journeyRules;
    private readonly List<IWarningObserver> _observers = [];
    private Dictionary<Slot, Warning> _warnings = [];
    private Dictionary<Slot, Warning> _spareWarnings = [];
    private Dictionary<Slot, RuleFailure> _failures = [];
    private readonly Dictionary<Slot, Instant> _episodeStarts = [];
    private PriorityQueue<Slot, Instant> _due = new();
    private readonly Dictionary<Slot, Instant> _dueSinceFull = [];
    private int _dueAfterFull;
    private WarningSettings _settings;
    private RuleSettings[] _ruleSettings = [];
    private Dictionary<(int Rule, ActivityId Activity), RuleSettings> _overrides = [];
    private Batch? _fullBatch;
    private long _evaluatedVersion = -1;
    private bool _needsFull = true;

    /// <summary>Creates an engine for a journey.</summary>
    /// <param name="journey">The journey to watch.</param>
    /// <param name="clock">The clock that says what "now" is.</param>
    /// <param name="rules">The rules; the built-ins when omitted.</param>
    /// <param name="settings">The journey's rule settings; every rule's defaults when omitted.</param>
    /// <param name="options">How the engine behaves; <see cref="WarningEngineOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The settings name an unknown rule or have the wrong type for a rule.</exception>
    public WarningEngine(Journey journey, IClock clock, RuleRegistry? rules = null, WarningSettings? settings = null, WarningEngineOptions? options = null)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(clock);
        _journey = journey;
        _clock = clock;
        _options = options ?? WarningEngineOptions.Default;
        Guard.Against.Null(_options.Zone, "options.Zone");
        _rules = [.. (rules ?? RuleRegistry.WithBuiltIns()).Rules];
        _ruleIds = new RuleId[_rules.Length];
        _evaluators = new RuleEvaluator[_rules.Length];
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            _ruleIds[i] = rule.Id;
            _ruleIndex.Add(rule.Id, i);

            // Bound once: a direct call per check instead of interface dispatch across many rule types. Every settings
            // object reaches a rule through CheckedIndex or its DefaultSettings, so typed rules skip the per-call check.
            _evaluators[i] = rule is ITypedWarningRule typed ? typed.CreateEvaluator() : rule.Evaluate;
        }

        _activityRules = Indexes(r => r.Scope == SubjectKind.Activity);
        _flowRules = Indexes(r => r.Scope == SubjectKind.Activity && r.Inputs.HasFlag(RuleInputs.FlowNeighbours));
        _phaseRules = Indexes(r => r.Scope == SubjectKind.Phase);
        _journeyRules = Indexes(r => r.Scope == SubjectKind.Journey);
        _settings = WarningSettings.Default;
        Settings = settings ?? WarningSettings.Default;

        int[] Indexes(Func<IWarningRule, bool> where) =>
            [.. Enumerable.Range(0, _rules.Length).Where(i => where(_rules[i]))];
    }

    /// <summary>The journey the engine watches.</summary>
    public Journey Journey => _journey;

    /// <summary>The rules the engine runs, in registration order.</summary>
    public IReadOnlyList<IWarningRule> Rules => _rules;

    /// <summary>The journey's rule settings. Setting new ones makes the next evaluation a full one.</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The settings name an unknown rule or have the wrong type for a rule.</exception>
    public WarningSettings Settings
    {
        get => _settings;
        set
        {
            Guard.Against.Null(value);
            var resolved = new RuleSettings[_rules.Length];
            for (var i = 0; i < _rules.Length; i++)
            {
                resolved[i] = _rules[i].DefaultSettings;
            }

            foreach (var (rule, settings) in value.Rules)
            {
                resolved[CheckedIndex(rule, settings)] = settings;
            }

            var overrides = new Dictionary<(int, ActivityId), RuleSettings>();
            foreach (var ((rule, activity), settings) in value.Overrides)
            {
                var index = CheckedIndex(rule, settings);
                if (_rules[index].Scope != SubjectKind.Activity)
                {
                    throw new ArgumentException($"Rule '{rule}' looks at {_rules[index].Scope.ToString().ToLowerInvariant()}s, so it cannot have a per-activity override.", nameof(value));
                }

                overrides[(index, activity)] = settings;
            }

            (_settings, _ruleSettings, _overrides, _needsFull) = (value, resolved, overrides, true);
        }
    }

    /// <summary>The warnings the rules currently raise, whatever people did with them. A live view: copy it to keep it across evaluations.</summary>
    public IReadOnlyCollection<Warning> Warnings => _warnings.Values;

    /// <summary>The rule evaluations that failed and have not succeeded since.</summary>
    public IReadOnlyCollection<RuleFailure> Failures => _failures.Values;

    /// <summary>The journey version the kept results reflect, or -1 before the first evaluation.</summary>
    public long EvaluatedVersion => _evaluatedVersion;

    /// <summary>The earliest instant at which a time-based rule's result may change, if any.</summary>
    public Instant? NextDue => _due.TryPeek(out _, out var due) ? due : null;

    /// <summary>Subscribes an observer to warnings raised, changed and cleared.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>Dispose it to unsubscribe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observer"/> is <see langword="null"/>.</exception>
    public IDisposable Subscribe(IWarningObserver observer)
    {
        Guard.Against.Null(observer);
        _observers.Add(observer);
        return new Subscription(this, observer);
    }

    /// <summary>Finds the warning a rule currently raises about a subject.</summary>
    /// <param name="key">The warning's identity.</param>
    /// <returns>The warning, or <see langword="null"/> when it is not present.</returns>
    public Warning? Find(WarningKey key) =>
        _ruleIndex.TryGetValue(key.Rule, out var rule) ? _warnings.GetValueOrDefault(new Slot(rule, key.Subject)) : null;

    /// <summary>Evaluates every rule on every subject, replacing the kept results.</summary>
    /// <param name="cancellationToken">Stops the evaluation; the previous results stay.</param>
    /// <returns>What the evaluation did.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="WarningRuleException">A rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    /// <exception cref="AggregateException">An observer threw; the results are kept and every observer was notified.</exception>
    public WarningEvaluation EvaluateAll(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_options.Zone).Date;
        var batch = _fullBatch ??= new Batch(full: true, capacity: _warnings.Count + 16);
        batch.Reset();

        foreach (var activity in _journey.Activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var subject = WarningSubject.For(activity.Id);
            foreach (var rule in _activityRules)
            {
                Evaluate(rule, subject, activity, null, now, today, batch, cancellationToken);
            }
        }

        EvaluatePhasesAndJourney(now, today, batch, cancellationToken);
        return Commit(batch, now);
    }

    /// <summary>
    /// Brings the results up to date: after new events it evaluates only what they touch, and time-based rules whose due
    /// instant has passed. Falls back to a full evaluation the first time, after a settings change, or when the events
    /// since the last evaluation are no longer pending on the journey (for example after a save).
    /// </summary>
    /// <param name="cancellationToken">Stops the evaluation; the previous results stay.</param>
    /// <returns>What the evaluation did.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="WarningRuleException">A rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    /// <exception cref="AggregateException">An observer threw; the results are kept and every observer was notified.</exception>
    public WarningEvaluation Refresh(CancellationToken cancellationToken = default)
    {
        var pending = _journey.PendingEvents;
        var gap = _journey.Version - _evaluatedVersion;
        var first = pending.Count - gap;
        if (_needsFull || _evaluatedVersion < 0 || gap < 0 || first < 0)
        {
            return EvaluateAll(cancellationToken);
        }

        return Incremental(Slice(pending, (int)first), cancellationToken);
    }

    /// <summary>
    /// Brings the results up to date after events the journey applied that are not pending on it (for example events
    /// another process saved, applied with <see cref="Journey.Apply"/>). Pass exactly the events since the last evaluation.
    /// </summary>
    /// <param name="newEvents">The events applied since the last evaluation, oldest first.</param>
    /// <param name="cancellationToken">Stops the evaluation; the previous results stay.</param>
    /// <returns>What the evaluation did; a full one when the events do not account for the journey's version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newEvents"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="WarningRuleException">A rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    public WarningEvaluation Refresh(IReadOnlyList<JourneyEvent> newEvents, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(newEvents);
        if (_needsFull || _evaluatedVersion < 0 || _journey.Version - _evaluatedVersion != newEvents.Count)
        {
            return EvaluateAll(cancellationToken);
        }

        return Incremental(newEvents, cancellationToken);
    }

    /// <summary>The Warnings view: present warnings with their lifecycle state, most severe first.</summary>
    /// <param name="query">The filter; every present warning when omitted.</param>
    /// <returns>The matching warnings, by severity (most severe first), then phase order, subject name and rule id.</returns>
    public IReadOnlyList<WarningViewItem> View(WarningQuery? query = null)
    {
        query ??= WarningQuery.All;
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

            var (name, phase, owner, team) = Describe(warning.Key.Subject);
            if ((query.Phase is { } p && phase != p) || (query.Owner is { } o && owner != o) || (query.Team is { } t && team != t))
            {
                continue;
            }

            var (state, status) = StateOf(slot, warning, now);
            if (query.States is { } states && !states.Contains(state))
            {
                continue;
            }

            items.Add(new WarningViewItem(warning, state, status, name, phase, owner, team));
        }

        return [.. items
            .OrderByDescending(i => i.Severity)
            .ThenBy(i => i.PhaseId is { } id ? _journey.PhaseIndex(id) : -1)
            .ThenBy(i => i.SubjectName, StringComparer.Ordinal)
            .ThenBy(i => i.Key.Rule.Value, StringComparer.Ordinal)
            .ThenBy(i => i.Key.Subject.Id)];
    }

    /// <summary>Where one present warning stands in the Warnings view.</summary>
    /// <param name="key">The warning.</param>
    /// <returns>The state, or <see langword="null"/> when the warning is not present.</returns>
    public WarningState? StateOf(WarningKey key)
    {
        if (!_ruleIndex.TryGetValue(key.Rule, out var rule) || !_warnings.TryGetValue(new Slot(rule, key.Subject), out var warning))
        {
            return null;
        }

        return StateOf(new Slot(rule, key.Subject), warning, _clock.GetCurrentInstant()).State;
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

    private (string Name, PhaseId? Phase, string? Owner, string? Team) Describe(WarningSubject subject)
    {
        switch (subject.Kind)
        {
            case SubjectKind.Activity when _journey.TryGetActivity(new ActivityId(subject.Id), out var activity):
                return (activity.Name, activity.PhaseId, activity.Details.Owner, activity.Details.Team);
            case SubjectKind.Phase when _journey.FindPhase(new PhaseId(subject.Id)) is { } phase:
                return (phase.Name, phase.Id, null, null);
            default:
                return (_journey.Name, null, null, null);
        }
    }

    private WarningEvaluation Incremental(IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_options.Zone).Date;
        var batch = new Batch(full: false, capacity: 16);
        var dirty = new HashSet<ActivityId>();
        bool structural = false, everyActivity = false, flowsEverywhere = false, removals = false, phaseRemovals = false;
        foreach (var e in events)
        {
            switch (e)
            {
                case WarningAcknowledged or WarningSnoozed or WarningResolved or WarningReopened:
                    // Lifecycle only changes the view, which reads statuses when asked.
                    continue;
                case PersonaChanged:
                    // Emotion messages name personas.
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
        }

        if (everyActivity)
        {
            foreach (var activity in _journey.Activities)
            {
                dirty.Add(activity.Id);
            }
        }

        if (removals)
        {
            ForgetVanishedSubjects(batch);
        }

        var evaluated = new HashSet<Slot>();
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
                Evaluate(rule, subject, activity, null, now, today, batch, cancellationToken);
                evaluated.Add(new Slot(rule, subject));
            }
        }

        if (_flowRules.Length > 0)
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
                            Evaluate(rule, subject, activity, null, now, today, batch, cancellationToken);
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

            foreach (var slot in batch.Results.Select(r => r.Slot))
            {
                evaluated.Add(slot);
            }
        }

        while (_due.TryPeek(out var slot, out var due) && due <= now)
        {
            _due.Dequeue();
            if ((_dueSinceFull.TryGetValue(slot, out var current) && current != due) || !evaluated.Add(slot))
            {
                continue;
            }

            _dueSinceFull.Remove(slot);
            EvaluateSlot(slot, now, today, batch, cancellationToken);
        }

        return Commit(batch, now);
    }

    private void EvaluateSlot(Slot slot, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        switch (slot.Subject.Kind)
        {
            case SubjectKind.Activity:
                if (_journey.TryGetActivity(new ActivityId(slot.Subject.Id), out var activity))
                {
                    Evaluate(slot.Rule, slot.Subject, activity, null, now, today, batch, cancellationToken);
                }

                break;
            case SubjectKind.Phase:
                if (_journey.FindPhase(new PhaseId(slot.Subject.Id)) is { } phase)
                {
                    Evaluate(slot.Rule, slot.Subject, null, phase, now, today, batch, cancellationToken);
                }

                break;
            default:
                Evaluate(slot.Rule, slot.Subject, null, null, now, today, batch, cancellationToken);
                break;
        }
    }

    private void EvaluatePhasesAndJourney(Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        foreach (var phase in _journey.Phases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var subject = WarningSubject.For(phase.Id);
            foreach (var rule in _phaseRules)
            {
                Evaluate(rule, subject, null, phase, now, today, batch, cancellationToken);
            }
        }

        var journeySubject = WarningSubject.For(_journey.Id);
        foreach (var rule in _journeyRules)
        {
            Evaluate(rule, journeySubject, null, null, now, today, batch, cancellationToken);
        }
    }

    private void ForgetVanishedSubjects(Batch batch)
    {
        foreach (var slot in _warnings.Keys.Concat(_failures.Keys))
        {
            if (slot.Subject.Kind == SubjectKind.Activity && !_journey.TryGetActivity(new ActivityId(slot.Subject.Id), out _))
            {
                batch.Forget(slot);
            }
        }
    }

    private void Evaluate(int rule, WarningSubject subject, Activity? activity, Phase? phase, Instant now, LocalDate today, Batch batch, CancellationToken cancellationToken)
    {
        var settings = _overrides.Count > 0 && activity is not null && _overrides.TryGetValue((rule, activity.Id), out var own)
            ? own
            : _ruleSettings[rule];
        batch.Checks++;
        if (!settings.Enabled)
        {
            batch.Add(new Slot(rule, subject), null, null);
            return;
        }

        var id = _ruleIds[rule];
        RuleResult result;
        try
        {
            var context = new RuleContext(id, _journey, subject, activity, phase, now, _options.Zone, today, cancellationToken);
            result = _evaluators[rule](in context, settings);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (!_options.RethrowRuleFailures)
        {
            batch.Add(new Slot(rule, subject), null, new RuleFailure(id, subject, ex, now));
            return;
        }
        catch (Exception ex)
        {
            throw new WarningRuleException(id, subject, ex);
        }

        var slot = new Slot(rule, subject);
        batch.Add(slot, result.Warning is { } w && (w.Key.Rule != id || w.Key.Subject != subject) ? w with { Key = new WarningKey(id, subject) } : result.Warning, null);

        if (result.RecheckAt is { } due && due > now)
        {
            batch.Due.Add((slot, due));
        }
    }

    private WarningEvaluation Commit(Batch batch, Instant now)
    {
        var raised = new List<Warning>();
        var changed = new List<(Warning Before, Warning After)>();
        var cleared = new List<Warning>();
        var failed = new List<RuleFailure>();

        Dictionary<Slot, Warning> warnings;
        Dictionary<Slot, RuleFailure> failures;
        if (batch.IsFull)
        {
            // Two dictionaries take turns, so that repeated full evaluations of a large journey allocate no new tables.
            warnings = _spareWarnings;
            warnings.Clear();
            failures = [];
        }
        else
        {
            warnings = _warnings;
            failures = _failures;
        }

        foreach (var (slot, warning, failure, forget) in batch.Results)
        {
            var previous = _warnings.GetValueOrDefault(slot);
            if (forget)
            {
                if (previous is not null && warnings.Remove(slot))
                {
                    cleared.Add(previous);
                }

                failures.Remove(slot);
                _episodeStarts.Remove(slot);
                continue;
            }

            if (failure is not null)
            {
                // Keep what the rule said last time rather than flap on a failure.
                failures[slot] = failure;
                failed.Add(failure);
                if (previous is not null)
                {
                    warnings[slot] = previous;
                }

                continue;
            }

            if (!batch.IsFull)
            {
                failures.Remove(slot);
            }

            if (warning is null)
            {
                if (previous is not null)
                {
                    if (!batch.IsFull)
                    {
                        warnings.Remove(slot);
                    }

                    cleared.Add(previous);

                    // Marks "seen clear": when raised again, a new episode begins.
                    _episodeStarts[slot] = Instant.MaxValue;
                }

                continue;
            }

            if (previous is null)
            {
                if (_episodeStarts.ContainsKey(slot))
                {
                    // This engine saw it clear: a new episode begins, so older statuses no longer apply.
                    _episodeStarts[slot] = now;
                }

                var fresh = warning.RaisedAt == now ? warning : warning with { RaisedAt = now };
                warnings[slot] = fresh;
                raised.Add(fresh);
            }
            else if (previous.Severity != warning.Severity || previous.Message != warning.Message || previous.Evidence != warning.Evidence)
            {
                var escalated = warning.Severity > previous.Severity;
                if (escalated)
                {
                    _episodeStarts[slot] = now;
                }

                var next = warning with { RaisedAt = escalated ? now : previous.RaisedAt };
                warnings[slot] = next;
                changed.Add((previous, next));
            }
            else
            {
                warnings[slot] = previous;
            }
        }

        if (batch.IsFull)
        {
            foreach (var (slot, previous) in _warnings)
            {
                if (!warnings.ContainsKey(slot) && !failures.ContainsKey(slot))
                {
                    cleared.Add(previous);
                    _episodeStarts[slot] = Instant.MaxValue;
                }
            }

            (_spareWarnings, _warnings) = (_warnings, warnings);
            _failures = failures;
            _dueSinceFull.Clear();
            _due.Clear();
            _due.EnqueueRange(batch.Due);
            _dueAfterFull = _due.Count;
            _needsFull = false;
        }
        else
        {
            foreach (var (slot, due) in batch.Due)
            {
                _dueSinceFull[slot] = due;
                _due.Enqueue(slot, due);
            }

            CompactDueQueue();
        }

        _evaluatedVersion = _journey.Version;
        Notify(raised, changed, cleared, failed);
        return new WarningEvaluation(batch.IsFull, batch.Checks, raised.Count, changed.Count, cleared.Count, failed.Count);
    }

    private void CompactDueQueue()
    {
        // Re-checks superseded by later evaluations stay queued until they come due; rebuild when they pile up.
        if (_due.Count <= (2 * (_dueAfterFull + _dueSinceFull.Count)) + 1024)
        {
            return;
        }

        var live = new List<(Slot, Instant)>(_due.Count);
        foreach (var (slot, due) in _due.UnorderedItems)
        {
            if (!_dueSinceFull.TryGetValue(slot, out var current) || current == due)
            {
                live.Add((slot, due));
            }
        }

        _due = new PriorityQueue<Slot, Instant>(live);
        _dueAfterFull = _due.Count - _dueSinceFull.Count;
    }

    private void Notify(List<Warning> raised, List<(Warning Before, Warning After)> changed, List<Warning> cleared, List<RuleFailure> failed)
    {
        if (_observers.Count == 0)
        {
            return;
        }

        List<Exception>? errors = null;
        foreach (var observer in _observers.ToArray())
        {
            try
            {
                foreach (var w in raised)
                {
                    observer.OnRaised(w);
                }

                foreach (var (before, after) in changed)
                {
                    observer.OnChanged(before, after);
                }

                foreach (var w in cleared)
                {
                    observer.OnCleared(w);
                }

                foreach (var f in failed)
                {
                    observer.OnRuleFailed(f);
                }
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
            }
        }

        if (errors is not null)
        {
            throw new AggregateException("One or more warning observers failed; the warnings were updated and every observer was called.", errors);
        }
    }

    private int CheckedIndex(RuleId rule, RuleSettings settings)
    {
        if (!_ruleIndex.TryGetValue(rule, out var index))
        {
            throw new ArgumentException($"The warning settings name rule '{rule}', which is not registered with this engine.", nameof(settings));
        }

        if (!_rules[index].SettingsType.IsInstanceOfType(settings))
        {
            throw new ArgumentException($"Rule '{rule}' takes settings of type {_rules[index].SettingsType.Name}, not {settings.GetType().Name}.", nameof(settings));
        }

        return index;
    }

    private static IReadOnlyList<JourneyEvent> Slice(IReadOnlyList<JourneyEvent> events, int from)
    {
        if (from == 0)
        {
            return events;
        }

        var slice = new JourneyEvent[events.Count - from];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = events[from + i];
        }

        return slice;
    }

    private readonly record struct Slot(int Rule, WarningSubject Subject);

    private sealed class Batch(bool full, int capacity)
    {
        public bool IsFull { get; } = full;

        public int Checks { get; set; }

        public void Reset()
        {
            Checks = 0;
            Results.Clear();
            Due.Clear();
        }

        public List<(Slot Slot, Warning? Warning, RuleFailure? Failure, bool Forget)> Results { get; } = new(capacity);

        public List<(Slot, Instant)> Due { get; } = [];

        public void Add(Slot slot, Warning? warning, RuleFailure? failure)
        {
            if (warning is not null || failure is not null || !IsFull)
            {
                Results.Add((slot, warning, failure, false));
            }
        }

        public void Forget(Slot slot) => Results.Add((slot, null, null, true));
    }

    private sealed class Subscription(WarningEngine engine, IWarningObserver observer) : IDisposable
    {
        public void Dispose() => engine._observers.Remove(observer);
    }
}
