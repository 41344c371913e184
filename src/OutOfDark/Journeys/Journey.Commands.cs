using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

// Every command: check for nulls, skip when nothing would change, then Raise one event (which validates it).
// Every command takes the actor first and an optional reason last; refusals throw JourneyRuleException.
public sealed partial class Journey
{
    /// <summary>Renames the journey.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="name">The new name.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The name is empty or too long.</exception>
    public void Rename(Actor actor, string name, string? reason = null)
    {
        Guard.Against.Null(name);
        if (name != Name)
        {
            Raise(new JourneyRenamed(name), actor, reason);
        }
    }

    /// <summary>Changes the journey's description.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="description">The new description, or <see langword="null"/> to clear it.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The description is too long.</exception>
    public void Describe(Actor actor, string? description, string? reason = null)
    {
        if (description != Description)
        {
            Raise(new JourneyDescriptionChanged(description), actor, reason);
        }
    }

    /// <summary>Changes who owns the journey map.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="owner">The new owner, or <see langword="null"/> for none.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The owner is empty or too long.</exception>
    public void SetOwner(Actor actor, string? owner, string? reason = null)
    {
        if (owner != Owner)
        {
            Raise(new JourneyOwnerChanged(owner), actor, reason);
        }
    }

    /// <summary>Changes whether the map is as-is, to-be or research.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="state">The new state.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The state is not a defined value.</exception>
    public void SetState(Actor actor, JourneyState state, string? reason = null)
    {
        if (state != State)
        {
            Raise(new JourneyStateChanged(state), actor, reason);
        }
    }

    /// <summary>
    /// Places the journey under a parent journey of its workspace, moves it under another, or makes it a top-level
    /// journey. The journey itself refuses only itself as its parent; use
    /// <see cref="Portfolio.JourneyPortfolio.SetParentAsync"/>, which also checks that the parent exists in the same
    /// workspace and that no cycle forms through other journeys.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="parentJourneyId">The parent journey, or <see langword="null"/> for a top-level journey.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The parent is the journey itself (<c>journey-cycle</c>) or the empty GUID (<c>invalid-value</c>).</exception>
    public void SetParent(Actor actor, JourneyId? parentJourneyId, string? reason = null)
    {
        if (parentJourneyId != ParentJourneyId)
        {
            Raise(new JourneyParentChanged(parentJourneyId), actor, reason);
        }
    }

    /// <summary>
    /// Links an activity to the sub-journey that details it, links it to another, or removes the link. The journey
    /// refuses itself as the sub-journey; <see cref="Portfolio.JourneyPortfolio.LinkSubJourneyAsync"/> also checks that
    /// the sub-journey exists in the same workspace.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="subJourneyId">The journey that details it, or <see langword="null"/> to remove the link.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist, or the sub-journey is this journey or the empty GUID.</exception>
    public void LinkSubJourney(Actor actor, ActivityId activityId, JourneyId? subJourneyId, string? reason = null)
    {
        if (!_activities.TryGetValue(activityId, out var activity) || activity.SubJourneyId != subJourneyId)
        {
            Raise(new SubJourneyLinked(activityId, subJourneyId), actor, reason);
        }
    }

    /// <summary>Adds a phase, at the end unless a position is given.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="name">The phase's name.</param>
    /// <param name="customerGoal">The customer's goal in the phase.</param>
    /// <param name="position">Where to insert it, from 0 to the number of phases; the end when omitted.</param>
    /// <param name="id">The phase's id; a new one when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The phase's id.</returns>
    /// <exception cref="JourneyRuleException">
    /// The id is taken, the name is empty, another phase has the name (<c>duplicate-name</c>, ignoring case), or the
    /// position is out of range.
    /// </exception>
    /// <remarks>
    /// Names are unique among a journey's phases for commands only: journeys stored before the rule (events or documents
    /// holding two phases of one name) still load.
    /// </remarks>
    public PhaseId AddPhase(Actor actor, string name, string? customerGoal = null, int? position = null, PhaseId? id = null, string? reason = null)
    {
        Guard.Against.Null(name);
        RequireUniquePhaseName(name, null);
        var phaseId = id ?? PhaseId.New();
        Raise(new PhaseAdded(phaseId, name, customerGoal, position ?? _phases.Count), actor, reason);
        return phaseId;
    }

