using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Internal;

namespace OutOfDark;

public sealed partial class Journey
{
    /// <summary>Creates a journey. Its first event, <see cref="JourneyCreated"/>, is pending until saved.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="workspaceId">The workspace the journey belongs to; not <c>default(WorkspaceId)</c>.</param>
    /// <param name="name">The journey's name.</param>
    /// <param name="clock">The clock that stamps the journey's events; <see cref="SystemClock.Instance"/> when omitted.</param>
    /// <param name="id">The journey's id; a new one when omitted.</param>
    /// <param name="description">What the journey covers.</param>
    /// <param name="owner">Who owns the map.</param>
    /// <param name="state">Whether the map is as-is, to-be or research.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The new journey, at version 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is <c>default(Actor)</c>.</exception>
    /// <exception cref="JourneyRuleException">A value is invalid (for example an empty name).</exception>
    public static Journey Create(
        Actor actor,
        WorkspaceId workspaceId,
        string name,
        IClock? clock = null,
        JourneyId? id = null,
        string? description = null,
        string? owner = null,
        JourneyState state = JourneyState.Current,
        string? reason = null)
    {
        Guard.Against.Null(name);
        var journey = new Journey(clock ?? SystemClock.Instance) { Id = id ?? JourneyId.New() };
        journey.Raise(new JourneyCreated(workspaceId, name, description, owner, state), actor, reason);
        return journey;
    }

    /// <summary>Rebuilds a journey from its events, oldest first.</summary>
    /// <param name="events">The events; the first must be <see cref="JourneyCreated"/>.</param>
    /// <param name="clock">The clock for further commands.</param>
    /// <returns>The journey, with no pending events.</returns>
    /// <exception cref="JourneyRuleException">The events are empty, out of order, or one breaks a journey rule.</exception>
    public static Journey Replay(IEnumerable<JourneyEvent> events, IClock clock) => Rehydrate(null, events, clock);

    /// <summary>Restores a journey from a snapshot, checking every invariant.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="clock">The clock for further commands.</param>
    /// <returns>The journey, with no pending events.</returns>
    /// <exception cref="JourneyRuleException">The snapshot breaks a journey rule (duplicate ids, a cycle, a missing phase, …).</exception>
    public static Journey FromSnapshot(JourneySnapshot snapshot, IClock clock) => Rehydrate(snapshot, [], clock);

    /// <summary>Restores a journey from an optional snapshot and the events recorded after it.</summary>
    /// <param name="snapshot">The snapshot, or <see langword="null"/> to start from nothing.</param>
    /// <param name="laterEvents">The events after the snapshot's version, oldest first.</param>
    /// <param name="clock">The clock for further commands.</param>
    /// <returns>The journey, with no pending events.</returns>
    /// <exception cref="JourneyRuleException">The snapshot or an event breaks a journey rule.</exception>
    public static Journey Rehydrate(JourneySnapshot? snapshot, IEnumerable<JourneyEvent> laterEvents, IClock clock)
    {
        Guard.Against.Null(laterEvents);
        var journey = new Journey(clock);
        if (snapshot is not null)
        {
            journey.Restore(snapshot);
        }

        foreach (var e in laterEvents)
        {
            journey.ApplyChecked(e);
        }

        if (!journey._created)
        {
            throw new JourneyRuleException(JourneyRules.NotCreated, "A journey's history must start with its JourneyCreated event; none was given.");
        }

        return journey;
    }

    /// <summary>Applies an event recorded elsewhere (for example read from a store after this journey was loaded).</summary>
    /// <param name="e">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The event breaks a journey rule; the journey is unchanged.</exception>
    /// <exception cref="InvalidOperationException">The journey has pending events of its own.</exception>
    public void Apply(JourneyEvent e)
    {
        Guard.Against.Null(e);
        if (_pending.Count > 0)
        {
            throw new InvalidOperationException($"Journey '{Name}' has {_pending.Count} unsaved events; save or discard them before applying events recorded elsewhere.");
        }

        ApplyChecked(e);
    }

