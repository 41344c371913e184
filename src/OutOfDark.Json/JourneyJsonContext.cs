using System.Collections.Generic;
using System.Text.Json.Serialization;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark.Json;

/// <summary>The source-generated System.Text.Json metadata for journey documents and events.</summary>
/// <remarks>
/// Ids, NodaTime values, enums, lists, widgets and the event discriminator are added at run time by
/// <see cref="JourneyJsonSerializer"/>; use the serializer rather than this context directly.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowOutOfOrderMetadataProperties = true,
    AllowDuplicateProperties = false,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(JourneySnapshot))]
[JsonSerializable(typeof(EventStreamDocument))]
[JsonSerializable(typeof(JourneyEvent))]
[JsonSerializable(typeof(Phase))]
[JsonSerializable(typeof(Persona))]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ActivityDetails))]
[JsonSerializable(typeof(Flow))]
[JsonSerializable(typeof(WarningStatus))]
[JsonSerializable(typeof(WarningKey))]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(FeedbackEntry))]
[JsonSerializable(typeof(JourneyCreated))]
[JsonSerializable(typeof(JourneyRenamed))]
[JsonSerializable(typeof(JourneyDescriptionChanged))]
[JsonSerializable(typeof(JourneyOwnerChanged))]
[JsonSerializable(typeof(JourneyStateChanged))]
[JsonSerializable(typeof(PhaseAdded))]
[JsonSerializable(typeof(PhaseChanged))]
[JsonSerializable(typeof(PhaseMoved))]
[JsonSerializable(typeof(PhaseRemoved))]
[JsonSerializable(typeof(PersonaAdded))]
[JsonSerializable(typeof(PersonaChanged))]
[JsonSerializable(typeof(PersonaRemoved))]
[JsonSerializable(typeof(ActivityAdded))]
[JsonSerializable(typeof(ActivityChanged))]
[JsonSerializable(typeof(ActivityMoved))]
[JsonSerializable(typeof(ActivityRemoved))]
[JsonSerializable(typeof(FlowAdded))]
[JsonSerializable(typeof(FlowRemoved))]
[JsonSerializable(typeof(FlowRelabelled))]
[JsonSerializable(typeof(WidgetAdded))]
[JsonSerializable(typeof(WidgetChanged))]
[JsonSerializable(typeof(WidgetMoved))]
[JsonSerializable(typeof(WidgetRemoved))]
[JsonSerializable(typeof(ObservationRecorded))]
[JsonSerializable(typeof(ObservationCorrected))]
[JsonSerializable(typeof(ObservationRemoved))]
[JsonSerializable(typeof(FeedbackRecorded))]
[JsonSerializable(typeof(MeasurementRecorded))]
[JsonSerializable(typeof(MeasurementCorrected))]
[JsonSerializable(typeof(MeasurementRemoved))]
[JsonSerializable(typeof(KpiAdded))]
[JsonSerializable(typeof(KpiChanged))]
[JsonSerializable(typeof(KpiMoved))]
[JsonSerializable(typeof(KpiRemoved))]
[JsonSerializable(typeof(KpiMeasurementRecorded))]
[JsonSerializable(typeof(KpiMeasurementCorrected))]
[JsonSerializable(typeof(KpiMeasurementRemoved))]
[JsonSerializable(typeof(WarningAcknowledged))]
[JsonSerializable(typeof(WarningSnoozed))]
[JsonSerializable(typeof(WarningResolved))]
[JsonSerializable(typeof(WarningReopened))]
[JsonSerializable(typeof(RuleSettingsChanged))]
[JsonSerializable(typeof(JourneyParentChanged))]
[JsonSerializable(typeof(SubJourneyLinked))]
[JsonSerializable(typeof(FeedbackRemoved))]
[JsonSerializable(typeof(RuleSettingsEntry))]
[JsonSerializable(typeof(NoSettings))]
[JsonSerializable(typeof(MetricThresholdSettings))]
[JsonSerializable(typeof(MetricTrendSettings))]
[JsonSerializable(typeof(MetricBaselineSettings))]
[JsonSerializable(typeof(StaleMetricSettings))]
[JsonSerializable(typeof(NotUpdatedSettings))]
[JsonSerializable(typeof(NoOwnerSettings))]
[JsonSerializable(typeof(NoMetricSettings))]
[JsonSerializable(typeof(FunnelDropOffSettings))]
[JsonSerializable(typeof(PainPointSettings))]
[JsonSerializable(typeof(OverdueSettings))]
[JsonSerializable(typeof(ExpectationGapSettings))]
[JsonSerializable(typeof(EmptyPhaseSettings))]
[JsonSerializable(typeof(Lane))]
[JsonSerializable(typeof(Opportunity))]
[JsonSerializable(typeof(OpportunityScores))]
[JsonSerializable(typeof(OpportunityLink))]
[JsonSerializable(typeof(LaneAdded))]
[JsonSerializable(typeof(LaneChanged))]
[JsonSerializable(typeof(LaneRemoved))]
[JsonSerializable(typeof(ActivityLaneChanged))]
[JsonSerializable(typeof(OpportunityAdded))]
[JsonSerializable(typeof(OpportunityChanged))]
[JsonSerializable(typeof(OpportunityScored))]
[JsonSerializable(typeof(OpportunityLinked))]
[JsonSerializable(typeof(OpportunityUnlinked))]
[JsonSerializable(typeof(OpportunityRemoved))]
[JsonSerializable(typeof(SmallSampleSettings))]
[JsonSerializable(typeof(JourneyPaired))]
[JsonSerializable(typeof(JourneyUnpaired))]
[JsonSerializable(typeof(ActivityMatched))]
[JsonSerializable(typeof(ActivityUnmatched))]
[JsonSerializable(typeof(ActivityReordered))]
[JsonSerializable(typeof(PersonaMoved))]
[JsonSerializable(typeof(JourneyPairing))]
[JsonSerializable(typeof(ActivityMatch))]
internal sealed partial class JourneyJsonContext : JsonSerializerContext
{
}

/// <summary>The root of an event-stream document.</summary>
internal sealed class EventStreamDocument
{
    public int SchemaVersion { get; set; }

    public required List<JourneyEvent> Events { get; init; }
}
