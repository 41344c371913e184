using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime.Text;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>What one event changed, in subjects and in words.</summary>
/// <param name="Subjects">The subjects it changed; a removal names everything removed with it.</param>
/// <param name="Everything">
/// <see langword="true"/> for an event this table does not know: it conflicts with every command, so a new kind of event
/// can never let a stale command through unseen.
/// </param>
/// <param name="Text">The change as a person reads it: "Ana changed activity 'Checkout' at 10:02 UTC on 5 Apr 2026".</param>
/// <param name="What">The change alone, without who and when: "changed activity 'Checkout'" (a page writes the time in its visitor's zone).</param>
internal sealed record JourneyChange(IReadOnlyList<CommandSubject> Subjects, bool Everything, string Text, string What);

/// <summary>A change since the version a client saw that touches what its command works on.</summary>
/// <param name="Event">The event that made the change.</param>
/// <param name="Text">The change in words, naming who, what and when (no ids).</param>
/// <param name="What">The change alone, without who and when (the event carries those).</param>
/// <param name="Fields">The fields the change set and their new values, for an activity, phase or persona change (<see cref="ConflictFields"/>); otherwise empty.</param>
internal sealed record JourneyConflict(JourneyEvent Event, string Text, string What, IReadOnlyList<ConflictField> Fields);

/// <summary>
/// Decides whether a command sent against an older version of a journey may still be applied: it may unless an event
/// since that version changed one of the command's subjects (<see cref="JourneyCommand.Subjects"/>). Removals name
/// everything they take with them (an activity's descendants, their widgets and flows), so a command on a widget of a
/// removed activity conflicts too. Commands are read against the journey the client saw (<see cref="JourneyCommand.SubjectsIn"/>). Events of a kind this table does not know conflict with every command.
/// </summary>
/// <remarks>
/// A command that passes this check still runs against the current journey, which refuses it if an invariant no longer
/// holds (a phase that gained activities cannot be removed): the check only keeps people from overwriting, unseen, a
/// change to the very thing they are working on.
/// </remarks>
internal static partial class CommandConflicts
{
    private static readonly InstantPattern When = InstantPattern.CreateWithInvariantCulture("'at' HH:mm 'UTC on' d MMM uuuu");

    /// <summary>The changes among <paramref name="since"/> that touch what <paramref name="command"/> works on, oldest first.</summary>
    /// <param name="seen">The journey at the version the client saw; the events are applied to it, so pass a copy nobody else uses.</param>
    /// <param name="since">The events after that version, oldest first.</param>
    /// <param name="command">The command sent against <paramref name="seen"/>.</param>
    /// <returns>The conflicting changes; empty when the command may be applied.</returns>
    public static IReadOnlyList<JourneyConflict> Find(Journey seen, IEnumerable<JourneyEvent> since, JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(since);
        ArgumentNullException.ThrowIfNull(command);
        var wanted = command.SubjectsIn(seen).ToHashSet();
        var conflicts = new List<JourneyConflict>();
        foreach (var e in since)
        {
            var change = Describe(e, seen);
            if (change.Everything || change.Subjects.Any(wanted.Contains))
            {
                conflicts.Add(new JourneyConflict(e, change.Text, change.What, ConflictFields.Of(e, seen)));
            }

            seen.Apply(e);
        }

        return conflicts;
    }

