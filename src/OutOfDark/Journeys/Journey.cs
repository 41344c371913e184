using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// A customer journey: ordered phases, personas, and the activity map (a tree of activities with flows between them),
/// each activity with the widgets of its Detail view. The aggregate root of the model.
/// </summary>
/// <remarks>
/// <para>
/// Public methods that change the journey are commands: each validates, then records one event and applies it. A
/// refused command throws <see cref="JourneyRuleException"/> and leaves the journey unchanged. A command that would
/// change nothing records nothing. The journey is the fold of its events: <see cref="Version"/> is their count.
/// </para>
/// <para>
/// New events wait in <see cref="PendingEvents"/> until a store has saved them
/// (see <see cref="JourneyStoreExtensions.SaveAsync"/>).
/// </para>
/// <para>A journey is not thread-safe: use one from one thread at a time. Its entities and snapshots are immutable.</para>
/// </remarks>
public sealed partial class Journey
{
    private readonly IClock _clock;
    private readonly List<Phase> _phases = [];
    private readonly List<Persona> _personas = [];
    private readonly Dictionary<ActivityId, Activity> _activities = [];
    private readonly List<ActivityId> _roots = [];
    private readonly Dictionary<ActivityId, List<ActivityId>> _children = [];
    private readonly Dictionary<PhaseId, int> _activityCountByPhase = [];
    private readonly List<Flow> _flows = [];
    private readonly Dictionary<FlowId, Flow> _flowsById = [];
    private readonly Dictionary<ActivityId, List<Flow>> _flowsFrom = [];
    private readonly Dictionary<ActivityId, List<Flow>> _flowsTo = [];
    private readonly Dictionary<WidgetId, ActivityId> _widgetOwners = [];
    private readonly List<MetricWidget> _journeyMetrics = [];
    private readonly Dictionary<WidgetId, PhaseId?> _kpiOwners = [];
    private readonly Dictionary<WarningKey, WarningStatus> _warnings = [];

    /// <summary>The built-in rules that raised one warning per activity before they raised one per metric; see <see cref="SetWarning"/>.</summary>
    private static readonly HashSet<RuleId> LegacyMetricRules = [MetricThresholdRule.RuleId, MetricTrendRule.RuleId, StaleMetricRule.RuleId];
    private readonly List<WarningKey> _warningOrder = [];
    private readonly Dictionary<(RuleId Rule, ActivityId? Activity, WidgetId? Metric), RuleSettingsEntry> _ruleSettings = [];
    private readonly List<(RuleId Rule, ActivityId? Activity, WidgetId? Metric)> _ruleSettingsOrder = [];
    private WarningSettings? _ruleSettingsLayer;
    private readonly List<JourneyEvent> _pending = [];
    private List<ActivityId>? _preorder;
    private bool _created;

    private Journey(IClock clock)
    {
        Guard.Against.Null(clock);
        _clock = clock;
        Name = "";
    }

    /// <summary>The journey's id.</summary>
    public JourneyId Id { get; private set; }

    /// <summary>The workspace the journey belongs to.</summary>
    public WorkspaceId WorkspaceId { get; private set; }

    /// <summary>The journey's name.</summary>
    public string Name { get; private set; }

    /// <summary>What the journey covers, if described.</summary>
    public string? Description { get; private set; }

    /// <summary>Who owns the journey map, if anyone.</summary>
    public string? Owner { get; private set; }

    /// <summary>Whether the map is as-is, to-be or research.</summary>
    public JourneyState State { get; private set; }

    /// <summary>
    /// The parent journey in the workspace's portfolio, or <see langword="null"/> for a top-level journey. Set it through
    /// <see cref="Portfolio.JourneyPortfolio.SetParentAsync"/>, which refuses a parent that would close a cycle.
    /// </summary>
    public JourneyId? ParentJourneyId { get; private set; }

    /// <summary>The number of events the journey's state folds, pending ones included.</summary>
    public long Version { get; private set; }

    /// <summary>When the journey was created.</summary>
    public Instant CreatedAt { get; private set; }

    /// <summary>When the journey last changed.</summary>
    public Instant LastChangedAt { get; private set; }

    /// <summary>The clock the journey stamps its events with.</summary>
    public IClock Clock => _clock;

    /// <summary>The phases, in order.</summary>
    public IReadOnlyList<Phase> Phases => _phases;

    /// <summary>The personas, in the order they were added unless moved with <see cref="MovePersona"/>.</summary>
    public IReadOnlyList<Persona> Personas => _personas;

