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
internal sealed record JourneyChange(IReadOnlyList<CommandSubject> Subjects, bool Everything, string Text);

/// <summary>A change since the version a client saw that touches what its command works on.</summary>
/// <param name="Event">The event that made the change.</param>
/// <param name="Text">The change in words, naming who, what and when (no ids).</param>
internal sealed record JourneyConflict(JourneyEvent Event, string Text);

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
                conflicts.Add(new JourneyConflict(e, change.Text));
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
        var subjects = new List<CommandSubject>();
        var everything = false;
        string what;
        switch (e)
        {
            case JourneyCreated:
                (what, everything) = ("created the journey", true);
                break;
            case JourneyRenamed or JourneyDescriptionChanged or JourneyOwnerChanged or JourneyStateChanged or JourneyParentChanged:
                subjects.Add(CommandSubject.Journey);
                what = e switch
                {
                    JourneyRenamed => "renamed the journey",
                    JourneyDescriptionChanged => "changed the journey's description",
                    JourneyOwnerChanged => "changed the journey's owner",
                    JourneyStateChanged => "changed the journey's state",
                    _ => "changed the journey's parent",
                };
                break;
            case JourneyPaired or JourneyUnpaired:
                subjects.Add(CommandSubject.Journey);
                what = e is JourneyPaired ? "paired the journey with another" : "unpaired the journey";
                break;
            case PhaseAdded x:
                subjects.AddRange([CommandSubject.Of(x.PhaseId), CommandSubject.PhaseOrder]);
                what = $"added phase '{x.Name}'";
                break;
            case PhaseChanged x:
                subjects.Add(CommandSubject.Of(x.PhaseId));
                what = $"changed phase {Phase(before, x.PhaseId)}";
                break;
            case PhaseMoved x:
                subjects.AddRange([CommandSubject.Of(x.PhaseId), CommandSubject.PhaseOrder]);
                what = $"moved phase {Phase(before, x.PhaseId)}";
                break;
            case PhaseRemoved x:
                subjects.AddRange([CommandSubject.Of(x.PhaseId), CommandSubject.PhaseOrder]);
                what = $"removed phase {Phase(before, x.PhaseId)}";
                break;
            case PersonaAdded x:
                subjects.Add(CommandSubject.Of(x.PersonaId));
                what = $"added persona '{x.Name}'";
                break;
            case PersonaChanged x:
                subjects.Add(CommandSubject.Of(x.PersonaId));
                what = $"changed persona {Persona(before, x.PersonaId)}";
                break;
            case PersonaMoved x:
                // Only the order of the personas changes (see OrderSubjects).
                what = $"moved persona {Persona(before, x.PersonaId)} in the list of personas";
                break;
            case PersonaRemoved x:
                subjects.Add(CommandSubject.Of(x.PersonaId));
                what = $"removed persona {Persona(before, x.PersonaId)}";
                break;
            case ActivityAdded x:
                subjects.Add(CommandSubject.Of(x.ActivityId));
                if (x.ParentId is { } parent)
                {
                    subjects.Add(CommandSubject.Of(parent));
                    what = $"added activity '{x.Name}' under {Activity(before, parent)}";
                }
                else
                {
                    what = $"added activity '{x.Name}'";
                }

                break;
            case ActivityChanged x:
                subjects.Add(CommandSubject.Of(x.ActivityId));
                what = $"changed activity {Activity(before, x.ActivityId)}";
                break;
            case ActivityMoved x:
                subjects.Add(CommandSubject.Of(x.ActivityId));
                if (before.TryGetActivity(x.ActivityId, out var moved) && moved.ParentId is { } oldParent)
                {
                    subjects.Add(CommandSubject.Of(oldParent));
                }

                if (x.ParentId is { } newParent)
                {
                    subjects.Add(CommandSubject.Of(newParent));
                }

                what = $"moved activity {Activity(before, x.ActivityId)}";
                break;
            case ActivityReordered x:
                // Only the order of its siblings changes (see OrderSubjects): edits of the activity itself still apply.
                what = $"moved activity {Activity(before, x.ActivityId)} among its neighbours";
                break;
            case ActivityRemoved x:
                Removal(before, x.ActivityId, subjects);
                what = $"removed activity {Activity(before, x.ActivityId)}";
                break;
            case ActivityLaneChanged x:
                subjects.Add(CommandSubject.Of(x.ActivityId));
                what = $"moved activity {Activity(before, x.ActivityId)} to another lane";
                break;
            case SubJourneyLinked x:
                subjects.Add(CommandSubject.Of(x.ActivityId));
                what = $"linked a sub-journey to activity {Activity(before, x.ActivityId)}";
                break;
            case ActivityMatched or ActivityUnmatched:
                var matched = e is ActivityMatched m ? m.ActivityId : ((ActivityUnmatched)e).ActivityId;
                subjects.Add(CommandSubject.Of(matched));
                what = $"{(e is ActivityMatched ? "matched" : "unmatched")} activity {Activity(before, matched)} with its counterpart";
                break;
            case FlowAdded x:
                subjects.AddRange([CommandSubject.Of(x.FlowId), CommandSubject.Of(x.From), CommandSubject.Of(x.To)]);
                what = $"added a flow from {Activity(before, x.From)} to {Activity(before, x.To)}";
                break;
            case FlowRemoved x:
                subjects.Add(CommandSubject.Of(x.FlowId));
                if (before.FindFlow(x.FlowId) is { } flow)
                {
                    subjects.AddRange([CommandSubject.Of(flow.From), CommandSubject.Of(flow.To)]);
                    what = $"removed the flow from {Activity(before, flow.From)} to {Activity(before, flow.To)}";
                }
                else
                {
                    what = "removed a flow";
                }

                break;
            case WidgetAdded x:
                subjects.AddRange([CommandSubject.Of(x.Widget.Id), CommandSubject.Of(x.ActivityId)]);
                what = $"added widget '{x.Widget.Title}' to activity {Activity(before, x.ActivityId)}";
                break;
            case WidgetChanged x:
                subjects.AddRange([CommandSubject.Of(x.Widget.Id), CommandSubject.Of(x.ActivityId)]);
                what = $"changed widget {Widget(before, x.Widget.Id)} of activity {Activity(before, x.ActivityId)}";
                break;
            case WidgetMoved x:
                subjects.AddRange([CommandSubject.Of(x.WidgetId), CommandSubject.Of(x.ActivityId)]);
                what = $"moved widget {Widget(before, x.WidgetId)} of activity {Activity(before, x.ActivityId)}";
                break;
            case WidgetRemoved x:
                subjects.AddRange([CommandSubject.Of(x.WidgetId), CommandSubject.Of(x.ActivityId)]);
                what = $"removed widget {Widget(before, x.WidgetId)} from activity {Activity(before, x.ActivityId)}";
                break;
            case ObservationRecorded or MeasurementRecorded or KpiMeasurementRecorded:
                var recorded = WidgetOf(e);
                subjects.Add(CommandSubject.Of(recorded));
                what = $"recorded a value of {Widget(before, recorded)}";
                break;
            case ObservationCorrected or MeasurementCorrected or KpiMeasurementCorrected:
                var corrected = WidgetOf(e);
                subjects.Add(CommandSubject.Of(corrected));
                what = $"corrected a value of {Widget(before, corrected)}";
                break;
            case ObservationRemoved or MeasurementRemoved or KpiMeasurementRemoved:
                var removed = WidgetOf(e);
                subjects.Add(CommandSubject.Of(removed));
                what = $"removed a value of {Widget(before, removed)}";
                break;
            case FeedbackRecorded x:
                subjects.Add(CommandSubject.Of(x.WidgetId));
                what = $"recorded feedback in {Widget(before, x.WidgetId)}";
                break;
            case FeedbackRemoved x:
                subjects.Add(CommandSubject.Of(x.WidgetId));
                what = $"removed feedback from {Widget(before, x.WidgetId)}";
                break;
            case KpiAdded x:
                subjects.AddRange([CommandSubject.Of(x.Metric.Id), Holder(x.PhaseId)]);
                what = $"added KPI '{x.Metric.Title}' to {HolderName(before, x.PhaseId)}";
                break;
            case KpiChanged x:
                subjects.Add(CommandSubject.Of(x.Metric.Id));
                what = $"changed KPI {Widget(before, x.Metric.Id)}";
                break;
            case KpiMoved x:
                subjects.AddRange([CommandSubject.Of(x.WidgetId), Holder(x.PhaseId)]);
                what = $"moved KPI {Widget(before, x.WidgetId)}";
                break;
            case KpiRemoved x:
                subjects.AddRange([CommandSubject.Of(x.WidgetId), Holder(x.PhaseId)]);
                what = $"removed KPI {Widget(before, x.WidgetId)} from {HolderName(before, x.PhaseId)}";
                break;
            case RuleSettingsChanged x:
                subjects.Add(x.Activity is { } tunedActivity ? CommandSubject.Of(tunedActivity)
                    : x.Metric is { } tunedMetric ? CommandSubject.Of(tunedMetric)
                    : CommandSubject.Journey);
                what = $"changed the settings of rule {x.Rule}"
                    + (x.Activity is { } a ? $" for activity {Activity(before, a)}" : x.Metric is { } w ? $" for {Widget(before, w)}" : "");
                break;
            case WarningAcknowledged or WarningSnoozed or WarningResolved or WarningReopened:
                var key = EventTouches.Warning(e)!.Value;
                subjects.Add(CommandSubject.Of(key));
                var verb = e switch
                {
                    WarningAcknowledged => "acknowledged",
                    WarningSnoozed => "snoozed",
                    WarningResolved => "resolved",
                    _ => "reopened",
                };
                what = $"{verb} the {key.Rule} warning on {SubjectName(before, key.Subject)}";
                break;
            case LaneAdded x:
                subjects.Add(CommandSubject.Of(x.LaneId));
                what = $"added lane '{x.Name}'";
                break;
            case LaneChanged x:
                subjects.Add(CommandSubject.Of(x.LaneId));
                what = $"changed lane '{x.Name}'";
                break;
            case LaneRemoved x:
                subjects.Add(CommandSubject.Of(x.LaneId));
                what = $"removed lane '{x.LaneId.Value}'";
                break;
            case OpportunityAdded x:
                subjects.Add(CommandSubject.Of(x.OpportunityId));
                what = $"added opportunity '{x.Title}'";
                break;
            case OpportunityChanged or OpportunityScored or OpportunityLinked or OpportunityUnlinked or OpportunityRemoved:
                var opportunity = e switch
                {
                    OpportunityChanged c => c.OpportunityId,
                    OpportunityScored s => s.OpportunityId,
                    OpportunityLinked l => l.OpportunityId,
                    OpportunityUnlinked u => u.OpportunityId,
                    _ => ((OpportunityRemoved)e).OpportunityId,
                };
                subjects.Add(CommandSubject.Of(opportunity));
                what = e is OpportunityRemoved ? "removed an opportunity" : "changed an opportunity";
                break;
            default:
                (what, everything) = ("changed the journey", true);
                break;
        }

        OrderSubjects(e, before, subjects);
        var actor = string.IsNullOrWhiteSpace(e.Actor) ? "Someone" : e.Actor;
        return new JourneyChange(subjects, everything, $"{actor} {what} {When.Format(e.OccurredAt)}");
    }

    // An activity's removal takes its descendants in the map, their widgets and every flow touching any of them.
    private static void Removal(Journey before, ActivityId removed, List<CommandSubject> subjects)
    {
        subjects.Add(CommandSubject.Of(removed));
        if (!before.TryGetActivity(removed, out var root))
        {
            return;
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
    }

    private static WidgetId WidgetOf(JourneyEvent e) => e switch
    {
        ObservationRecorded x => x.WidgetId,
        ObservationCorrected x => x.WidgetId,
        ObservationRemoved x => x.WidgetId,
        MeasurementRecorded x => x.WidgetId,
        MeasurementCorrected x => x.WidgetId,
        MeasurementRemoved x => x.WidgetId,
        KpiMeasurementRecorded x => x.WidgetId,
        KpiMeasurementCorrected x => x.WidgetId,
        KpiMeasurementRemoved x => x.WidgetId,
        _ => throw new ArgumentException($"{e.GetType().Name} is not about a metric's values.", nameof(e)),
    };

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
