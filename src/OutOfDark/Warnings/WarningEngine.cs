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
public sealed partial class WarningEngine : IKeptWarnings
{
    private readonly Journey _journey;
    private readonly IClock _clock;
    private readonly WarningEngineOptions _options;
    private readonly IWarningRule[] _rules;
    private readonly RuleId[] _ruleIds;
    private readonly WarningSeverity[] _severities;
    private readonly RuleEvaluator[] _evaluators;
    private readonly Dictionary<RuleId, int> _ruleIndex = [];
    private readonly int[] _activityRules;
    private readonly int[] _metricRules;
    private readonly int[] _flowRules;
    private readonly int[] _phaseRules;
    private readonly int[] _journeyRules;
    private readonly List<IWarningObserver> _observers = [];
    private Dictionary<Slot, Warning> _warnings = [];

    /// <summary>The segments each (metric rule, metric) was last evaluated for, to forget their warnings once no longer split by.</summary>
    private readonly Dictionary<(int Rule, Guid Metric), Segment[]> _splitSlots = [];
    private Slot _lastKeptSlot;
    private Warning? _lastKept;
    private Dictionary<Slot, RuleFailure> _failures = [];
    private readonly Dictionary<Slot, Instant> _episodeStarts = [];
    private static readonly Instant NotQueued = Instant.MaxValue;
    private readonly Dictionary<Slot, Cleared> _cleared = [];
    private PriorityQueue<Slot, Instant> _due = new();

    // The recheck instant each slot an incremental evaluation re-checked last reported (Due), and the instant of its
    // entry in the queue (Queued; NotQueued when it has none): an entry no later than Due stands in for it.
    private readonly Dictionary<Slot, (Instant Due, Instant Queued)> _dueSinceFull = [];

    // The recheck instants the last full evaluation queued, and whether the queue changed since: a repeat full
    // evaluation that finds the same ones leaves the queue as it is instead of rebuilding it.
    private readonly List<(Slot Slot, Instant Due)> _fullDue = [];
    private readonly List<int> _fullDuePositions = [];

    // The version of the activity order whose places _fullDuePositions count in.
    private long _fullDueBuiltFor = -1;
    private bool _dueChanged = true;
    private int _dueAfterFull;
    private WarningSettings _settings;
    private RuleSettings?[] _hostRules = [];
    private Dictionary<(int Rule, ActivityId Activity), RuleSettings> _hostOverrides = [];
    private Dictionary<(int Rule, WidgetId Metric), RuleSettings> _hostMetricOverrides = [];
    private WarningSettings? _journeyLayer;

    // The settings each check uses: the host's layer with the journey's own laid over it (see Layer()).
    private RuleSettings[] _ruleSettings = [];
    private Dictionary<(int Rule, ActivityId Activity), RuleSettings> _overrides = [];
    private Dictionary<(int Rule, WidgetId Metric), (RuleSettings Settings, bool Host)> _metricOverrides = [];
    private Batch? _fullBatch;
    private Batch? _incrementalBatch;
    private HashSet<ActivityId> _dirty = [];
    private HashSet<WidgetId> _dirtyMetrics = [];
    private HashSet<Slot> _evaluated = [];
    private long _evaluatedVersion = -1;
    private bool _needsFull = true;
    private readonly KeptPositions _keptPositions = new();

    // The kept warnings by place while a full evaluation walks the activities with a valid KeptPositions; else null.
    private Warning?[]? _keptAt;
    private Activity[] _activities = [];
    private long _activitiesVersion = -1;