    /// <summary>
    /// The journey's own metrics (journey-level KPIs), in order. Each phase holds its own in <see cref="Phase.Metrics"/>;
    /// activities hold theirs among their widgets.
    /// </summary>
    public IReadOnlyList<MetricWidget> Metrics => _journeyMetrics;

    /// <summary>The activities of the map, depth first: each parent before its children, siblings in the order they joined unless reordered with <see cref="ReorderActivity"/>.</summary>
    public IReadOnlyList<Activity> Activities => new ActivityView(this, Preorder());

    /// <summary>The number of activities.</summary>
    public int ActivityCount => _activities.Count;

    /// <summary>The flows between activities, in the order they were added.</summary>
    public IReadOnlyList<Flow> Flows => _flows;

    /// <summary>What people last did with each warning they handled, in the order the warnings were first handled.</summary>
    public IReadOnlyList<WarningStatus> WarningStatuses => _warningOrder.Select(k => _warnings[k]).ToList();

    /// <summary>
    /// The journey's own rule settings as one layer: journey-wide settings and per-activity and per-KPI overrides, which
    /// a <see cref="WarningEngine"/> lays over its host's defaults. The same object until the settings change.
    /// </summary>
    public WarningSettings RuleSettings => _ruleSettingsLayer ??= WarningSettings.From(_ruleSettings.Values);

    /// <summary>The journey's own rule settings with who set each, when and why, in the order they were first set.</summary>
    public IReadOnlyList<RuleSettingsEntry> RuleSettingsEntries => _ruleSettingsOrder.Select(k => _ruleSettings[k]).ToList();

    /// <summary>Finds the journey's own settings of a rule at one level.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="activity">The activity, for its override.</param>
    /// <param name="metric">The metric widget (KPI), for its override; at most one of <paramref name="activity"/> and <paramref name="metric"/>.</param>
    /// <returns>The entry, or <see langword="null"/> when the journey sets nothing there.</returns>
    public RuleSettingsEntry? FindRuleSettings(RuleId rule, ActivityId? activity = null, WidgetId? metric = null) =>
        _ruleSettings.GetValueOrDefault((rule, activity, metric));

    /// <summary>The events recorded since the journey was loaded or last saved, oldest first.</summary>
    public IReadOnlyList<JourneyEvent> PendingEvents => _pending;

    /// <summary>The version the journey had when it was loaded or last saved: <see cref="Version"/> minus the pending events.</summary>
    public long CommittedVersion => Version - _pending.Count;

    /// <summary>Gets an activity.</summary>
    /// <param name="id">The activity's id.</param>
    /// <returns>The activity.</returns>
    /// <exception cref="JourneyRuleException">The journey has no such activity.</exception>
    public Activity GetActivity(ActivityId id) =>
        _activities.TryGetValue(id, out var activity) ? activity
        : throw new JourneyRuleException(JourneyRules.UnknownActivity, $"Journey '{Name}' has no activity {id}.", id);

    /// <summary>Tries to get an activity.</summary>
    /// <param name="id">The activity's id.</param>
    /// <param name="activity">The activity, when found.</param>
    /// <returns><see langword="true"/> when the journey has the activity.</returns>
    public bool TryGetActivity(ActivityId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Activity? activity) =>
        _activities.TryGetValue(id, out activity);

    /// <summary>Gets a phase.</summary>
    /// <param name="id">The phase's id.</param>
    /// <returns>The phase.</returns>
    /// <exception cref="JourneyRuleException">The journey has no such phase.</exception>
    public Phase GetPhase(PhaseId id) =>
        FindPhase(id) ?? throw new JourneyRuleException(JourneyRules.UnknownPhase, $"Journey '{Name}' has no phase {id}.", id);

    /// <summary>Finds a phase.</summary>
    /// <param name="id">The phase's id.</param>
    /// <returns>The phase, or <see langword="null"/>.</returns>
    public Phase? FindPhase(PhaseId id)
    {
        foreach (var phase in _phases)
        {
            if (phase.Id == id)
            {
                return phase;
            }
        }

        return null;
    }

    /// <summary>Finds a persona.</summary>
    /// <param name="id">The persona's id.</param>
    /// <returns>The persona, or <see langword="null"/>.</returns>
    public Persona? FindPersona(PersonaId id) => _personas.Find(p => p.Id == id);

    /// <summary>Finds a flow.</summary>
    /// <param name="id">The flow's id.</param>
    /// <returns>The flow, or <see langword="null"/>.</returns>
    public Flow? FindFlow(FlowId id) => _flowsById.GetValueOrDefault(id);