    /// <summary>What an event changed, read against the journey just before it.</summary>
    /// <param name="e">The event.</param>
    /// <param name="before">The journey before the event (for the names, and for what a removal takes with it).</param>
    /// <returns>The subjects and the words.</returns>
    public static JourneyChange Describe(JourneyEvent e, Journey before)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(before);
        var (subjects, everything, what) = Readings.TryGetValue(e.GetType(), out var read)
            ? read(e, before)
            : ([], true, "changed the journey");
        OrderSubjects(e, before, subjects);
        var actor = string.IsNullOrWhiteSpace(e.Actor) ? "Someone" : e.Actor;
        return new JourneyChange(subjects, everything, $"{actor} {what} {When.Format(e.OccurredAt)}", what);
    }

    // What one kind of event changed: its subjects, whether it conflicts with every command, and the change in words.
    private delegate (List<CommandSubject> Subjects, bool Everything, string What) Reading(JourneyEvent e, Journey before);

    // Every kind of event the table knows, by its exact type (the events are sealed records); any other conflicts with
    // every command.
    private static readonly Dictionary<Type, Reading> Readings = new[]
    {
        Everything<JourneyCreated>("created the journey"),
        On<JourneyRenamed>(_ => CommandSubject.Journey, (_, _) => "renamed the journey"),
        On<JourneyDescriptionChanged>(_ => CommandSubject.Journey, (_, _) => "changed the journey's description"),
        On<JourneyOwnerChanged>(_ => CommandSubject.Journey, (_, _) => "changed the journey's owner"),
        On<JourneyStateChanged>(_ => CommandSubject.Journey, (_, _) => "changed the journey's state"),
        On<JourneyParentChanged>(_ => CommandSubject.Journey, (_, _) => "changed the journey's parent"),
        On<JourneyPaired>(_ => CommandSubject.Journey, (_, _) => "paired the journey with another"),
        On<JourneyUnpaired>(_ => CommandSubject.Journey, (_, _) => "unpaired the journey"),
        On<PhaseAdded>(x => [CommandSubject.Of(x.PhaseId), CommandSubject.PhaseOrder], (x, _) => $"added phase '{x.Name}'"),
        On<PhaseChanged>(x => CommandSubject.Of(x.PhaseId), (x, b) => $"changed phase {Phase(b, x.PhaseId)}"),
        On<PhaseMoved>(x => [CommandSubject.Of(x.PhaseId), CommandSubject.PhaseOrder], (x, b) => $"moved phase {Phase(b, x.PhaseId)}"),
        On<PhaseRemoved>(x => [CommandSubject.Of(x.PhaseId), CommandSubject.PhaseOrder], (x, b) => $"removed phase {Phase(b, x.PhaseId)}"),
        On<PersonaAdded>(x => CommandSubject.Of(x.PersonaId), (x, _) => $"added persona '{x.Name}'"),
        On<PersonaChanged>(x => CommandSubject.Of(x.PersonaId), (x, b) => $"changed persona {Persona(b, x.PersonaId)}"),
        On<PersonaRemoved>(x => CommandSubject.Of(x.PersonaId), (x, b) => $"removed persona {Persona(b, x.PersonaId)}"),

        // A reorder changes only the order of a list (OrderSubjects names it): edits of the item itself still apply.
        On<PersonaMoved>(_ => new List<CommandSubject>(), (x, b) => $"moved persona {Persona(b, x.PersonaId)} in the list of personas"),
        On<ActivityReordered>(_ => new List<CommandSubject>(), (x, b) => $"moved activity {Activity(b, x.ActivityId)} among its neighbours"),
        On<ActivityAdded>(
            x => x.ParentId is { } parent ? [CommandSubject.Of(x.ActivityId), CommandSubject.Of(parent)] : [CommandSubject.Of(x.ActivityId)],
            (x, b) => x.ParentId is { } parent ? $"added activity '{x.Name}' under {Activity(b, parent)}" : $"added activity '{x.Name}'"),
        On<ActivityChanged>(x => CommandSubject.Of(x.ActivityId), (x, b) => $"changed activity {Activity(b, x.ActivityId)}"),
        On<ActivityMoved>(
            (x, b) =>
            {
                List<CommandSubject> subjects = [CommandSubject.Of(x.ActivityId)];
                if (b.TryGetActivity(x.ActivityId, out var moved) && moved.ParentId is { } oldParent)
                {
                    subjects.Add(CommandSubject.Of(oldParent));
                }

                if (x.ParentId is { } newParent)
                {
                    subjects.Add(CommandSubject.Of(newParent));
                }

                return subjects;
            },
            (x, b) => $"moved activity {Activity(b, x.ActivityId)}"),
        On<ActivityRemoved>((x, b) => Removal(b, x.ActivityId), (x, b) => $"removed activity {Activity(b, x.ActivityId)}"),
        On<ActivityLaneChanged>(x => CommandSubject.Of(x.ActivityId), (x, b) => $"moved activity {Activity(b, x.ActivityId)} to another lane"),
        On<SubJourneyLinked>(x => CommandSubject.Of(x.ActivityId), (x, b) => $"linked a sub-journey to activity {Activity(b, x.ActivityId)}"),
        On<ActivityMatched>(x => CommandSubject.Of(x.ActivityId), (x, b) => $"matched activity {Activity(b, x.ActivityId)} with its counterpart"),
        On<ActivityUnmatched>(x => CommandSubject.Of(x.ActivityId), (x, b) => $"unmatched activity {Activity(b, x.ActivityId)} with its counterpart"),
        On<FlowAdded>(
            x => [CommandSubject.Of(x.FlowId), CommandSubject.Of(x.From), CommandSubject.Of(x.To)],
            (x, b) => $"added a flow from {Activity(b, x.From)} to {Activity(b, x.To)}"),
        On<FlowRemoved>(
            (x, b) => b.FindFlow(x.FlowId) is { } flow
                ? [CommandSubject.Of(x.FlowId), CommandSubject.Of(flow.From), CommandSubject.Of(flow.To)]
                : [CommandSubject.Of(x.FlowId)],
            (x, b) => b.FindFlow(x.FlowId) is { } flow
                ? $"removed the flow from {Activity(b, flow.From)} to {Activity(b, flow.To)}"
                : "removed a flow"),
        On<FlowRelabelled>(
            x => CommandSubject.Of(x.FlowId),
            (x, b) => b.FindFlow(x.FlowId) is { } flow
                ? $"relabelled the flow from {Activity(b, flow.From)} to {Activity(b, flow.To)}"
                : "relabelled a flow"),
        On<WidgetAdded>(
            x => [CommandSubject.Of(x.Widget.Id), CommandSubject.Of(x.ActivityId)],
            (x, b) => $"added widget '{x.Widget.Title}' to activity {Activity(b, x.ActivityId)}"),
        On<WidgetChanged>(
            x => [CommandSubject.Of(x.Widget.Id), CommandSubject.Of(x.ActivityId)],
            (x, b) => $"changed widget {Widget(b, x.Widget.Id)} of activity {Activity(b, x.ActivityId)}"),
        On<WidgetMoved>(
            x => [CommandSubject.Of(x.WidgetId), CommandSubject.Of(x.ActivityId)],
            (x, b) => $"moved widget {Widget(b, x.WidgetId)} of activity {Activity(b, x.ActivityId)}"),
        On<WidgetRemoved>(
            x => [CommandSubject.Of(x.WidgetId), CommandSubject.Of(x.ActivityId)],
            (x, b) => $"removed widget {Widget(b, x.WidgetId)} from activity {Activity(b, x.ActivityId)}"),
        Value<ObservationRecorded>(x => x.WidgetId, "recorded a value of"),
        Value<MeasurementRecorded>(x => x.WidgetId, "recorded a value of"),
        Value<KpiMeasurementRecorded>(x => x.WidgetId, "recorded a value of"),
        Value<ObservationCorrected>(x => x.WidgetId, "corrected a value of"),
        Value<MeasurementCorrected>(x => x.WidgetId, "corrected a value of"),
        Value<KpiMeasurementCorrected>(x => x.WidgetId, "corrected a value of"),
        Value<ObservationRemoved>(x => x.WidgetId, "removed a value of"),
        Value<MeasurementRemoved>(x => x.WidgetId, "removed a value of"),
        Value<KpiMeasurementRemoved>(x => x.WidgetId, "removed a value of"),
        Value<FeedbackRecorded>(x => x.WidgetId, "recorded feedback in"),
        Value<FeedbackRemoved>(x => x.WidgetId, "removed feedback from"),
        On<KpiAdded>(
            x => [CommandSubject.Of(x.Metric.Id), Holder(x.PhaseId)],
            (x, b) => $"added KPI '{x.Metric.Title}' to {HolderName(b, x.PhaseId)}"),
        On<KpiChanged>(x => CommandSubject.Of(x.Metric.Id), (x, b) => $"changed KPI {Widget(b, x.Metric.Id)}"),
        On<KpiMoved>(x => [CommandSubject.Of(x.WidgetId), Holder(x.PhaseId)], (x, b) => $"moved KPI {Widget(b, x.WidgetId)}"),
        On<KpiRemoved>(
            x => [CommandSubject.Of(x.WidgetId), Holder(x.PhaseId)],
            (x, b) => $"removed KPI {Widget(b, x.WidgetId)} from {HolderName(b, x.PhaseId)}"),
        On<RuleSettingsChanged>(
            x => x.Activity is { } tunedActivity ? CommandSubject.Of(tunedActivity)
                : x.Metric is { } tunedMetric ? CommandSubject.Of(tunedMetric)
                : CommandSubject.Journey,
            (x, b) => $"changed the settings of rule {x.Rule}"
                + (x.Activity is { } a ? $" for activity {Activity(b, a)}" : x.Metric is { } w ? $" for {Widget(b, w)}" : "")),
        Warning<WarningAcknowledged>("acknowledged"),
        Warning<WarningSnoozed>("snoozed"),
        Warning<WarningResolved>("resolved"),
        Warning<WarningReopened>("reopened"),
        On<LaneAdded>(x => CommandSubject.Of(x.LaneId), (x, _) => $"added lane '{x.Name}'"),
        On<LaneChanged>(x => CommandSubject.Of(x.LaneId), (x, _) => $"changed lane '{x.Name}'"),
        On<LaneRemoved>(x => CommandSubject.Of(x.LaneId), (x, _) => $"removed lane '{x.LaneId.Value}'"),
        On<OpportunityAdded>(x => CommandSubject.Of(x.OpportunityId), (x, _) => $"added opportunity '{x.Title}'"),
        On<OpportunityChanged>(x => CommandSubject.Of(x.OpportunityId), (_, _) => "changed an opportunity"),
        On<OpportunityScored>(x => CommandSubject.Of(x.OpportunityId), (_, _) => "changed an opportunity"),
        On<OpportunityLinked>(x => CommandSubject.Of(x.OpportunityId), (_, _) => "changed an opportunity"),
        On<OpportunityUnlinked>(x => CommandSubject.Of(x.OpportunityId), (_, _) => "changed an opportunity"),
        On<OpportunityRemoved>(x => CommandSubject.Of(x.OpportunityId), (_, _) => "removed an opportunity"),
    }.ToDictionary();

    // An event of type T: its subjects, read against the journey before it, and the change in words.
    private static KeyValuePair<Type, Reading> On<T>(Func<T, Journey, List<CommandSubject>> subjects, Func<T, Journey, string> what)
        where T : JourneyEvent =>
        new(typeof(T), (e, before) => (subjects((T)e, before), false, what((T)e, before)));

    // An event of type T whose subjects need only the event.
    private static KeyValuePair<Type, Reading> On<T>(Func<T, List<CommandSubject>> subjects, Func<T, Journey, string> what)
        where T : JourneyEvent =>
        On<T>((x, _) => subjects(x), what);

    // An event of type T about one subject.
    private static KeyValuePair<Type, Reading> On<T>(Func<T, CommandSubject> subject, Func<T, Journey, string> what)
        where T : JourneyEvent =>
        On<T>((x, _) => [subject(x)], what);

    // An event of type T that conflicts with every command.
    private static KeyValuePair<Type, Reading> Everything<T>(string what)
        where T : JourneyEvent =>
        new(typeof(T), (_, _) => ([], true, what));

    // An event of type T about a metric's values or a feedback widget's entries: "recorded a value of 'NPS'".
    private static KeyValuePair<Type, Reading> Value<T>(Func<T, WidgetId> widget, string verb)
        where T : JourneyEvent =>
        On<T>(x => CommandSubject.Of(widget(x)), (x, b) => $"{verb} {Widget(b, widget(x))}");

    // A warning's handling: "acknowledged the metric.threshold warning on activity 'Checkout'".
    private static KeyValuePair<Type, Reading> Warning<T>(string verb)
        where T : JourneyEvent =>
        On<T>(
            x => CommandSubject.Of(EventTouches.Warning(x)!.Value),
            (x, b) => $"{verb} the {EventTouches.Warning(x)!.Value.Rule} warning on {SubjectName(b, EventTouches.Warning(x)!.Value.Subject)}");

    // An activity's removal takes its descendants in the map, their widgets and every flow touching any of them.
    private static List<CommandSubject> Removal(Journey before, ActivityId removed)
    {
        List<CommandSubject> subjects = [CommandSubject.Of(removed)];
        if (!before.TryGetActivity(removed, out var root))
        {
            return subjects;
        }

        if (root.ParentId is { } parent)
        {
            subjects.Add(CommandSubject.Of(parent));
        }

        foreach (var activity in before.Activities)
        {
            if (!before.IsSelfOrDescendant(activity.Id, removed))
            {
                continue;
            }

            subjects.Add(CommandSubject.Of(activity.Id));
            foreach (var widget in activity.Widgets)
            {
                subjects.Add(CommandSubject.Of(widget.Id));
            }

            foreach (var flow in before.FlowsFrom(activity.Id).Concat(before.FlowsTo(activity.Id)))
            {
                subjects.AddRange([CommandSubject.Of(flow.Id), CommandSubject.Of(flow.From), CommandSubject.Of(flow.To)]);
            }
        }

        return subjects;
    }

    private static CommandSubject Holder(PhaseId? phase) => phase is { } p ? CommandSubject.Of(p) : CommandSubject.Journey;

    private static string HolderName(Journey journey, PhaseId? phase) => phase is { } p ? $"phase {Phase(journey, p)}" : "the journey";

    private static string Activity(Journey journey, ActivityId id) =>
        journey.TryGetActivity(id, out var activity) ? Quote(activity.Name) : "an activity no longer in the journey";

    private static string Phase(Journey journey, PhaseId id) =>
        journey.FindPhase(id) is { } phase ? Quote(phase.Name) : "(no longer in the journey)";

    private static string Persona(Journey journey, PersonaId id) =>
        journey.FindPersona(id) is { } persona ? Quote(persona.Name) : "(no longer in the journey)";

    private static string Widget(Journey journey, WidgetId id) =>
        journey.FindWidget(id, out _) is { } widget ? Quote(widget.Title)
        : journey.FindKpi(id, out _) is { } kpi ? Quote(kpi.Title)
        : "a widget no longer in the journey";

    private static string SubjectName(Journey journey, WarningSubject subject) => subject.Kind switch
    {
        SubjectKind.Activity => "activity " + Activity(journey, new ActivityId(subject.Id)),
        SubjectKind.Phase => "phase " + Phase(journey, new PhaseId(subject.Id)),
        SubjectKind.Metric => Widget(journey, new WidgetId(subject.Id)),
        _ => "the journey",
    };

    private static string Quote(string name) => string.Create(CultureInfo.InvariantCulture, $"'{name}'");
}
