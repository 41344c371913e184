using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Internal;
using OutOfDark.Warnings;

namespace OutOfDark;

public sealed partial class Journey
{
    /// <summary>Checks that an event may apply to the journey as it is. The single definition of the journey's rules.</summary>
    private void Validate(JourneyEvent e)
    {
        if (e is JourneyCreated created)
        {
            if (_created)
            {
                throw new JourneyRuleException(JourneyRules.NotCreated, $"Journey {Id} already exists; JourneyCreated may only be its first event.", Id);
            }

            if (e.JourneyId == default)
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, "A journey's id must not be the empty GUID.");
            }

            if (created.WorkspaceId == default)
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, "A journey's workspace id must not be default(WorkspaceId), the empty GUID: pass the workspace's own id (WorkspaceId.New() once per workspace, then keep it).");
            }

            Guard.Against.InvalidName(created.Name, "journey name");
            Guard.Against.InvalidText(created.Description, "journey description");
            Guard.Against.InvalidOptionalName(created.Owner, "journey owner");
            Guard.Against.UndefinedValue(created.State, "journey state");
        }
        else if (!_created)
        {
            throw new JourneyRuleException(JourneyRules.NotCreated, $"A journey's history must start with JourneyCreated, not {e.GetType().Name}.");
        }
        else if (e.JourneyId != Id)
        {
            throw new JourneyRuleException(JourneyRules.WrongJourney, $"Event {e.GetType().Name} belongs to journey {e.JourneyId}, not {Id}.", e.JourneyId, Id);
        }

        Guard.Against.InvalidName(e.Actor, "actor");
        Guard.Against.InvalidText(e.Reason, "reason");

        switch (e)
        {
            case JourneyCreated:
                break;
            case JourneyRenamed x:
                Guard.Against.InvalidName(x.Name, "journey name");
                break;
            case JourneyDescriptionChanged x:
                Guard.Against.InvalidText(x.Description, "journey description");
                break;
            case JourneyOwnerChanged x:
                Guard.Against.InvalidOptionalName(x.Owner, "journey owner");
                break;
            case JourneyStateChanged x:
                Guard.Against.UndefinedValue(x.State, "journey state");
                break;
            case JourneyParentChanged x:
                ValidateParentJourney(x.ParentJourneyId);
                break;
            case SubJourneyLinked x:
                RequireActivity(x.ActivityId);
                ValidateSubJourney(x.ActivityId, _activities[x.ActivityId].Name, x.SubJourneyId);
                break;
            case PhaseAdded x:
                ValidatePhaseAdded(x);
                break;
            case PhaseChanged x:
                RequirePhase(x.PhaseId);
                Guard.Against.InvalidName(x.Name, "phase name");
                Guard.Against.InvalidText(x.CustomerGoal, "customer goal");
                break;
            case PhaseMoved x:
                RequirePhase(x.PhaseId);
                RequireMovePosition(x.Position, _phases.Count, $"Phase '{GetPhase(x.PhaseId).Name}' ({x.PhaseId})", $"the journey has {Text.Count(_phases.Count, "phase", "phases")}");
                break;
            case PhaseRemoved x:
                RequirePhase(x.PhaseId);
                if (ActivityCountIn(x.PhaseId) > 0)
                {
                    throw new JourneyRuleException(JourneyRules.PhaseNotEmpty, $"Phase '{GetPhase(x.PhaseId).Name}' ({x.PhaseId}) still holds {Text.Count(ActivityCountIn(x.PhaseId), "activity", "activities")}; move or remove {(ActivityCountIn(x.PhaseId) == 1 ? "it" : "them")} first.", x.PhaseId);
                }

                if (GetPhase(x.PhaseId).Metrics.Count is var kpis and > 0)
                {
                    throw new JourneyRuleException(JourneyRules.PhaseNotEmpty, $"Phase '{GetPhase(x.PhaseId).Name}' ({x.PhaseId}) still holds {Text.Count(kpis, "metric", "metrics")} ({string.Join(", ", GetPhase(x.PhaseId).Metrics.Select(m => $"'{m.Title}'"))}); remove {(kpis == 1 ? "it" : "them")} with RemoveWidget first, so that no measured data goes unnoticed.", x.PhaseId);
                }

                break;
            case PersonaAdded x:
                ValidatePersona(x.PersonaId, x.Name, x.Description, adding: true);
                break;
            case PersonaChanged x:
                ValidatePersona(x.PersonaId, x.Name, x.Description, adding: false);
                break;
            case PersonaMoved x:
                RequirePersona(x.PersonaId);
                RequireMovePosition(x.Position, _personas.Count, $"Persona '{FindPersona(x.PersonaId)!.Name}' ({x.PersonaId})", $"the journey has {Text.Count(_personas.Count, "persona", "personas")}");
                break;
            case PersonaRemoved x:
                RequirePersona(x.PersonaId);
                foreach (var activity in _activities.Values)
                {
                    foreach (var widget in activity.Widgets.AsSpan())
                    {
                        if (widget is EmotionWidget emotion && emotion.Persona == x.PersonaId)
                        {
                            throw new JourneyRuleException(JourneyRules.PersonaInUse, $"Persona '{FindPersona(x.PersonaId)!.Name}' is still used by emotion widget '{emotion.Title}' on activity '{activity.Name}'; remove or change that widget first.", x.PersonaId, emotion.Id);
                        }
                    }
                }

                break;
            case ActivityAdded x:
                RequireNotEmpty(x.ActivityId.Value, "activity", nameof(ActivityId));
                if (_activities.TryGetValue(x.ActivityId, out var taken))
                {
                    throw new JourneyRuleException(JourneyRules.DuplicateId, $"Activity id {x.ActivityId} is already used by '{taken.Name}'.", x.ActivityId);
                }

                RequireNotMatchedCounterpart(x.ActivityId);
                RequirePhase(x.PhaseId);
                if (x.ParentId is { } parent)
                {
                    RequireActivity(parent);
                    RequireParentInPhase(x.ActivityId, x.Name, x.PhaseId, parent);
                }

                ValidateActivityFields(x.Name, x.Kind, x.Details);
                break;
            case ActivityChanged x:
                RequireActivity(x.ActivityId);
                ValidateActivityFields(x.Name, x.Kind, x.Details);
                break;
            case ActivityMoved x:
                RequireActivity(x.ActivityId);
                RequirePhase(x.PhaseId);
                if (x.ParentId is { } newParent)
                {
                    RequireActivity(newParent);
                    if (IsSelfOrDescendant(newParent, x.ActivityId))
                    {
                        throw new JourneyRuleException(JourneyRules.MapCycle, $"Activity '{_activities[x.ActivityId].Name}' ({x.ActivityId}) cannot move under '{_activities[newParent].Name}' ({newParent}): that is itself or one of its descendants, and the map must stay a tree.", x.ActivityId, newParent);
                    }

                    RequireParentInPhase(x.ActivityId, _activities[x.ActivityId].Name, x.PhaseId, newParent);
                }

                break;
            case ActivityReordered x:
                {
                    RequireActivity(x.ActivityId);
                    var activity = _activities[x.ActivityId];
                    var count = SiblingIds(x.ActivityId).Count;
                    var place = activity.ParentId is { } reorderedUnder ? $"under '{_activities[reorderedUnder].Name}'" : "at the top level";
                    RequireMovePosition(x.Position, count, $"Activity '{activity.Name}' ({activity.Id})", $"phase '{GetPhase(activity.PhaseId).Name}' has {Text.Count(count, "activity", "activities")} {place}");
                    break;
                }

            case ActivityRemoved x:
                RequireActivity(x.ActivityId);
                break;
            case FlowAdded x:
                ValidateFlowAdded(x);
                break;
            case FlowRelabelled x:
                if (FindFlow(x.FlowId) is null)
                {
                    throw new JourneyRuleException(JourneyRules.UnknownFlow, $"Journey '{Name}' has no flow {x.FlowId}.", x.FlowId);
                }

                Guard.Against.InvalidOptionalName(x.Label, "flow label");
                break;
            case FlowRemoved x:
                if (FindFlow(x.FlowId) is null)
                {
                    throw new JourneyRuleException(JourneyRules.UnknownFlow, $"Journey '{Name}' has no flow {x.FlowId}.", x.FlowId);
                }

                break;
            case WidgetAdded x:
                ValidateWidgetAdded(x);
                break;
            case WidgetChanged x:
                {
                    var existing = RequireWidget(x.ActivityId, x.Widget?.Id ?? default);
                    Guard.Against.Null(x.Widget);
                    if (existing.GetType() != x.Widget.GetType() || existing.KindName() != x.Widget.KindName())
                    {
                        throw new JourneyRuleException(JourneyRules.WrongWidgetKind, $"Widget '{existing.Title}' ({existing.Id}) is a {existing.KindName()} widget and cannot become a {x.Widget.KindName()} widget; remove it and add a new one.", x.Widget.Id);
                    }

                    ValidateWidgetContent(x.Widget);
                    break;
                }

            case WidgetMoved x:
                {
                    var widget = RequireWidget(x.ActivityId, x.WidgetId);
                    var activity = _activities[x.ActivityId];
                    RequireMovePosition(x.Position, activity.Widgets.Count, $"Widget '{widget.Title}' ({widget.Id})", $"activity '{activity.Name}' has {Text.Count(activity.Widgets.Count, "widget", "widgets")}");
                    break;
                }

            case WidgetRemoved x:
                RequireWidget(x.ActivityId, x.WidgetId);
                break;
            case ObservationRecorded x:
                {
                    var metric = RequireWidget<MetricWidget>(x.ActivityId, x.WidgetId, "record an observation");
                    Guard.Against.NonIsoDate(x.Date, "observation date");
                    if (metric.Observations.Contains(x.Date))
                    {
                        throw new JourneyRuleException(JourneyRules.ObservationDate, $"Metric '{metric.Title}' ({metric.Id}) already has an observation on {x.Date:yyyy-MM-dd}; correct it instead of recording another.", metric.Id, x.Date);
                    }

                    RequireValue(metric, x.Value);
                    RequireNotAhead(metric, x.Date, e.OccurredAt);
                    break;
                }

            case ObservationCorrected x:
                {
                    var metric = RequireWidget<MetricWidget>(x.ActivityId, x.WidgetId, "correct an observation");
                    Guard.Against.NonIsoDate(x.Date, "observation date");
                    RequireObservation(metric, x.Date);
                    RequireValue(metric, x.Value);
                    break;
                }

            case ObservationRemoved x:
                Guard.Against.NonIsoDate(x.Date, "observation date");
                RequireObservation(RequireWidget<MetricWidget>(x.ActivityId, x.WidgetId, "remove an observation"), x.Date);
                break;
            case MeasurementRecorded x:
                ValidateMeasurementRecorded(RequireWidget<MetricWidget>(x.ActivityId, x.WidgetId, "record an observation"), x.Segment, x.Date, x.ToObservation, e.OccurredAt);
                break;
            case MeasurementCorrected x:
                ValidateMeasurementCorrected(RequireWidget<MetricWidget>(x.ActivityId, x.WidgetId, "correct an observation"), x.Segment, x.Date, x.ToObservation);
                break;
            case MeasurementRemoved x:
                ValidateMeasurementRemoved(RequireWidget<MetricWidget>(x.ActivityId, x.WidgetId, "remove an observation"), x.Segment, x.Date);
                break;
            case KpiAdded x:
                ValidateKpiAdded(x.PhaseId, x.Metric, x.Position);
                break;
            case KpiChanged x:
                {
                    Guard.Against.Null(x.Metric);
                    RequireKpi(x.PhaseId, x.Metric.Id);
                    ValidateWidgetContent(x.Metric);
                    break;
                }

            case KpiMoved x:
                RequireKpi(x.PhaseId, x.WidgetId);
                RequirePosition(x.Position, KpisOf(x.PhaseId).Count, x.PhaseId is null ? "journey metric" : "phase metric");
                break;
            case KpiRemoved x:
                RequireKpi(x.PhaseId, x.WidgetId);
                break;
            case KpiMeasurementRecorded x:
                ValidateMeasurementRecorded(RequireKpi(x.PhaseId, x.WidgetId), x.Segment, x.Date, x.ToObservation, e.OccurredAt);
                break;
            case KpiMeasurementCorrected x:
                ValidateMeasurementCorrected(RequireKpi(x.PhaseId, x.WidgetId), x.Segment, x.Date, x.ToObservation);
                break;
            case KpiMeasurementRemoved x:
                ValidateMeasurementRemoved(RequireKpi(x.PhaseId, x.WidgetId), x.Segment, x.Date);
                break;
            case FeedbackRecorded x:
                {
                    var feedback = RequireWidget<FeedbackWidget>(x.ActivityId, x.WidgetId, "record feedback");
                    if (x.Entry is not null)
                    {
                        foreach (var (text, what, multiLine) in TextsOf(x.Entry))
                        {
                            Guard.Against.InvalidUtf16(text, what);
                            Guard.Against.InvalidCharacters(text, what, multiLine);
                        }
                    }
                    if (FeedbackWidget.CheckEntry(x.Entry) is { } problem)
                    {
                        throw new JourneyRuleException(JourneyRules.InvalidWidget, $"Feedback for '{feedback.Title}' ({feedback.Id}): {problem}", feedback.Id);
                    }

                    foreach (var (text, what, _) in TextsOf(x.Entry!))
                    {
                        Guard.Against.InvisibleText(text, what);
                    }

                    break;
                }

            case FeedbackRemoved x:
                {
                    var feedback = RequireWidget<FeedbackWidget>(x.ActivityId, x.WidgetId, "remove feedback");
                    if (x.Index < 0 || x.Index >= feedback.Entries.Count)
                    {
                        throw new JourneyRuleException(JourneyRules.InvalidPosition, feedback.Entries.Count == 0
                            ? $"Feedback widget '{feedback.Title}' ({feedback.Id}) has no entries, so there is no entry {x.Index} to remove."
                            : $"Feedback widget '{feedback.Title}' ({feedback.Id}) has no entry {x.Index}: use 0 to {feedback.Entries.Count - 1}.", feedback.Id, x.Index);
                    }

                    break;
                }

            case WarningAcknowledged x:
                ValidateWarningKey(x.Warning);
                Guard.Against.InvalidText(x.Note, "note");
                break;
            case WarningSnoozed x:
                ValidateWarningKey(x.Warning);
                Guard.Against.InvalidText(x.Note, "note");
                if (x.Until <= e.OccurredAt)
                {
                    throw new JourneyRuleException(JourneyRules.InvalidSnooze, $"A snooze must end after it starts: {x.Until} is not after {e.OccurredAt}.", x.Warning);
                }

                break;
            case WarningResolved x:
                ValidateWarningKey(x.Warning);
                Guard.Against.InvalidText(x.Note, "note");
                break;
            case WarningReopened x:
                ValidateWarningKey(x.Warning);
                Guard.Against.InvalidText(x.Note, "note");
                break;
            case RuleSettingsChanged x:
                ValidateRuleSettingsChanged(x);
                break;
            case LaneAdded x:
                ValidateLaneAdded(x);
                break;
            case LaneChanged x:
                RequireCustomLane(x.LaneId, "change");
                ValidateLaneFields(x.Name, x.Order);
                ValidateLaneNameFree(x.Name, x.LaneId);
                break;
            case LaneRemoved x:
                ValidateLaneRemoved(x);
                break;
            case ActivityLaneChanged x:
                RequireActivity(x.ActivityId);
                RequireLane(x.LaneId);
                break;
            case OpportunityAdded or OpportunityChanged or OpportunityScored or OpportunityLinked or OpportunityUnlinked or OpportunityRemoved:
                ValidateOpportunityEvent(e);
                break;
            case JourneyPaired or JourneyUnpaired or ActivityMatched or ActivityUnmatched:
                ValidatePairingEvent(e);
                break;
            default:
                throw new JourneyRuleException(JourneyRules.Invalid, $"{e.GetType().Name} is not an event this version of OutOfDark knows.");
        }
    }

    /// <summary>
    /// The journey's own part of the portfolio rules: a real id, and not itself. The parent's existence in the same
    /// workspace and cycles through other journeys are checked by <see cref="Portfolio.JourneyPortfolio"/>.
    /// </summary>
    private void ValidateParentJourney(JourneyId? parent)
    {
        if (parent is not { } id)
        {
            return;
        }

        if (id.Value == Guid.Empty)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"Journey '{Name}' cannot have default(JourneyId), the empty GUID, as its parent: pass the parent journey's id, or null for a top-level journey.");
        }

        if (id == Id)
        {
            throw new JourneyRuleException(JourneyRules.JourneyCycle, $"Journey '{Name}' ({Id}) cannot be its own parent: a journey's parent must be another journey of its workspace.", Id);
        }
    }

    private void ValidateSubJourney(ActivityId activity, string activityName, JourneyId? subJourney)
    {
        if (subJourney is not { } id)
        {
            return;
        }

        if (id.Value == Guid.Empty)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"Activity '{activityName}' ({activity}) cannot link to default(JourneyId), the empty GUID, as its sub-journey: pass the sub-journey's id, or null to remove the link.", activity);
        }

        if (id == Id)
        {
            throw new JourneyRuleException(JourneyRules.JourneyCycle, $"Activity '{activityName}' ({activity}) cannot link to its own journey '{Name}' as its sub-journey: a sub-journey details an activity in another journey of the workspace.", activity, Id);
        }
    }

    private void ValidatePhaseAdded(PhaseAdded x)
    {
        RequireNotEmpty(x.PhaseId.Value, "phase", nameof(PhaseId));
        if (FindPhase(x.PhaseId) is { } existing)
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Phase id {x.PhaseId} is already used by '{existing.Name}'.", x.PhaseId);
        }

        Guard.Against.InvalidName(x.Name, "phase name");
        Guard.Against.InvalidText(x.CustomerGoal, "customer goal");
        RequirePosition(x.Position, _phases.Count + 1, "phase");
    }

    private void ValidatePersona(PersonaId id, string name, string? description, bool adding)
    {
        if (adding)
        {
            RequireNotEmpty(id.Value, "persona", nameof(PersonaId));
        }

        if (adding && FindPersona(id) is { } existing)
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Persona id {id} is already used by '{existing.Name}'.", id);
        }

        if (!adding)
        {
            RequirePersona(id);
        }

        Guard.Against.InvalidName(name, "persona name");
        Guard.Against.InvalidText(description, "persona description");
    }

    private static void ValidateActivityFields(string name, ActivityKind kind, ActivityDetails details)
    {
        Guard.Against.InvalidName(name, "activity name");
        Guard.Against.UndefinedValue(kind, "activity kind");
        if (details is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"Activity '{name}' must have details (use ActivityDetails.Empty for none).");
        }

        Guard.Against.InvalidText(details.Description, "activity description");
        Guard.Against.InvalidNames(details.Channels, "channel");
        Guard.Against.InvalidNames(details.Tags, "tag");
        Guard.Against.InvalidOptionalName(details.Owner, "activity owner");
        Guard.Against.InvalidOptionalName(details.Team, "activity team");
        Guard.Against.UndefinedValue(details.Status, "activity status");
        Guard.Against.NonIsoDate(details.PlannedStart, "planned start");
        Guard.Against.NonIsoDate(details.PlannedEnd, "planned end");
        if (details is { PlannedStart: { } start, PlannedEnd: { } end } && end < start)
        {
            throw new JourneyRuleException(JourneyRules.InvalidSchedule, $"Activity '{name}' is planned to end on {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}.");
        }
    }

    private void ValidateFlowAdded(FlowAdded x)
    {
        RequireNotEmpty(x.FlowId.Value, "flow", nameof(FlowId));
        if (FindFlow(x.FlowId) is not null)
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Flow id {x.FlowId} is already used.", x.FlowId);
        }

        RequireActivity(x.From);
        RequireActivity(x.To);
        if (x.From == x.To)
        {
            throw new JourneyRuleException(JourneyRules.InvalidFlow, $"A flow must join two different activities; both ends are '{_activities[x.From].Name}' ({x.From}).", x.From);
        }

        foreach (var flow in FlowsFrom(x.From))
        {
            if (flow.To == x.To)
            {
                throw new JourneyRuleException(JourneyRules.InvalidFlow, $"A flow from '{_activities[x.From].Name}' to '{_activities[x.To].Name}' already exists ({flow.Id}).", x.From, x.To);
            }
        }

        Guard.Against.InvalidOptionalName(x.Label, "flow label");
    }

    private void ValidateWidgetAdded(WidgetAdded x) => ValidateNewWidget(x.ActivityId, x.Widget);

    private void ValidateNewWidget(ActivityId activityId, Widget? widget)
    {
        RequireActivity(activityId);
        if (widget is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, "The widget to add must not be missing.");
        }

        RequireUnusedWidgetId(widget.Id);
        ValidateWidgetContent(widget);
    }

    /// <summary>Widget ids are unique across the journey: activities' widgets, phase metrics and journey metrics.</summary>
    private void RequireUnusedWidgetId(WidgetId id)
    {
        if (_widgetOwners.TryGetValue(id, out var owner))
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Widget id {id} is already used on activity '{_activities[owner].Name}'.", id);
        }

        if (_kpiOwners.TryGetValue(id, out var phase))
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Widget id {id} is already used by a metric on {KpiPlace(phase)}.", id);
        }
    }

    private void ValidateKpiAdded(PhaseId? phaseId, MetricWidget? metric, int position)
    {
        if (phaseId is { } p)
        {
            RequirePhase(p);
        }

        if (metric is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, $"The metric to add to {KpiPlace(phaseId)} must not be missing.");
        }

        RequireUnusedWidgetId(metric.Id);
        ValidateWidgetContent(metric);
        var count = KpisOf(phaseId).Count;
        if (position < 0 || position > count)
        {
            throw new JourneyRuleException(JourneyRules.InvalidPosition, $"Position {position} is outside the metrics of {KpiPlace(phaseId)}: use 0 to {count}.", position);
        }
    }

    /// <summary>The KPI with that id on the journey (<paramref name="phaseId"/> null) or on that phase, or a refusal saying where it is not.</summary>
    private MetricWidget RequireKpi(PhaseId? phaseId, WidgetId id)
    {
        if (phaseId is { } p)
        {
            RequirePhase(p);
        }

        if (_kpiOwners.TryGetValue(id, out var owner) && owner == phaseId)
        {
            return FindKpi(id, out _)!;
        }

        throw new JourneyRuleException(JourneyRules.UnknownWidget, $"{char.ToUpperInvariant(KpiPlace(phaseId)[0])}{KpiPlace(phaseId)[1..]} has no metric {id}.", id);
    }

    private void ValidateWidgetContent(Widget widget)
    {
        if (widget.Id == default)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, "A widget's id must not be the empty GUID.");
        }

        if (string.IsNullOrWhiteSpace(widget.Title) || Text.CharacterCount(widget.Title) > JourneyGuards.MaxNameLength)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, $"Widget {widget.Id} needs a title that is not empty or white space and at most {JourneyGuards.MaxNameLength} characters, as activity names do.", widget.Id);
        }

        Guard.Against.Invisible(widget.Title, "widget title");

        if (widget is UnknownWidget unknown && (string.IsNullOrEmpty(unknown.Kind) || unknown.Content is null))
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, $"Widget {widget.Id} of an unknown kind must keep its kind name and content.", widget.Id);
        }

        if (widget is EmotionWidget emotion && FindPersona(emotion.Persona) is null)
        {
            throw new JourneyRuleException(JourneyRules.UnknownPersona, $"Emotion widget '{emotion.Title}' ({emotion.Id}) names persona {emotion.Persona}, which the journey does not have.", emotion.Id, emotion.Persona);
        }

        foreach (var (text, what, multiLine) in TextsOf(widget))
        {
            Guard.Against.InvalidUtf16(text, what);
            Guard.Against.InvalidCharacters(text, what, multiLine);
        }

        var problem = widget.Validate();
        if (problem is not null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, $"Widget '{widget.Title}' ({widget.Id}): {problem}", widget.Id);
        }

        // A unit, source, quote, note or markdown, when not empty, must show something (as names must); a custom
        // kind's content is its serializer's.
        if (widget is not UnknownWidget)
        {
            foreach (var (text, what, _) in TextsOf(widget))
            {
                Guard.Against.InvisibleText(text, what);
            }
        }
    }

    private static IEnumerable<(string Text, string What, bool MultiLine)> TextsOf(FeedbackEntry entry) =>
        [(entry.Source ?? "", "feedback source", false), (entry.Quote ?? "", "feedback quote", true)];

    /// <summary>
    /// Every text a built-in widget holds, named for the message: each must survive UTF-8 (JSON, SQL, CSV) unchanged, so
    /// text with a lone surrogate, a control character (tabs and line breaks only in multi-line texts) or a bidi override is refused here as it is in names. A custom kind's own members are its serializer's.
    /// </summary>
    private static IEnumerable<(string Text, string What, bool MultiLine)> TextsOf(Widget widget)
    {
        yield return (widget.Title, "widget title", false);
        switch (widget)
        {
            case MetricWidget metric:
                yield return (metric.Unit, "metric unit", false);
                break;
            case DescriptionWidget description:
                yield return (description.Markdown, "description's markdown", true);
                break;
            case SolutionWidget solution:
                yield return (solution.Problem, "solution's problem", true);
                yield return (solution.Solution, "solution's solution", true);
                break;
            case EmotionWidget { Note: { } note }:
                yield return (note, "emotion note", true);
                break;
            case LinkWidget link:
                yield return (link.Url.OriginalString, "link URL", false);
                break;
            case FeedbackWidget feedback:
                foreach (var text in feedback.Entries.SelectMany(TextsOf))
                {
                    yield return text;
                }

                break;
            case UnknownWidget unknown:
                yield return (unknown.Kind, "widget kind", false);
                yield return (unknown.Content, "widget content", true);
                break;
        }
    }

    private void ValidateWarningKey(WarningKey key)
    {
        if (!RuleId.IsValid(key.Rule.Value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"'{key.Rule.Value}' is not a valid rule id.");
        }

        var exists = key.Subject.Kind switch
        {
            SubjectKind.Journey => key.Subject.Id == Id.Value,
            SubjectKind.Phase => FindPhase(new PhaseId(key.Subject.Id)) is not null,
            SubjectKind.Activity => _activities.ContainsKey(new ActivityId(key.Subject.Id)),
            SubjectKind.Metric => FindMetric(new WidgetId(key.Subject.Id), out _, out _) is not null,
            _ => false,
        };
        if (!exists)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"Warning {key} is about {key.Subject}, which is not part of journey '{Name}'.", key);
        }
    }

    private void ValidateRuleSettingsChanged(RuleSettingsChanged x)
    {
        ValidateRuleSettingsTarget(x.Rule, x.Activity, x.Metric);
        var where = RuleSettingsPlace(x.Rule, x.Activity, x.Metric);
        var stored = FindRuleSettings(x.Rule, x.Activity, x.Metric)?.Settings;
        if (!Equals(stored, x.Previous))
        {
            throw new JourneyRuleException(JourneyRules.InvalidSettings, $"The change of {where} says they were {x.Previous?.ToString() ?? "not set"}, but they are {stored?.ToString() ?? "not set"}: the event does not follow from the journey's state.", x.Rule);
        }

        ValidateRuleSettings(x.Current, where, x.Rule);
    }

    private static void ValidateRuleSettings(RuleSettings? settings, string where, RuleId rule)
    {
        if (settings is UnknownRuleSettings unknown)
        {
            Guard.Against.InvalidUtf16(unknown.Content, $"content of {where}");
        }
        else if (settings?.Validate() is { } problem)
        {
            throw new JourneyRuleException(JourneyRules.InvalidSettings, $"The {where} are out of range: {problem}", rule);
        }
    }

    private void ValidateRuleSettingsTarget(RuleId rule, ActivityId? activity, WidgetId? metric)
    {
        if (!RuleId.IsValid(rule.Value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidSettings, "Rule settings need a valid rule id such as 'metric.threshold'; this one is empty.");
        }

        if (activity is { } a && metric is { } m)
        {
            throw new JourneyRuleException(JourneyRules.InvalidSettings, $"Settings of rule '{rule}' apply to the whole journey, to one activity or to one KPI, not to activity {(_activities.TryGetValue(a, out var named) ? $"'{named.Name}'" : a.ToString())} and metric {(FindMetric(m, out _, out _) is { } kpi ? $"'{kpi.Title}'" : m.ToString())} at once: name one of them.", rule, a, m);
        }

        if (activity is { } id)
        {
            RequireActivity(id);
        }
        else if (metric is { } widgetId)
        {
            if (FindKpi(widgetId, out _) is not null)
            {
                return;
            }

            if (FindWidget(widgetId, out var owner) is not { } widget)
            {
                throw new JourneyRuleException(JourneyRules.UnknownWidget, $"Journey '{Name}' has no widget {widgetId}.", widgetId);
            }

            if (widget is not MetricWidget)
            {
                throw new JourneyRuleException(JourneyRules.WrongWidgetKind, $"Cannot set rule settings for widget '{widget.Title}' ({widgetId}) on activity '{owner!.Name}': it is a {widget.KindName()} widget, and only a metric (a KPI) has settings of its own.", widgetId);
            }
        }
    }

    /// <summary>
    /// Refuses settings a built-in rule could never use: settings of another type (a journey holding them could not be
    /// read again, since the reader maps a built-in rule's id to its settings type) and overrides at a level the rule never
    /// looks at (an activity rule has no KPI subject; a phase or journey rule has no activity one). Rules the domain does
    /// not know are the host's business and pass.
    /// </summary>
    private void ValidateBuiltInRuleSettings(RuleId rule, ActivityId? activity, WidgetId? metric, RuleSettings settings)
    {
        if (BuiltInRules.Find(rule) is not { } builtIn)
        {
            return;
        }

        if (settings.GetType() != builtIn.SettingsType)
        {
            var given = settings is UnknownRuleSettings ? $"{nameof(UnknownRuleSettings)} (kept only for rules nobody registered)" : settings.GetType().Name;
            throw new JourneyRuleException(JourneyRules.InvalidSettings, $"Rule '{rule}' is built in and takes {builtIn.SettingsType.Name}, not {given}: pass a {builtIn.SettingsType.Name} record.", rule);
        }

        var levels = builtIn.Scope switch
        {
            SubjectKind.Metric => null,
            SubjectKind.Activity => metric is null ? null : "for the journey or for one activity, not for one KPI: it looks at activities, and a KPI override would never apply",
            _ => activity is null && metric is null ? null : $"only for the whole journey: it looks at {(builtIn.Scope == SubjectKind.Phase ? "phases" : "the journey")}, and an override for one {(activity is null ? "KPI" : "activity")} would never apply",
        };
        if (levels is not null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidSettings, $"Rule '{rule}' can be tuned {levels}.", rule);
        }
    }

    /// <summary>Names a level of rule settings for messages: "settings of rule 'metric.threshold' for activity 'Checkout'".</summary>
    private string RuleSettingsPlace(RuleId rule, ActivityId? activity, WidgetId? metric) =>
        $"settings of rule '{rule}'" + (activity is { } a ? $" for activity '{(_activities.TryGetValue(a, out var x) ? x.Name : a.ToString())}'"
            : metric is { } m ? $" for metric '{FindMetric(m, out _, out _)?.Title ?? FindWidget(m, out _)?.Title ?? m.ToString()}'" : " for the journey");

    private void RequirePhase(PhaseId id)
    {
        if (FindPhase(id) is null)
        {
            throw new JourneyRuleException(JourneyRules.UnknownPhase, $"Journey '{Name}' has no phase {id}.", id);
        }
    }

    private void RequirePersona(PersonaId id)
    {
        if (FindPersona(id) is null)
        {
            throw new JourneyRuleException(JourneyRules.UnknownPersona, $"Journey '{Name}' has no persona {id}.", id);
        }
    }

    private void RequireActivity(ActivityId id)
    {
        if (!_activities.ContainsKey(id))
        {
            throw new JourneyRuleException(JourneyRules.UnknownActivity, $"Journey '{Name}' has no activity {id}.", id);
        }
    }

    private Widget RequireWidget(ActivityId activityId, WidgetId widgetId)
    {
        RequireActivity(activityId);
        var activity = _activities[activityId];
        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget.Id == widgetId)
            {
                return widget;
            }
        }

        throw new JourneyRuleException(JourneyRules.UnknownWidget, $"Activity '{activity.Name}' ({activityId}) has no widget {widgetId}.", activityId, widgetId);
    }

    private T RequireWidget<T>(ActivityId activityId, WidgetId widgetId, string purpose)
        where T : Widget
    {
        var widget = RequireWidget(activityId, widgetId);
        return widget as T ?? throw new JourneyRuleException(JourneyRules.WrongWidgetKind, $"Cannot {purpose} on widget '{widget.Title}' ({widgetId}): it is a {widget.KindName()} widget.", widgetId);
    }

    // A segment's observation recorded, corrected or removed: an activity's metric and a KPI (found by the caller, which
    // names the missing one its own way) are held to the same checks, in the same order. The observation is made only
    // once the segment and the date have passed.
    private static void ValidateMeasurementRecorded(MetricWidget metric, Segment segment, LocalDate date, Func<Observation> observation, Instant occurredAt)
    {
        RequireSegment(segment);
        Guard.Against.NonIsoDate(date, "observation date");
        // What the observation is (answers of the metric's scale, a value in range) comes before where it goes: answers
        // of the wrong kind are refused as such, whether or not the date is taken.
        RequireObservationFits(metric, segment, observation());
        if (metric.SeriesOf(segment).Contains(date))
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"Metric '{metric.Title}' ({metric.Id}) already has an observation for {segment} on {date:yyyy-MM-dd}; correct it instead of recording another.", metric.Id, date);
        }

        RequireNotAhead(metric, date, occurredAt);
    }

    private static void ValidateMeasurementCorrected(MetricWidget metric, Segment segment, LocalDate date, Func<Observation> observation)
    {
        ValidateMeasurementRemoved(metric, segment, date);
        RequireObservationFits(metric, segment, observation());
    }

    private static void ValidateMeasurementRemoved(MetricWidget metric, Segment segment, LocalDate date)
    {
        RequireSegment(segment);
        Guard.Against.NonIsoDate(date, "observation date");
        RequireObservation(metric, segment, date);
    }

    private static void RequireObservation(MetricWidget metric, LocalDate date)
    {
        if (!metric.Observations.Contains(date))
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"Metric '{metric.Title}' ({metric.Id}) has no observation on {date:yyyy-MM-dd}.", metric.Id, date);
        }
    }

    private static void RequireSegment(Segment? segment)
    {
        if (segment is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, "An observation's segment must not be missing: use Segment.All for all customers.");
        }
    }

    private static void RequireObservation(MetricWidget metric, Segment segment, LocalDate date)
    {
        if (!metric.SeriesOf(segment).Contains(date))
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"Metric '{metric.Title}' ({metric.Id}) has no observation for {segment} on {date:yyyy-MM-dd}.", metric.Id, date);
        }
    }

    private static void RequireObservationFits(MetricWidget metric, Segment segment, Observation observation)
    {
        if (metric.CheckObservation(observation) is { } problem)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, $"Metric '{metric.Title}' ({metric.Id}), {segment} on {observation.Date:yyyy-MM-dd}: {problem}", metric.Id);
        }
    }

    private static void RequireValue(MetricWidget metric, decimal value)
    {
        if (metric.CheckValue(value) is { } problem)
        {
            throw new JourneyRuleException(JourneyRules.InvalidWidget, $"Metric '{metric.Title}' ({metric.Id}): {problem}", metric.Id);
        }
    }

    /// <summary>
    /// Refuses an observation dated after the day the event happened, with one day of slack: "today" is read in UTC, and
    /// a host east of UTC is a day ahead of it for part of the day. A typo such as 2030 would otherwise drive every rule.
    /// </summary>
    private static void RequireNotAhead(MetricWidget metric, LocalDate date, Instant occurredAt)
    {
        var today = occurredAt.InUtc().Date;
        if (date > today.PlusDays(1))
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"Metric '{metric.Title}' ({metric.Id}) cannot record an observation on {date:yyyy-MM-dd}: that is after today ({today:yyyy-MM-dd} UTC, with one day of slack for time zones). Record a value on the day it was measured, once that day has come; a value aimed for belongs in the metric's Target.", metric.Id, date);
        }
    }

    private static void RequireNotEmpty(Guid id, string what, string type)
    {
        if (id == Guid.Empty)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"{(what[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "An" : "A")} {what}'s id must not be default({type}), the empty GUID: omit the id to get a new one, or pass {type}.New().");
        }
    }

    private static void RequireMovePosition(int position, int count, string what, string size)
    {
        if (position < 0 || position >= count)
        {
            throw new JourneyRuleException(JourneyRules.InvalidPosition, $"{what} cannot move to position {position}: {size}, so use 0 to {count - 1}.", position);
        }
    }

    private static void RequirePosition(int position, int count, string what)
    {
        if (position < 0 || position >= count)
        {
            throw new JourneyRuleException(JourneyRules.InvalidPosition, $"Position {position} is outside the {what} list: use 0 to {count - 1}.", position);
        }
    }

    /// <summary>Refuses a parent whose phase is not the child's: a child activity lives in its parent's phase.</summary>
    private void RequireParentInPhase(ActivityId activityId, string name, PhaseId phaseId, ActivityId parentId)
    {
        var parent = _activities[parentId];
        if (parent.PhaseId != phaseId)
        {
            var phase = GetPhase(phaseId).Name;
            var parentPhase = GetPhase(parent.PhaseId).Name;
            throw new JourneyRuleException(
                JourneyRules.ParentInOtherPhase,
                $"Activity '{name}' ({activityId}) cannot go under '{parent.Name}' in phase '{phase}': the parent '{parent.Name}' is in phase '{parentPhase}', and a child lives in its parent's phase; choose a parent in '{phase}' or move to '{parentPhase}'.",
                activityId,
                parentId);
        }
    }

    /// <summary>Refuses a phase name another phase has (ordinal, ignoring case); commands only, so stored duplicates still load.</summary>
    private void RequireUniquePhaseName(string name, PhaseId? self)
    {
        foreach (var other in _phases)
        {
            if (other.Id != self && string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw new JourneyRuleException(JourneyRules.DuplicateName, $"The journey already has a phase named '{other.Name}' ({other.Id}); phase names are compared ignoring case, so choose another name or use that phase.", other.Id);
            }
        }
    }

    /// <summary>Refuses a persona name another persona has (ordinal, ignoring case); commands only, so stored duplicates still load.</summary>
    private void RequireUniquePersonaName(string name, PersonaId? self)
    {
        foreach (var other in _personas)
        {
            if (other.Id != self && string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw new JourneyRuleException(JourneyRules.DuplicateName, $"The journey already has a persona named '{other.Name}' ({other.Id}); persona names are compared ignoring case, so choose another name or use that persona.", other.Id);
            }
        }
    }
}