    /// <summary>Finds a widget anywhere in the journey.</summary>
    /// <param name="id">The widget's id.</param>
    /// <param name="activity">The activity holding it, when found.</param>
    /// <returns>The widget, or <see langword="null"/>.</returns>
    public Widget? FindWidget(WidgetId id, out Activity? activity)
    {
        activity = null;
        if (!_widgetOwners.TryGetValue(id, out var owner))
        {
            return null;
        }

        activity = _activities[owner];
        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget.Id == id)
            {
                return widget;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds a metric anywhere in the journey: on an activity, on a phase or on the journey itself.
    /// </summary>
    /// <param name="id">The metric widget's id.</param>
    /// <param name="activity">The activity holding it, or <see langword="null"/> for a phase or journey KPI.</param>
    /// <param name="phase">The phase holding it as a phase KPI, or <see langword="null"/> (for an activity's metric, see the activity's phase).</param>
    /// <returns>The metric, or <see langword="null"/> when the journey has no metric with that id (or the widget is of another kind).</returns>
    public MetricWidget? FindMetric(WidgetId id, out Activity? activity, out Phase? phase)
    {
        phase = null;
        if (FindKpi(id, out var phaseId) is { } kpi)
        {
            activity = null;
            phase = phaseId is { } p ? FindPhase(p) : null;
            return kpi;
        }

        return FindWidget(id, out activity) as MetricWidget;
    }

    /// <summary>Finds a journey or phase KPI (not a metric on an activity).</summary>
    /// <param name="id">The metric widget's id.</param>
    /// <param name="phaseId">The phase holding it, or <see langword="null"/> for the journey itself (or when not found).</param>
    /// <returns>The metric, or <see langword="null"/> when no journey or phase KPI has that id.</returns>
    public MetricWidget? FindKpi(WidgetId id, out PhaseId? phaseId)
    {
        if (!_kpiOwners.TryGetValue(id, out phaseId))
        {
            return null;
        }

        IReadOnlyList<MetricWidget> list = phaseId is { } p ? FindPhase(p)!.Metrics : _journeyMetrics;
        foreach (var metric in list)
        {
            if (metric.Id == id)
            {
                return metric;
            }
        }

        return null;
    }

    /// <summary>The activity a warning subject is about: the activity itself, or the activity a metric subject's widget sits on.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The activity, or <see langword="null"/> for a phase, the journey, a journey or phase KPI, or a subject no longer in the journey.</returns>
    public Activity? FindActivityOf(WarningSubject subject) => subject.Kind switch
    {
        SubjectKind.Activity => _activities.GetValueOrDefault(new ActivityId(subject.Id)),
        SubjectKind.Metric when FindWidget(new WidgetId(subject.Id), out var owner) is MetricWidget => owner,
        _ => null,
    };

    /// <summary>The position of a phase, or -1 when the journey has no such phase.</summary>
    /// <param name="id">The phase's id.</param>
    /// <returns>The index in <see cref="Phases"/>.</returns>
    public int PhaseIndex(PhaseId id) => _phases.FindIndex(p => p.Id == id);

    /// <summary>The top-level activities of the map, in order.</summary>
    public IReadOnlyList<Activity> RootActivities => new ActivityView(this, _roots);

    /// <summary>The children of an activity in the map, in order.</summary>
    /// <param name="id">The parent activity.</param>
    /// <returns>The children; empty for a leaf or an unknown id.</returns>
    public IReadOnlyList<Activity> ChildrenOf(ActivityId id) =>
        _children.TryGetValue(id, out var children) ? new ActivityView(this, children) : [];

    /// <summary>
    /// An activity's siblings, itself included: the activities with the same parent (or none) in the same phase, in
    /// the order <see cref="ReorderActivity"/> sets. An activity's index here is its place among them.
    /// </summary>
    /// <param name="id">The activity.</param>
    /// <returns>The siblings, itself included; empty for an unknown id.</returns>
    public IReadOnlyList<Activity> SiblingsOf(ActivityId id) =>
        _activities.ContainsKey(id) ? new ActivityView(this, SiblingIds(id)) : [];

    /// <summary>The activities living in a phase, in map order.</summary>
    /// <param name="id">The phase.</param>
    /// <returns>The activities.</returns>
    public IReadOnlyList<Activity> ActivitiesIn(PhaseId id) =>
        _activityCountByPhase.GetValueOrDefault(id) == 0 ? [] : Activities.Where(a => a.PhaseId == id).ToList();

    /// <summary>How many activities live in a phase.</summary>
    /// <param name="id">The phase.</param>
    /// <returns>The count; zero for an unknown phase.</returns>
    public int ActivityCountIn(PhaseId id) => _activityCountByPhase.GetValueOrDefault(id);

    /// <summary>The flows leaving an activity.</summary>
    /// <param name="id">The activity.</param>
    /// <returns>The flows, in the order they were added.</returns>
    public IReadOnlyList<Flow> FlowsFrom(ActivityId id) => _flowsFrom.TryGetValue(id, out var flows) ? flows : [];

    /// <summary>The flows arriving at an activity.</summary>
    /// <param name="id">The activity.</param>
    /// <returns>The flows, in the order they were added.</returns>
    public IReadOnlyList<Flow> FlowsTo(ActivityId id) => _flowsTo.TryGetValue(id, out var flows) ? flows : [];

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="ancestor"/> or lies below it in the map.</summary>
    /// <param name="candidate">The activity that may be a descendant.</param>
    /// <param name="ancestor">The activity that may be its ancestor.</param>
    /// <returns><see langword="true"/> when it is the same activity or a descendant.</returns>
    public bool IsSelfOrDescendant(ActivityId candidate, ActivityId ancestor)
    {
        ActivityId? current = candidate;
        var steps = 0;
        while (current is { } id && steps++ <= _activities.Count)
        {
            if (id == ancestor)
            {
                return true;
            }

            current = _activities.TryGetValue(id, out var activity) ? activity.ParentId : null;
        }

        return false;
    }

    /// <summary>What people last did with a warning, if anything.</summary>
    /// <param name="key">The warning.</param>
    /// <returns>The status, or <see langword="null"/> when nobody has handled it.</returns>
    public WarningStatus? FindWarningStatus(WarningKey key) => _warnings.GetValueOrDefault(key);

    /// <summary>Forgets the pending events after a store has saved them. Stores call this; hosts rarely need to.</summary>
    public void ClearPendingEvents() => _pending.Clear();

    /// <summary>Returns the journey's whole state as immutable data.</summary>
    /// <returns>The snapshot.</returns>
    public JourneySnapshot ToSnapshot() => new()
    {
        Id = Id,
        WorkspaceId = WorkspaceId,
        Name = Name,
        Description = Description,
        Owner = Owner,
        State = State,
        ParentJourneyId = ParentJourneyId,
        Version = Version,
        CreatedAt = CreatedAt,
        LastChangedAt = LastChangedAt,
        Phases = ValueList<Phase>.From(_phases),
        Metrics = ValueList<MetricWidget>.From(_journeyMetrics),
        Personas = ValueList<Persona>.From(_personas),
        Activities = ValueList<Activity>.From(Activities),
        Flows = ValueList<Flow>.From(_flows),
        Warnings = ValueList<WarningStatus>.From(_warningOrder.Select(k => _warnings[k])),
        RuleSettings = ValueList<RuleSettingsEntry>.From(_ruleSettingsOrder.Select(k => _ruleSettings[k])),
        Lanes = ValueList<Lane>.From(_customLanes),
        Opportunities = ValueList<Opportunity>.From(_opportunities),
        Pairing = Pairing,
    };

    /// <summary>Describes the journey for diagnostics.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"Journey '{Name}' ({Id}) v{Version}: {Internal.Text.Count(_phases.Count, "phase", "phases")}, {Internal.Text.Count(_activities.Count, "activity", "activities")}, {Internal.Text.Count(_flows.Count, "flow", "flows")}";

    private List<ActivityId> Preorder()
    {
        if (_preorder is not null)
        {
            return _preorder;
        }

        var order = new List<ActivityId>(_activities.Count);
        var stack = new Stack<ActivityId>();
        for (var i = _roots.Count - 1; i >= 0; i--)
        {
            stack.Push(_roots[i]);
        }

        while (stack.Count > 0)
        {
            var id = stack.Pop();
            order.Add(id);
            if (_children.TryGetValue(id, out var children))
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }

        _preorder = order;
        return order;
    }

    /// <summary>The ids of an existing activity's siblings, itself included, in order (a new list).</summary>
    private List<ActivityId> SiblingIds(ActivityId id)
    {
        var activity = _activities[id];
        var all = activity.ParentId is { } parent ? _children[parent] : _roots;
        var siblings = new List<ActivityId>(all.Count);
        foreach (var sibling in all)
        {
            if (_activities[sibling].PhaseId == activity.PhaseId)
            {
                siblings.Add(sibling);
            }
        }

        return siblings;
    }

    private sealed class ActivityView(Journey journey, List<ActivityId> ids) : IReadOnlyList<Activity>
    {
        public Activity this[int index] => journey._activities[ids[index]];

        public int Count => ids.Count;

        public IEnumerator<Activity> GetEnumerator()
        {
            foreach (var id in ids)
            {
                yield return journey._activities[id];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