    /// <summary>
    /// Applies events that commands raised on another copy of this journey (at this journey's <see cref="Version"/>)
    /// as this journey's own changes: each is validated as on replay, applied, and left in <see cref="PendingEvents"/>
    /// for a store to save, exactly as if this journey's commands had raised it. All or nothing: the events are first
    /// checked on a copy, so a refused batch leaves the journey unchanged. For hosts that run commands on a client's
    /// copy and save on the owner's (the Orleans grain's <c>ApplyChanges</c>).
    /// </summary>
    /// <param name="changes">The events, oldest first, each stamped with this journey's id, an instant and an actor; empty changes nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> or one of its events is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">An event breaks a journey rule (for example it names an unknown phase, or another journey); the journey is unchanged.</exception>
    public void ApplyChanges(IReadOnlyList<JourneyEvent> changes)
    {
        Guard.Against.Null(changes);
        if (changes.Count == 0)
        {
            return;
        }

        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is null)
            {
                throw new ArgumentNullException(nameof(changes), $"Change [{i}] is null: pass the events the commands raised, none missing.");
            }
        }

        // The rules are checked on a copy first: an event refused halfway through must not leave the earlier ones applied.
        _ = Rehydrate(ToSnapshot(), changes, _clock);
        foreach (var e in changes)
        {
            ApplyChecked(e);
            _pending.Add(e);
        }
    }

    private void ApplyChecked(JourneyEvent e)
    {
        Guard.Against.Null(e);
        Validate(e);
        Mutate(e);
    }

    /// <summary>Stamps, validates, applies and records an event: the one way commands change the journey.</summary>
    private void Raise(JourneyEvent e, Actor actor, string? reason)
    {
        if (actor.Name.Length == 0)
        {
            throw new ArgumentException("The actor is default(Actor): name who makes the change, for example new Actor(\"ana\").", nameof(actor));
        }

        var stamped = e with { JourneyId = Id, OccurredAt = _clock.GetCurrentInstant(), Actor = actor.Name, Reason = reason };
        ApplyChecked(stamped);
        _pending.Add(stamped);
    }

    /// <summary>
    /// Runs a check of the snapshot member at <paramref name="path"/>, and names that member (or the deeper one
    /// <paramref name="member"/> picks from the refusal) in the refusal's <see cref="JourneyRuleException.SnapshotPath"/>.
    /// </summary>
    private static void At(string path, System.Action check, System.Func<JourneyRuleException, string?>? member = null)
    {
        try
        {
            check();
        }
        catch (JourneyRuleException ex)
        {
            var inner = ex.SnapshotPath ?? member?.Invoke(ex);
            throw new JourneyRuleException(ex.Rule, ex.Message, [.. ex.Subjects])
            {
                SnapshotPath = inner is null ? path : inner.StartsWith('[') ? path + inner : $"{path}.{inner}",
            };
        }
    }

    private void Restore(JourneySnapshot s)
    {
        Guard.Against.Null(s);
        Guard.Against.InvalidName(s.Name, "journey name");
        Guard.Against.InvalidText(s.Description, "journey description");
        Guard.Against.InvalidOptionalName(s.Owner, "journey owner");
        Guard.Against.UndefinedValue(s.State, "journey state");
        if (s.Version < 1)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"A journey's version counts its events and is at least 1; the snapshot says {s.Version}.");
        }

        if (s.Phases is null || s.Personas is null || s.Activities is null || s.Flows is null || s.Warnings is null || s.RuleSettings is null || s.Lanes is null || s.Opportunities is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, "A journey snapshot must list phases, personas, activities, flows, warnings, rule settings, lanes and opportunities (possibly empty).");
        }

        (Id, WorkspaceId, Name, Description, Owner, State) = (s.Id, s.WorkspaceId, s.Name, s.Description, s.Owner, s.State);
        (CreatedAt, LastChangedAt, Version) = (s.CreatedAt, s.LastChangedAt, s.Version);
        _created = true;
        At(nameof(s.ParentJourneyId), () => ValidateParentJourney(s.ParentJourneyId));
        ParentJourneyId = s.ParentJourneyId;

        // Each element goes through the same checks its event would: one definition of "valid".
        var at = s.LastChangedAt;
        for (var i = 0; i < s.Phases.Count; i++)
        {
            var p = s.Phases[i] ?? throw Missing("phase", i);
            ValidatePhaseAdded(new PhaseAdded(p.Id, p.Name, p.CustomerGoal, _phases.Count) { JourneyId = Id, OccurredAt = at, Actor = "snapshot" });
            _phases.Add(p with { Metrics = ValueList<MetricWidget>.Empty });
            for (var j = 0; j < p.Metrics.Count; j++)
            {
                var metric = p.Metrics[j];
                At($"Phases[{i}].Metrics[{j}]", () => ValidateKpiAdded(p.Id, metric, _phases[^1].Metrics.Count), ex => KpiMember(metric, ex));
                AddKpi(p.Id, metric, _phases[^1].Metrics.Count);
            }
        }

        for (var j = 0; j < s.Metrics.Count; j++)
        {
            var metric = s.Metrics[j];
            At($"Metrics[{j}]", () => ValidateKpiAdded(null, metric, _journeyMetrics.Count), ex => KpiMember(metric, ex));
            AddKpi(null, metric, _journeyMetrics.Count);
        }

        for (var i = 0; i < s.Personas.Count; i++)
        {
            var p = s.Personas[i] ?? throw Missing("persona", i);
            ValidatePersona(p.Id, p.Name, p.Description, adding: true);
            _personas.Add(p);
        }

        RestoreLanes(s.Lanes);
        RestoreActivities(s.Activities);
        RequireActivityLanes(s.Activities);

        for (var i = 0; i < s.Flows.Count; i++)
        {
            var f = s.Flows[i] ?? throw Missing("flow", i);
            var added = new FlowAdded(f.Id, f.From, f.To, f.Label) { JourneyId = Id, OccurredAt = at, Actor = "snapshot" };
            ValidateFlowAdded(added);
            MutateFlowAdded(added);
        }

        for (var i = 0; i < s.Warnings.Count; i++)
        {
            var w = s.Warnings[i] ?? throw Missing("warning status", i);
            ValidateWarningKey(w.Key);
            Guard.Against.InvalidName(w.By, "warning handler");
            Guard.Against.InvalidText(w.Note, "warning note");
            Guard.Against.UndefinedValue(w.Handling, "warning handling");
            if (_warnings.ContainsKey(w.Key))
            {
                throw new JourneyRuleException(JourneyRules.DuplicateId, $"Warning {w.Key} has two statuses in the snapshot.", w.Key);
            }

            if ((w.Handling == Warnings.WarningHandling.Snoozed) != w.SnoozedUntil.HasValue)
            {
                throw new JourneyRuleException(JourneyRules.InvalidSnooze, $"Warning {w.Key}: a snoozed warning needs a snooze end, and only a snoozed one has it.", w.Key);
            }

            _warnings[w.Key] = w;
            _warningOrder.Add(w.Key);
        }

        for (var i = 0; i < s.RuleSettings.Count; i++)
        {
            var r = s.RuleSettings[i] ?? throw Missing("rule settings", i);
            if (r.Settings is null)
            {
                throw new JourneyRuleException(JourneyRules.InvalidSettings, $"The snapshot's rule settings at index {i} (rule '{r.Rule}') have no settings.", r.Rule);
            }

            try
            {
                ValidateRuleSettingsTarget(r.Rule, r.Activity, r.Metric);
                ValidateRuleSettings(r.Settings, RuleSettingsPlace(r.Rule, r.Activity, r.Metric), r.Rule);
                Guard.Against.InvalidName(r.ChangedBy, "rule settings' author");
                Guard.Against.InvalidText(r.Reason, "reason");
                if (_ruleSettings.ContainsKey((r.Rule, r.Activity, r.Metric)))
                {
                    throw new JourneyRuleException(JourneyRules.DuplicateId, $"The {RuleSettingsPlace(r.Rule, r.Activity, r.Metric)} appear twice in the snapshot.", r.Rule);
                }
            }
            catch (JourneyRuleException ex)
            {
                // The entry itself leads a reader to the element at fault (the JSON path of the document's entry).
                throw new JourneyRuleException(ex.Rule, ex.Message, [r, .. ex.Subjects]);
            }

            SetRuleSettings((r.Rule, r.Activity, r.Metric), r);
        }

        RestoreOpportunities(s.Opportunities);
        RestorePairing(s.Pairing);

        static JourneyRuleException Missing(string what, int index) =>
            new(JourneyRules.InvalidValue, $"The snapshot's {what} at index {index} is missing.");
    }

    /// <summary>The member of a journey or phase metric a refusal of it is about, below the metric.</summary>
    private static string? KpiMember(MetricWidget? metric, JourneyRuleException ex) =>
        metric is null ? null
        : ex.Rule == JourneyRules.DuplicateId || metric.Id == default ? nameof(metric.Id)
        : string.IsNullOrWhiteSpace(metric.Title) || Text.CharacterCount(metric.Title) > JourneyGuards.MaxNameLength || !Text.HasVisibleCharacter(metric.Title) ? nameof(metric.Title)
        : metric.ProblemMember();

    private void RestoreActivities(ValueList<Activity> activities)
    {
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i] ?? throw new JourneyRuleException(JourneyRules.InvalidValue, $"The snapshot's activity at index {i} is missing.");
            if (_activities.ContainsKey(a.Id))
            {
                throw new JourneyRuleException(JourneyRules.DuplicateId, $"Activity id {a.Id} is used twice.", a.Id);
            }

            if (FindPhase(a.PhaseId) is null)
            {
                throw new JourneyRuleException(JourneyRules.UnknownPhase, $"Activity '{a.Name}' ({a.Id}) lives in phase {a.PhaseId}, which the journey does not have.", a.Id, a.PhaseId);
            }

            ValidateActivityFields(a.Name, a.Kind, a.Details);
            At($"Activities[{i}].SubJourneyId", () => ValidateSubJourney(a.Id, a.Name, a.SubJourneyId));
            if (a.Widgets is null)
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, $"Activity '{a.Name}' ({a.Id}) must list its widgets (possibly none).", a.Id);
            }

            _activities.Add(a.Id, a);
            _activityCountByPhase[a.PhaseId] = _activityCountByPhase.GetValueOrDefault(a.PhaseId) + 1;
        }

        // Parents may appear anywhere in the list; link them once every id is known, then look for cycles.
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            if (a.ParentId is { } parent)
            {
                if (!_activities.ContainsKey(parent))
                {
                    throw new JourneyRuleException(JourneyRules.UnknownActivity, $"Activity '{a.Name}' ({a.Id}) has parent {parent}, which the journey does not have.", a.Id, parent);
                }

                At($"Activities[{i}].ParentId", () => RequireParentInPhase(a.Id, a.Name, a.PhaseId, parent));

                ChildList(parent).Add(a.Id);
            }
            else
            {
                _roots.Add(a.Id);
            }
        }

        if (Preorder().Count != _activities.Count)
        {
            foreach (var a in activities)
            {
                if (!Preorder().Contains(a.Id))
                {
                    throw new JourneyRuleException(JourneyRules.MapCycle, $"Activity '{a.Name}' ({a.Id}) is part of a cycle in the activity map: following its parents never reaches the top.", a.Id);
                }
            }
        }

        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            for (var j = 0; j < a.Widgets.Count; j++)
            {
                var widget = a.Widgets[j];
                At($"Activities[{i}].Widgets[{j}]", () => ValidateNewWidget(a.Id, widget), ex => ex.Rule == JourneyRules.InvalidWidget && widget is MetricWidget metric ? metric.ProblemMember() : null);
                _widgetOwners.Add(widget.Id, a.Id);
            }
        }
    }

    private List<ActivityId> ChildList(ActivityId parent)
    {
        if (!_children.TryGetValue(parent, out var list))
        {
            list = [];
            _children.Add(parent, list);
        }

        return list;
    }
}
