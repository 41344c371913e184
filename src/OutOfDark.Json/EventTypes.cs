using System;
using System.Collections.Generic;
using OutOfDark.Events;

namespace OutOfDark.Json;

/// <summary>The <c>type</c> discriminators of journey events: the only names the reader accepts for an event's kind.</summary>
public static class EventTypes
{
    private static readonly (Type Type, string Name)[] Table =
    [
        (typeof(JourneyCreated), "journey-created"),
        (typeof(JourneyRenamed), "journey-renamed"),
        (typeof(JourneyDescriptionChanged), "journey-description-changed"),
        (typeof(JourneyOwnerChanged), "journey-owner-changed"),
        (typeof(JourneyStateChanged), "journey-state-changed"),
        (typeof(PhaseAdded), "phase-added"),
        (typeof(PhaseChanged), "phase-changed"),
        (typeof(PhaseMoved), "phase-moved"),
        (typeof(PhaseRemoved), "phase-removed"),
        (typeof(PersonaAdded), "persona-added"),
        (typeof(PersonaChanged), "persona-changed"),
        (typeof(PersonaRemoved), "persona-removed"),
        (typeof(ActivityAdded), "activity-added"),
        (typeof(ActivityChanged), "activity-changed"),
        (typeof(ActivityMoved), "activity-moved"),
        (typeof(ActivityRemoved), "activity-removed"),
        (typeof(FlowAdded), "flow-added"),
        (typeof(FlowRemoved), "flow-removed"),
        (typeof(FlowRelabelled), "flow-relabelled"),
        (typeof(WidgetAdded), "widget-added"),
        (typeof(WidgetChanged), "widget-changed"),
        (typeof(WidgetMoved), "widget-moved"),
        (typeof(WidgetRemoved), "widget-removed"),
        (typeof(ObservationRecorded), "observation-recorded"),
        (typeof(ObservationCorrected), "observation-corrected"),
        (typeof(ObservationRemoved), "observation-removed"),
        (typeof(MeasurementRecorded), "measurement-recorded"),
        (typeof(MeasurementCorrected), "measurement-corrected"),
        (typeof(MeasurementRemoved), "measurement-removed"),
        (typeof(KpiAdded), "kpi-added"),
        (typeof(KpiChanged), "kpi-changed"),
        (typeof(KpiMoved), "kpi-moved"),
        (typeof(KpiRemoved), "kpi-removed"),
        (typeof(KpiMeasurementRecorded), "kpi-measurement-recorded"),
        (typeof(KpiMeasurementCorrected), "kpi-measurement-corrected"),
        (typeof(KpiMeasurementRemoved), "kpi-measurement-removed"),
        (typeof(FeedbackRecorded), "feedback-recorded"),
        (typeof(WarningAcknowledged), "warning-acknowledged"),
        (typeof(WarningSnoozed), "warning-snoozed"),
        (typeof(WarningResolved), "warning-resolved"),
        (typeof(WarningReopened), "warning-reopened"),
        (typeof(RuleSettingsChanged), "rule-settings-changed"),
        (typeof(JourneyParentChanged), "journey-parent-changed"),
        (typeof(SubJourneyLinked), "sub-journey-linked"),
        (typeof(FeedbackRemoved), "feedback-removed"),
        (typeof(LaneAdded), "lane-added"),
        (typeof(LaneChanged), "lane-changed"),
        (typeof(LaneRemoved), "lane-removed"),
        (typeof(ActivityLaneChanged), "activity-lane-changed"),
        (typeof(OpportunityAdded), "opportunity-added"),
        (typeof(OpportunityChanged), "opportunity-changed"),
        (typeof(OpportunityScored), "opportunity-scored"),
        (typeof(OpportunityLinked), "opportunity-linked"),
        (typeof(OpportunityUnlinked), "opportunity-unlinked"),
        (typeof(OpportunityRemoved), "opportunity-removed"),
        (typeof(JourneyPaired), "journey-paired"),
        (typeof(JourneyUnpaired), "journey-unpaired"),
        (typeof(ActivityMatched), "activity-matched"),
        (typeof(ActivityUnmatched), "activity-unmatched"),
        (typeof(ActivityReordered), "activity-reordered"),
        (typeof(PersonaMoved), "persona-moved"),
    ];

    /// <summary>Every event type's discriminator, in the order of the format documentation.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Table, t => t.Name);

    /// <summary>The discriminator of an event type.</summary>
    /// <param name="eventType">A concrete <see cref="JourneyEvent"/> type.</param>
    /// <returns>The discriminator, for example <c>activity-added</c>, or <see langword="null"/> for a type the format does not know.</returns>
    public static string? NameOf(Type eventType)
    {
        foreach (var (type, name) in Table)
        {
            if (type == eventType)
            {
                return name;
            }
        }

        return null;
    }

    internal static IEnumerable<(Type Type, string Name)> All => Table;
}