    /// <summary>Creates an engine for a journey.</summary>
    /// <param name="journey">The journey to watch.</param>
    /// <param name="clock">The clock that says what "now" is; the journey's own <see cref="Journey.Clock"/> when omitted.</param>
    /// <param name="rules">The rules; the built-ins when omitted.</param>
    /// <param name="settings">The host's rule settings, the layer beneath the journey's own (<see cref="Journey.RuleSettings"/>); every rule's defaults when omitted.</param>
    /// <param name="options">How the engine behaves; <see cref="WarningEngineOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The settings name an unknown rule or have the wrong type for a rule, or <see cref="WarningEngineOptions.AcknowledgementCarryOver"/> is negative.</exception>
    public WarningEngine(Journey journey, IClock? clock = null, RuleRegistry? rules = null, WarningSettings? settings = null, WarningEngineOptions? options = null)
    {
        Guard.Against.Null(journey);
        _journey = journey;
        _clock = clock ?? journey.Clock;
        _options = options ?? WarningEngineOptions.Default;
        Guard.Against.Null(_options.Zone, "options.Zone");
        if (_options.AcknowledgementCarryOver < Duration.Zero)
        {
            throw new ArgumentException($"options.AcknowledgementCarryOver is {_options.AcknowledgementCarryOver}; it must be zero (no carry-over) or a positive duration such as Duration.FromDays(2).", nameof(options));
        }

        _rules = [.. (rules ?? RuleRegistry.WithBuiltIns()).Rules];
        _ruleIds = new RuleId[_rules.Length];
        _severities = new WarningSeverity[_rules.Length];
        _evaluators = new RuleEvaluator[_rules.Length];
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            _ruleIds[i] = rule.Id;
            _severities[i] = rule.DefaultSeverity;
            _ruleIndex.Add(rule.Id, i);

            // Bound once: a direct call per check instead of interface dispatch across many rule types. Every settings
            // object reaches a rule through CheckedIndex or its DefaultSettings, so typed rules skip the per-call check.
            _evaluators[i] = rule is ITypedWarningRule typed ? typed.CreateEvaluator() : rule.Evaluate;
        }

        _activityRules = Indexes(r => r.Scope == SubjectKind.Activity);
        _metricRules = Indexes(r => r.Scope == SubjectKind.Metric);
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