    /// <summary>Adds a set of phases at the end, for example <see cref="PhaseTemplate.SeeThinkDoCare"/>.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="template">The phases to add, in order.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The new phases' ids, in order.</returns>
    /// <exception cref="JourneyRuleException">
    /// A phase is invalid (the phases before it stay added), or a name is taken by a phase of the journey or repeated in
    /// the template (<c>duplicate-name</c>, ignoring case; then none is added).
    /// </exception>
    public IReadOnlyList<PhaseId> AddPhases(Actor actor, IEnumerable<PhaseTemplate> template, string? reason = null)
    {
        Guard.Against.Null(template);
        var phases = template.ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var phase in phases)
        {
            Guard.Against.Null(phase, nameof(template));
            RequireUniquePhaseName(phase.Name, null);
            if (!names.Add(phase.Name))
            {
                throw new JourneyRuleException(JourneyRules.DuplicateName, $"The template names phase '{phase.Name}' twice (names are compared ignoring case); give each phase its own name.", phase.Name);
            }
        }

        var ids = new List<PhaseId>();
        foreach (var phase in phases)
        {
            ids.Add(AddPhase(actor, phase.Name, phase.CustomerGoal, reason: reason));
        }

        return ids;
    }

    /// <summary>Changes a phase's name and customer goal.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="name">The new name.</param>
    /// <param name="customerGoal">The new customer goal.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The phase does not exist, the name is empty, or a new name is taken by another phase (<c>duplicate-name</c>, ignoring case).</exception>
    public void ChangePhase(Actor actor, PhaseId phaseId, string name, string? customerGoal, string? reason = null)
    {
        Guard.Against.Null(name);
        var phase = GetPhase(phaseId);
        if (phase.Name != name)
        {
            RequireUniquePhaseName(name, phaseId);
        }

        if (phase.Name != name || phase.CustomerGoal != customerGoal)
        {
            Raise(new PhaseChanged(phaseId, name, customerGoal), actor, reason);
        }
    }

    /// <summary>Moves a phase to another index: the phases between shift by one, the others keep their places.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="position">Its new index, from 0 to the number of phases − 1; its current index changes nothing.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The phase does not exist (<c>unknown-phase</c>) or the position is out of range (<c>invalid-position</c>, naming the phase and the valid range).</exception>
    public void MovePhase(Actor actor, PhaseId phaseId, int position, string? reason = null)
    {
        if (PhaseIndex(phaseId) is var index && (index < 0 || index != position))
        {
            Raise(new PhaseMoved(phaseId, position), actor, reason);
        }
    }

    /// <summary>Removes a phase that holds no activities.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The phase does not exist or still holds activities.</exception>
    public void RemovePhase(Actor actor, PhaseId phaseId, string? reason = null) =>
        Raise(new PhaseRemoved(phaseId), actor, reason);

    /// <summary>Adds a persona.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="name">The persona's name.</param>
    /// <param name="description">Who the persona is.</param>
    /// <param name="id">The persona's id; a new one when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The persona's id.</returns>
    /// <exception cref="JourneyRuleException">The id is taken, the name is empty, or another persona has the name (<c>duplicate-name</c>, ignoring case).</exception>
    /// <remarks>
    /// Names are unique among a journey's personas for commands only: journeys stored before the rule (events or
    /// documents holding two personas of one name) still load.
    /// </remarks>
    public PersonaId AddPersona(Actor actor, string name, string? description = null, PersonaId? id = null, string? reason = null)
    {
        Guard.Against.Null(name);
        RequireUniquePersonaName(name, null);
        var personaId = id ?? PersonaId.New();
        Raise(new PersonaAdded(personaId, name, description), actor, reason);
        return personaId;
    }

    /// <summary>Changes a persona's name and description.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="personaId">The persona.</param>
    /// <param name="name">The new name.</param>
    /// <param name="description">The new description.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The persona does not exist, the name is empty, or a new name is taken by another persona (<c>duplicate-name</c>, ignoring case).</exception>
    public void ChangePersona(Actor actor, PersonaId personaId, string name, string? description, string? reason = null)
    {
        Guard.Against.Null(name);
        if (FindPersona(personaId) is { } current && current.Name != name)
        {
            RequireUniquePersonaName(name, personaId);
        }

        if (FindPersona(personaId) is not { } persona || persona.Name != name || persona.Description != description)
        {
            Raise(new PersonaChanged(personaId, name, description), actor, reason);
        }
    }

    /// <summary>Moves a persona to another index in <see cref="Personas"/>: the personas between shift by one, the others keep their places.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="personaId">The persona.</param>
    /// <param name="position">Its new index, from 0 to the number of personas − 1; its current index changes nothing.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The persona does not exist (<c>unknown-persona</c>) or the position is out of range (<c>invalid-position</c>, naming the persona and the valid range).</exception>
    public void MovePersona(Actor actor, PersonaId personaId, int position, string? reason = null)
    {
        if (_personas.FindIndex(p => p.Id == personaId) is var index && (index < 0 || index != position))
        {
            Raise(new PersonaMoved(personaId, position), actor, reason);
        }
    }

    /// <summary>Removes a persona no emotion widget refers to.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="personaId">The persona.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The persona does not exist or is still in use.</exception>
    public void RemovePersona(Actor actor, PersonaId personaId, string? reason = null) =>
        Raise(new PersonaRemoved(personaId), actor, reason);

    /// <summary>Adds an activity to a phase, at the top level of the map or under a parent activity.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="phaseId">The phase it lives in.</param>
    /// <param name="name">Its name.</param>
    /// <param name="kind">What sort of action it is.</param>
    /// <param name="details">Its channels, owner, status, schedule and tags; empty when omitted.</param>
    /// <param name="parentId">Its parent in the map, which must live in <paramref name="phaseId"/> (a child lives in its parent's phase); top level when omitted.</param>
    /// <param name="id">Its id; a new one when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The activity's id.</returns>
    /// <exception cref="JourneyRuleException">The id is taken, the phase or parent does not exist, the parent lives in another phase (<c>parent-in-other-phase</c>), or a field is invalid.</exception>
    public ActivityId AddActivity(
        Actor actor,
        PhaseId phaseId,
        string name,
        ActivityKind kind = ActivityKind.Touchpoint,
        ActivityDetails? details = null,
        ActivityId? parentId = null,
        ActivityId? id = null,
        string? reason = null)
    {
        Guard.Against.Null(name);
        var activityId = id ?? ActivityId.New();
        Raise(new ActivityAdded(activityId, phaseId, parentId, name, kind, details ?? ActivityDetails.Empty), actor, reason);
        return activityId;
    }

    /// <summary>Changes an activity's name, kind and details at once.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="name">The new name.</param>
    /// <param name="kind">The new kind.</param>
    /// <param name="details">The new details.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist or a field is invalid.</exception>
    public void ChangeActivity(Actor actor, ActivityId activityId, string name, ActivityKind kind, ActivityDetails details, string? reason = null)
    {
        Guard.Against.Null(name);
        Guard.Against.Null(details);
        var activity = GetActivity(activityId);
        if (activity.Name != name || activity.Kind != kind || activity.Details != details)
        {
            Raise(new ActivityChanged(activityId, name, kind, details), actor, reason);
        }
    }

    /// <summary>Changes an activity's details with a function of the current ones, for example <c>d => d with { Owner = "ana" }</c>.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="change">Computes the new details from the current ones.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist or a field is invalid.</exception>
    public void ChangeActivityDetails(Actor actor, ActivityId activityId, Func<ActivityDetails, ActivityDetails> change, string? reason = null)
    {
        Guard.Against.Null(change);
        var activity = GetActivity(activityId);
        ChangeActivity(actor, activityId, activity.Name, activity.Kind, change(activity.Details), reason);
    }

    /// <summary>Renames an activity.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="name">The new name.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist or the name is empty.</exception>
    public void RenameActivity(Actor actor, ActivityId activityId, string name, string? reason = null)
    {
        var activity = GetActivity(activityId);
        ChangeActivity(actor, activityId, name, activity.Kind, activity.Details, reason);
    }

    /// <summary>
    /// Moves an activity to another phase and/or under another parent (or to the top level) of the map. A child lives in
    /// its parent's phase: the activity's descendants move to the new phase with it.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="phaseId">Its phase after the move.</param>
    /// <param name="parentId">Its parent after the move, which must live in <paramref name="phaseId"/>, or <see langword="null"/> for the top level.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">
    /// Something does not exist, the new parent is the activity itself or one of its descendants (<c>map-cycle</c>: the
    /// map must stay a tree), or the new parent lives in another phase than <paramref name="phaseId"/> (<c>parent-in-other-phase</c>).
    /// </exception>
    public void MoveActivity(Actor actor, ActivityId activityId, PhaseId phaseId, ActivityId? parentId, string? reason = null)
    {
        var activity = GetActivity(activityId);
        if (activity.PhaseId != phaseId || activity.ParentId != parentId)
        {
            Raise(new ActivityMoved(activityId, phaseId, parentId), actor, reason);
        }
    }

    /// <summary>
    /// Moves an activity to another index among its siblings — the activities with the same parent (or none) in the
    /// same phase, in map order (<see cref="SiblingsOf"/>) — keeping its phase and parent; the siblings between shift by
    /// one. The map, the journey document and every view show siblings in this order.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="position">Its new index among its siblings, from 0 to the number of siblings (itself included) − 1; its current index changes nothing.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist (<c>unknown-activity</c>) or the position is out of range (<c>invalid-position</c>, naming the activity, its phase and the valid range).</exception>
    public void ReorderActivity(Actor actor, ActivityId activityId, int position, string? reason = null)
    {
        if (!_activities.ContainsKey(activityId) || SiblingIds(activityId).IndexOf(activityId) != position)
        {
            Raise(new ActivityReordered(activityId, position), actor, reason);
        }
    }

    /// <summary>Removes an activity with its descendants in the map and every flow touching any of them.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist.</exception>
    public void RemoveActivity(Actor actor, ActivityId activityId, string? reason = null) =>
        Raise(new ActivityRemoved(activityId), actor, reason);

    /// <summary>Adds a flow: customers go from one activity to another.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="from">The activity customers come from.</param>
    /// <param name="to">The activity they go to.</param>
    /// <param name="label">The flow's label.</param>
    /// <param name="id">The flow's id; a new one when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The flow's id.</returns>
    /// <exception cref="JourneyRuleException">An end does not exist, both ends are the same, or the flow already exists.</exception>
    public FlowId AddFlow(Actor actor, ActivityId from, ActivityId to, string? label = null, FlowId? id = null, string? reason = null)
    {
        var flowId = id ?? FlowId.New();
        Raise(new FlowAdded(flowId, from, to, label), actor, reason);
        return flowId;
    }

    /// <summary>Removes a flow.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="flowId">The flow.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The flow does not exist.</exception>
    public void RemoveFlow(Actor actor, FlowId flowId, string? reason = null) =>
        Raise(new FlowRemoved(flowId), actor, reason);

    /// <summary>Adds a widget at the end of an activity's Detail view.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="widget">The widget.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The widget's id.</returns>
    /// <exception cref="JourneyRuleException">The activity does not exist, the widget id is taken, or its content is invalid.</exception>
    public WidgetId AddWidget(Actor actor, ActivityId activityId, Widget widget, string? reason = null)
    {
        Guard.Against.Null(widget);
        Raise(new WidgetAdded(activityId, widget), actor, reason);
        return widget.Id;
    }

    /// <summary>
    /// Adds a metric (a KPI) to the journey itself, at the end of <see cref="Metrics"/> unless a position is given:
    /// <c>journey.AddJourneyMetric(ana, new MetricWidget(WidgetId.New(), "Repeat purchase", MetricKind.Percentage) { Target = 30 })</c>.
    /// Once added, it is changed, moved and removed with <see cref="ChangeWidget"/>, <see cref="MoveWidget"/> and
    /// <see cref="RemoveWidget"/>, and measured with <c>RecordObservation</c>, <c>CorrectObservation</c>,
    /// <c>RemoveObservation</c> and <see cref="RecordAnswers"/>, by its widget id, as a metric on an activity is.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metric">The metric; its id must be unused anywhere in the journey.</param>
    /// <param name="position">Where to insert it, from 0 to the number of journey metrics; the end when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The metric's widget id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The id is taken, the content is invalid, or the position is out of range.</exception>
    public WidgetId AddJourneyMetric(Actor actor, MetricWidget metric, int? position = null, string? reason = null)
    {
        Guard.Against.Null(metric);
        Raise(new KpiAdded(null, metric, position ?? _journeyMetrics.Count), actor, reason);
        return metric.Id;
    }

    /// <summary>
    /// Adds a metric (a stage KPI, such as the conversion of Think or the CSAT of Care) to a phase, at the end of its
    /// <see cref="Phase.Metrics"/> unless a position is given. Changed, moved, removed and measured by its widget id as
    /// <see cref="AddJourneyMetric"/> describes. A phase holding metrics cannot be removed until they are.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="phaseId">The phase.</param>
    /// <param name="metric">The metric; its id must be unused anywhere in the journey.</param>
    /// <param name="position">Where to insert it, from 0 to the number of the phase's metrics; the end when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The metric's widget id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The phase does not exist, the id is taken, the content is invalid, or the position is out of range.</exception>
    public WidgetId AddPhaseMetric(Actor actor, PhaseId phaseId, MetricWidget metric, int? position = null, string? reason = null)
    {
        Guard.Against.Null(metric);
        Raise(new KpiAdded(phaseId, metric, position ?? FindPhase(phaseId)?.Metrics.Count ?? 0), actor, reason);
        return metric.Id;
    }

    /// <summary>Replaces a widget's content, for example <c>metric with { Target = 30 }</c>. The kind cannot change.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="widget">The widget's new content; its id names the widget.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget does not exist, its kind would change, or the content is invalid.</exception>
    public void ChangeWidget(Actor actor, Widget widget, string? reason = null)
    {
        Guard.Against.Null(widget);
        if (FindKpi(widget.Id, out var kpiPhase) is { } kpi)
        {
            var metric = widget as MetricWidget ?? throw new JourneyRuleException(JourneyRules.WrongWidgetKind, $"Widget '{kpi.Title}' ({kpi.Id}) is a metric on {KpiPlace(kpiPhase)} and cannot become a {widget.KindName()} widget: the journey and its phases hold metrics only.", widget.Id);
            if (!kpi.Equals(metric))
            {
                Raise(new KpiChanged(kpiPhase, metric), actor, reason);
            }

            return;
        }

        var existing = RequireExistingWidget(widget.Id, out var activity);
        if (!existing.Equals(widget))
        {
            Raise(new WidgetChanged(activity.Id, widget), actor, reason);
        }
    }

    /// <summary>Moves a widget to another index in its activity's Detail view: the widgets between shift by one.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="widgetId">The widget.</param>
    /// <param name="position">Its new index, from 0 to the activity's number of widgets − 1; its current index changes nothing.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget does not exist (<c>unknown-widget</c>) or the position is out of range (<c>invalid-position</c>, naming the widget, its activity and the valid range).</exception>
    public void MoveWidget(Actor actor, WidgetId widgetId, int position, string? reason = null)
    {
        if (FindKpi(widgetId, out var kpiPhase) is not null)
        {
            if (KpiIndex(kpiPhase, widgetId) != position)
            {
                Raise(new KpiMoved(kpiPhase, widgetId, position), actor, reason);
            }

            return;
        }

        RequireExistingWidget(widgetId, out var activity);
        if (activity.Widgets.FindIndex(w => w.Id == widgetId) != position)
        {
            Raise(new WidgetMoved(activity.Id, widgetId, position), actor, reason);
        }
    }

    /// <summary>Removes a widget.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="widgetId">The widget.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget does not exist.</exception>
    public void RemoveWidget(Actor actor, WidgetId widgetId, string? reason = null)
    {
        if (FindKpi(widgetId, out var kpiPhase) is not null)
        {
            Raise(new KpiRemoved(kpiPhase, widgetId), actor, reason);
            return;
        }

        RequireExistingWidget(widgetId, out var activity);
        Raise(new WidgetRemoved(activity.Id, widgetId), actor, reason);
    }

    /// <summary>Records a metric's value for a date that has none yet.</summary>
    /// <param name="actor">Who makes the change (a person or a feed such as "crm-sync").</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="date">The date.</param>
    /// <param name="value">The value.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget is not a metric, the date already has a value, or the value does not fit the metric's kind.</exception>
    public void RecordObservation(Actor actor, WidgetId metricId, LocalDate date, decimal value, string? reason = null)
    {
        if (FindKpi(metricId, out var kpiPhase) is not null)
        {
            Raise(new KpiMeasurementRecorded(kpiPhase, metricId, Segment.All, date, value, null, null), actor, reason);
            return;
        }

        RequireExistingWidget(metricId, out var activity);
        Raise(new ObservationRecorded(activity.Id, metricId, date, value), actor, reason);
    }

    /// <summary>Corrects a metric's value for a date.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="date">The date.</param>
    /// <param name="value">The corrected value.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget is not a metric, the date has no value, or the value does not fit.</exception>
    public void CorrectObservation(Actor actor, WidgetId metricId, LocalDate date, decimal value, string? reason = null)
    {
        if (FindKpi(metricId, out var kpiPhase) is { } kpi)
        {
            if (!kpi.Observations.TryGetValue(date, out var was) || was != value)
            {
                Raise(new KpiMeasurementCorrected(kpiPhase, metricId, Segment.All, date, value, null, null), actor, reason);
            }

            return;
        }

        var metric = RequireExistingWidget(metricId, out var activity) as MetricWidget;
        if (metric is null || !metric.Observations.TryGetValue(date, out var current) || current != value)
        {
            Raise(new ObservationCorrected(activity.Id, metricId, date, value), actor, reason);
        }
    }

    /// <summary>Removes a metric's value for a date.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="date">The date.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget is not a metric or the date has no value.</exception>
    public void RemoveObservation(Actor actor, WidgetId metricId, LocalDate date, string? reason = null)
    {
        if (FindKpi(metricId, out var kpiPhase) is not null)
        {
            Raise(new KpiMeasurementRemoved(kpiPhase, metricId, Segment.All, date), actor, reason);
            return;
        }

        RequireExistingWidget(metricId, out var activity);
        Raise(new ObservationRemoved(activity.Id, metricId, date), actor, reason);
    }

    /// <summary>
    /// Records a metric's observation for a segment of customers, with its sample size or answers when known:
    /// <c>journey.RecordObservation(ana, csat, Segment.Of(("region", "DE")), new Observation(day, 82m) { SampleSize = 140 })</c>.
    /// With <see cref="Segment.All"/> it is the metric's own observation for all customers.
    /// </summary>
    /// <param name="actor">Who makes the change (a person or a feed such as "crm-sync").</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="segment">The segment the observation describes.</param>
    /// <param name="observation">The date, value, and optionally sample size and answers.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">
    /// The widget is not a metric; the segment already has a value on the date; the value does not fit the metric's kind;
    /// the sample size is negative; or the answers do not fit (scale other than the metric's kind, no answers, value not
    /// their score, sample size not their total).
    /// </exception>
    public void RecordObservation(Actor actor, WidgetId metricId, Segment segment, Observation observation, string? reason = null)
    {
        Guard.Against.Null(segment);
        if (FindKpi(metricId, out var kpiPhase) is not null)
        {
            Raise(new KpiMeasurementRecorded(kpiPhase, metricId, segment, observation.Date, observation.Value, observation.SampleSize, observation.Answers), actor, reason);
            return;
        }

        RequireExistingWidget(metricId, out var activity);
        Raise(new MeasurementRecorded(activity.Id, metricId, segment, observation.Date, observation.Value, observation.SampleSize, observation.Answers), actor, reason);
    }

    /// <summary>
    /// Records survey answers (NPS, CSAT or CES counts) as a metric's observation: the value is their
    /// <see cref="AnswerDistribution.Score"/> and the sample size their total.
    /// <c>journey.RecordAnswers(ana, csat, day, AnswerDistribution.Of(SurveyScale.Csat, 2, 3, 10, 40, 45), Segment.Of(("customer", "first-time buyer")))</c>.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget; its kind must be the answers' scale (<see cref="MetricKind.Nps"/>, <see cref="MetricKind.Csat"/>, <see cref="MetricKind.Ces"/>).</param>
    /// <param name="date">The date.</param>
    /// <param name="answers">The answers; at least one.</param>
    /// <param name="segment">The segment they come from; <see langword="null"/> for all customers.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">As <see cref="RecordObservation(Actor, WidgetId, Segment, Observation, string?)"/>.</exception>
    public void RecordAnswers(Actor actor, WidgetId metricId, LocalDate date, AnswerDistribution answers, Segment? segment = null, string? reason = null)
    {
        Guard.Against.Null(answers);
        RecordObservation(actor, metricId, segment ?? Segment.All, new Observation(date, answers.Score ?? 0m) { Answers = answers }, reason);
    }

    /// <summary>Corrects a segment's observation of a metric (value, sample size and answers together).</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="observation">The corrected observation; its date names the one corrected.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The widget is not a metric, the segment has no value on the date, or the observation does not fit (as when recording).</exception>
    public void CorrectObservation(Actor actor, WidgetId metricId, Segment segment, Observation observation, string? reason = null)
    {
        Guard.Against.Null(segment);
        if (FindKpi(metricId, out var kpiPhase) is { } kpi)
        {
            var kpiSeries = kpi.SeriesOf(segment);
            var at = kpiSeries.IndexOf(observation.Date);
            if (at < 0 || kpiSeries[at] != observation)
            {
                Raise(new KpiMeasurementCorrected(kpiPhase, metricId, segment, observation.Date, observation.Value, observation.SampleSize, observation.Answers), actor, reason);
            }

            return;
        }

        var metric = RequireExistingWidget(metricId, out var activity) as MetricWidget;
        var series = metric?.SeriesOf(segment);
        var index = series?.IndexOf(observation.Date) ?? -1;
        if (index < 0 || series![index] != observation)
        {
            Raise(new MeasurementCorrected(activity.Id, metricId, segment, observation.Date, observation.Value, observation.SampleSize, observation.Answers), actor, reason);
        }
    }

    /// <summary>Removes a segment's observation of a metric on a date; a segment left with none is dropped.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="date">The date.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segment"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The widget is not a metric or the segment has no value on the date.</exception>
    public void RemoveObservation(Actor actor, WidgetId metricId, Segment segment, LocalDate date, string? reason = null)
    {
        Guard.Against.Null(segment);
        if (FindKpi(metricId, out var kpiPhase) is not null)
        {
            Raise(new KpiMeasurementRemoved(kpiPhase, metricId, segment, date), actor, reason);
            return;
        }

        RequireExistingWidget(metricId, out var activity);
        Raise(new MeasurementRemoved(activity.Id, metricId, segment, date), actor, reason);
    }

    /// <summary>Adds a piece of customer feedback to a feedback widget.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="feedbackId">The feedback widget.</param>
    /// <param name="entry">The feedback.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget is not a feedback widget or the entry is invalid.</exception>
    public void RecordFeedback(Actor actor, WidgetId feedbackId, FeedbackEntry entry, string? reason = null)
    {
        Guard.Against.Null(entry);
        if (FindKpi(feedbackId, out var kpiPhase) is { } kpi)
        {
            throw new JourneyRuleException(JourneyRules.WrongWidgetKind, $"Cannot record feedback on widget '{kpi.Title}' ({kpi.Id}): it is a metric on {KpiPlace(kpiPhase)}.", feedbackId);
        }

        RequireExistingWidget(feedbackId, out var activity);
        Raise(new FeedbackRecorded(activity.Id, feedbackId, entry), actor, reason);
    }

    /// <summary>Removes one entry of a feedback widget, for example a quote recorded by mistake or withdrawn by the customer.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="feedbackId">The feedback widget.</param>
    /// <param name="index">The entry's index in <see cref="FeedbackWidget.Entries"/>, from 0.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget does not exist, is not a feedback widget, or has no entry at <paramref name="index"/> (<c>invalid-position</c>).</exception>
    public void RemoveFeedback(Actor actor, WidgetId feedbackId, int index, string? reason = null)
    {
        RequireExistingWidget(feedbackId, out var activity);
        Raise(new FeedbackRemoved(activity.Id, feedbackId, index), actor, reason);
    }

    /// <summary>Acknowledges a warning: the actor has seen it and owns it.</summary>
    /// <param name="actor">Who acknowledges it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="note">A note, if any.</param>
    /// <exception cref="JourneyRuleException">The warning's subject is not part of the journey.</exception>
    public void AcknowledgeWarning(Actor actor, WarningKey warning, string? note = null) =>
        Raise(new WarningAcknowledged(warning, note), actor, null);

    /// <summary>Snoozes a warning until an instant; it comes back then if its condition still holds.</summary>
    /// <param name="actor">Who snoozes it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="until">When it comes back; must be in the future.</param>
    /// <param name="note">A note, if any.</param>
    /// <exception cref="JourneyRuleException">The subject is not part of the journey or <paramref name="until"/> is not in the future.</exception>
    public void SnoozeWarning(Actor actor, WarningKey warning, Instant until, string? note = null) =>
        Raise(new WarningSnoozed(warning, until, note), actor, null);

    /// <summary>Marks a warning resolved.</summary>
    /// <param name="actor">Who resolves it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="note">A note, if any.</param>
    /// <exception cref="JourneyRuleException">The warning's subject is not part of the journey.</exception>
    public void ResolveWarning(Actor actor, WarningKey warning, string? note = null) =>
        Raise(new WarningResolved(warning, note), actor, null);

    /// <summary>Reopens a warning that was acknowledged, snoozed or resolved.</summary>
    /// <param name="actor">Who reopens it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="note">A note, if any.</param>
    /// <exception cref="JourneyRuleException">The warning's subject is not part of the journey.</exception>
    public void ReopenWarning(Actor actor, WarningKey warning, string? note = null) =>
        Raise(new WarningReopened(warning, note), actor, null);

    /// <summary>Sets the journey-wide settings of a warning rule, over the host's defaults.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="rule">The rule; any valid id (the host decides which rules run).</param>
    /// <param name="settings">The settings, a record of the rule's settings type.</param>
    /// <param name="reason">Why, if worth recording; the history shows it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The rule id is invalid or the settings are out of their documented range (<see cref="RuleSettings.Validate"/>).</exception>
    public void SetRuleSettings(Actor actor, RuleId rule, RuleSettings settings, string? reason = null)
    {
        Guard.Against.Null(settings);
        ChangeRuleSettings(actor, rule, null, null, settings, reason);
    }

    /// <summary>Clears the journey-wide settings of a warning rule: the host's defaults apply again.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The rule id is invalid.</exception>
    public void ClearRuleSettings(Actor actor, RuleId rule, string? reason = null) =>
        ChangeRuleSettings(actor, rule, null, null, null, reason);

    /// <summary>Sets a warning rule's settings for one activity, over the journey-wide ones.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">The settings for that activity.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The activity does not exist, the rule id is invalid or the settings are out of range.</exception>
    public void SetActivityRuleSettings(Actor actor, ActivityId activityId, RuleId rule, RuleSettings settings, string? reason = null)
    {
        Guard.Against.Null(settings);
        ChangeRuleSettings(actor, rule, activityId, null, settings, reason);
    }

    /// <summary>Clears a warning rule's override for one activity: the journey-wide settings apply to it again.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity does not exist or the rule id is invalid.</exception>
    public void ClearActivityRuleSettings(Actor actor, ActivityId activityId, RuleId rule, string? reason = null) =>
        ChangeRuleSettings(actor, rule, activityId, null, null, reason);

    /// <summary>Sets a warning rule's settings for one KPI (a metric widget), over its activity's and the journey's.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">The settings for that KPI.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The widget does not exist or is not a metric, the rule id is invalid or the settings are out of range.</exception>
    public void SetMetricRuleSettings(Actor actor, WidgetId metricId, RuleId rule, RuleSettings settings, string? reason = null)
    {
        Guard.Against.Null(settings);
        ChangeRuleSettings(actor, rule, null, metricId, settings, reason);
    }

    /// <summary>Clears a warning rule's override for one KPI (a metric widget).</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="metricId">The metric widget.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The widget does not exist or is not a metric, or the rule id is invalid.</exception>
    public void ClearMetricRuleSettings(Actor actor, WidgetId metricId, RuleId rule, string? reason = null) =>
        ChangeRuleSettings(actor, rule, null, metricId, null, reason);

    private void ChangeRuleSettings(Actor actor, RuleId rule, ActivityId? activity, WidgetId? metric, RuleSettings? settings, string? reason)
    {
        if (settings is not null)
        {
            ValidateBuiltInRuleSettings(rule, activity, metric, settings);
        }

        var previous = FindRuleSettings(rule, activity, metric)?.Settings;
        if (!Equals(previous, settings))
        {
            Raise(new RuleSettingsChanged(rule, activity, metric, previous, settings), actor, reason);
        }
        else
        {
            // Nothing changes, but a wrong target or rule id is still refused: the caller learns of the mistake.
            ValidateRuleSettingsTarget(rule, activity, metric);
        }
    }

    /// <summary>The journey's metrics, or a phase's.</summary>
    private IReadOnlyList<MetricWidget> KpisOf(PhaseId? phaseId) => phaseId is { } p ? GetPhase(p).Metrics : _journeyMetrics;

    /// <summary>The index of a KPI in its list, or -1.</summary>
    private int KpiIndex(PhaseId? phaseId, WidgetId id)
    {
        var list = KpisOf(phaseId);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Names where a KPI sits, for messages: "journey 'Onboarding'" or "phase 'Think'".</summary>
    private string KpiPlace(PhaseId? phaseId) =>
        phaseId is { } p ? $"phase '{FindPhase(p)?.Name ?? p.ToString()}'" : $"journey '{Name}'";

    private Widget RequireExistingWidget(WidgetId id, out Activity activity) =>
        FindWidget(id, out var owner) is { } widget
            ? (activity = owner!) is not null ? widget : widget
            : throw new JourneyRuleException(JourneyRules.UnknownWidget, $"Journey '{Name}' has no widget {id}.", id);
}