    /// <summary>
    /// The host's rule settings: the layer beneath the journey's own (<see cref="Journey.RuleSettings"/>), which the
    /// engine reads from the journey on every evaluation. Setting new ones makes the next evaluation a full one.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The settings name an unknown rule or have the wrong type for a rule, or override a rule per activity or per KPI that does not look at activities or KPIs.</exception>
    public WarningSettings Settings
    {
        get => _settings;
        set
        {
            Guard.Against.Null(value);
            var resolved = new RuleSettings?[_rules.Length];
            foreach (var (rule, settings) in value.Rules)
            {
                resolved[CheckedIndex(rule, settings)] = settings;
            }

            var overrides = new Dictionary<(int, ActivityId), RuleSettings>();
            foreach (var ((rule, activity), settings) in value.Overrides)
            {
                var index = CheckedIndex(rule, settings);
                if (_rules[index].Scope is not (SubjectKind.Activity or SubjectKind.Metric))
                {
                    throw new ArgumentException($"Rule '{rule}' looks at {_rules[index].Scope.ToString().ToLowerInvariant()}s, so it cannot have a per-activity override.", nameof(value));
                }

                overrides[(index, activity)] = settings;
            }

            var metricOverrides = new Dictionary<(int, WidgetId), RuleSettings>();
            foreach (var ((rule, metric), settings) in value.MetricOverrides)
            {
                var index = CheckedIndex(rule, settings);
                if (_rules[index].Scope != SubjectKind.Metric)
                {
                    throw new ArgumentException($"Rule '{rule}' looks at {_rules[index].Scope.ToString().ToLowerInvariant()}s, so it cannot have a per-KPI override.", nameof(value));
                }

                metricOverrides[(index, metric)] = settings;
            }

            (_settings, _hostRules, _hostOverrides, _hostMetricOverrides, _needsFull) = (value, resolved, overrides, metricOverrides, true);
            Layer();
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
    /// <remarks>An engine that has never evaluated evaluates first, as <see cref="View"/> does.</remarks>
    /// <exception cref="WarningRuleException">The first evaluation ran, a rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    public Warning? Find(WarningKey key)
    {
        EnsureEvaluated();
        return _ruleIndex.TryGetValue(key.Rule, out var rule) ? _warnings.GetValueOrDefault(new Slot(rule, key.Subject)) : null;
    }

    /// <summary>Evaluates every rule on every subject, replacing the kept results.</summary>
    /// <param name="cancellationToken">Stops the evaluation; the previous results stay.</param>
    /// <returns>What the evaluation did.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="WarningRuleException">A rule failed and <see cref="WarningEngineOptions.RethrowRuleFailures"/> is set.</exception>
    /// <exception cref="AggregateException">An observer threw; the results are kept and every observer was notified.</exception>
    public WarningEvaluation EvaluateAll(CancellationToken cancellationToken = default)
    {
        SyncJourneySettings();
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_options.Zone).Date;
        var activities = ActivitiesInOrder();

        // A first evaluation reports about one warning per activity and rule at most; sized once, not grown by doubling.
        var batch = _fullBatch ??= new Batch(full: true, capacity: Math.Max(_warnings.Count, activities.Length) + 16);
        batch.Reset();

        // While nothing changed the journey or the kept table since the last full evaluation, every place in its order
        // holds the same rule and subject: the kept warning there is an array read, and an unchanged one is not recorded.
        var keptAt = _keptPositions.IsValid && _keptPositions.BuiltFor == _activitiesVersion ? _keptPositions.Items : null;
        batch.KeptAt = keptAt;
        _keptAt = keptAt;
        if (keptAt is not null && !_dueChanged && _fullDueBuiltFor == _activitiesVersion)
        {
            // The same places as the evaluation that queued the rechecks, and the queue untouched since: rechecks that
            // match it are counted, not recorded.
            batch.ExpectDue(_fullDue, _fullDuePositions);
        }

        try
        {
            var position = Plain()
                ? EvaluateActivitiesPlain(activities, now, today, batch, cancellationToken)
                : EvaluateActivities(activities, now, today, batch, cancellationToken);
            if (_metricRules.Length > 0)
            {
                EvaluateKpis(ref position, now, today, batch, cancellationToken);
            }

            batch.Positions = position;
        }
        finally
        {
            batch.Position = int.MaxValue;
            _keptAt = null;
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

        return Incremental(pending, (int)first, cancellationToken);
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

        return Incremental(newEvents, 0, cancellationToken);
    }

    /// <inheritdoc />
    Warning? IKeptWarnings.Kept(int rule, WarningSubject subject)
    {
        if (_keptAt is { } keptAt && (uint)_fullBatch!.Position < (uint)keptAt.Length)
        {
            // A valid KeptPositions: the place holds this rule and subject, and its entry is what the table keeps.
            var atPlace = keptAt[_fullBatch.Position];
            if (atPlace is null || (atPlace.Key.Subject.Id == subject.Id && atPlace.Key.Subject.Kind == subject.Kind
                && ReferenceEquals(atPlace.Key.Subject.Segment, subject.Segment) && atPlace.Key.Rule == _ruleIds[rule]))
            {
                return atPlace;
            }
        }

        var slot = new Slot(rule, subject);
        var kept = _warnings.GetValueOrDefault(slot);
        (_lastKeptSlot, _lastKept) = (slot, kept);
        return kept;
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

        if (settings.Validate() is { } problem)
        {
            throw new ArgumentException($"The settings of rule '{rule}' are out of range: {problem}", nameof(settings));
        }

        return index;
    }

    /// <summary>
    /// The journey's activities in its order, kept while the journey's version stays the same: a repeat evaluation walks
    /// an array instead of looking each activity up by id. Every change to a journey is an event that raises its version.
    /// </summary>
    private Activity[] ActivitiesInOrder()
    {
        if (_activitiesVersion != _journey.Version || _activities.Length != _journey.ActivityCount)
        {
            var activities = _journey.Activities;
            var array = _activities.Length == activities.Count ? _activities : new Activity[activities.Count];
            var i = 0;
            foreach (var activity in activities)
            {
                array[i++] = activity;
            }

            (_activities, _activitiesVersion) = (array, _journey.Version);
        }

        return _activities;
    }

    /// <summary>A rule (by index) and subject: the key of every table the engine keeps, hashed and compared field by field.</summary>
    private readonly struct Slot(int rule, WarningSubject subject) : IEquatable<Slot>
    {
        public int Rule { get; } = rule;

        public WarningSubject Subject { get; } = subject;

        public static bool operator ==(Slot left, Slot right) => left.Equals(right);

        public static bool operator !=(Slot left, Slot right) => !left.Equals(right);

        public bool Equals(Slot other) => Rule == other.Rule && Subject.Id == other.Subject.Id && Subject.Kind == other.Subject.Kind
            && (ReferenceEquals(Subject.Segment, other.Subject.Segment) || (Subject.Segment is { } segment && segment.Equals(other.Subject.Segment)));

        public override bool Equals(object? obj) => obj is Slot other && Equals(other);

        public override int GetHashCode() => Subject.Segment is { } segment
            ? Subject.Id.GetHashCode() ^ (Rule * 397) ^ segment.GetHashCode()
            : Subject.Id.GetHashCode() ^ (Rule * 397);
    }

    /// <summary>A warning this engine saw clear: when, and the episode it ended, for a re-raise within the carry-over window.</summary>
    private readonly record struct Cleared(Instant At, Instant? EpisodeStart, Instant RaisedAt, WarningSeverity Severity);

    private enum ResultKind
    {
        Evaluated,
        Kept,
        Forget,
    }

    private sealed class Subscription(WarningEngine engine, IWarningObserver observer) : IDisposable
    {
        public void Dispose() => engine._observers.Remove(observer);
    }
}
