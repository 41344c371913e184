using System.Collections.Generic;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

// What the JSON API sends. Dates are ISO yyyy-MM-dd, instants ISO UTC, ids GUIDs, enums camel-case strings.
internal sealed record JourneySummaryDto(string Id, string Name, string State, long Version, string LastChangedAt);

internal sealed record JourneyDto(
    string Id,
    string Name,
    string? Description,
    string? Owner,
    string State,
    long Version,
    string LastChangedAt,
    IReadOnlyList<PhaseDto> Phases,
    IReadOnlyList<PersonaDto> Personas,
    IReadOnlyList<ActivityDto> Activities,
    IReadOnlyList<FlowDto> Flows);

internal sealed record PhaseDto(string Id, string Name, string? CustomerGoal);

internal sealed record PersonaDto(string Id, string Name, string? Description);

internal sealed record ActivityDto(
    string Id,
    string PhaseId,
    string? ParentId,
    string Name,
    string Kind,
    string Status,
    string? Owner,
    string? Team,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Tags,
    string? PlannedStart,
    string? PlannedEnd,
    string? Description,
    int WidgetCount);

internal sealed record FlowDto(string Id, string From, string To, string? Label);

// Today is the ISO date of the app's clock in the warning engine's time zone: the default date of the page's date inputs.
internal sealed record ActivityDetailDto(ActivityDto Activity, string PhaseName, IReadOnlyList<WidgetDto> Widgets, IReadOnlyList<HistoryEntryDto> History, IReadOnlyList<WarningDto> Warnings, string Today);

internal sealed record WidgetDto(string Id, string Kind, string Title, IReadOnlyDictionary<string, object?> Content);

internal sealed record HistoryEntryDto(long Version, string At, string Actor, string Description, string? Reason);

internal sealed record WarningDto(
    string Key,
    string Rule,
    string SubjectKind,
    string SubjectId,
    string SubjectName,
    string? PhaseId,
    string? PhaseName,
    string? Owner,
    string? Team,
    string Severity,
    string Message,
    IReadOnlyList<EvidenceDto> Evidence,
    string RaisedAt,
    string State,
    string? HandledBy,
    string? HandledAt,
    string? Note,
    string? SnoozedUntil,
    string? ActivityId,
    string? Metric,
    string? Unit = null,
    IReadOnlyDictionary<string, string>? Segment = null,
    string? SegmentText = null);

/// <summary>A change that made a command conflict (412), for the page to word: who, what ("changed activity 'Checkout'"), when (ISO instant), and the fields it set with their new values (activity, phase and persona changes; else empty).</summary>
internal sealed record ConflictDto(string Actor, string What, string At, IReadOnlyList<ConflictField> Fields);

internal sealed record EvidenceDto(string Name, string Value);

internal sealed record MapDto(double Width, double Height, IReadOnlyList<LaneDto> Lanes, IReadOnlyList<NodeDto> Nodes, IReadOnlyList<EdgeDto> Edges);

internal sealed record LaneDto(string PhaseId, string Name, string? CustomerGoal, BoxDto Bounds, BoxDto Header);

internal sealed record NodeDto(string ActivityId, string Name, string Status, int Depth, BoxDto Bounds, string? Severity, int WarningCount);

internal sealed record EdgeDto(string Kind, string From, string To, double X1, double Y1, double X2, double Y2, string? Label);

internal sealed record BoxDto(double X, double Y, double Width, double Height);

internal sealed record NotificationDto(string At, string Key, string Rule, string Message);

internal sealed record ChangedDto(long Version, string? Id = null);

// What the JSON API accepts.
internal sealed record AddActivityRequest(string? PhaseId, string? ParentId, string? Name, string? Kind, string? Owner, string? Team, IReadOnlyList<string>? Channels, string? Reason);

internal sealed record MoveActivityRequest(string? PhaseId, string? ParentId, string? Reason);

/// <summary>
/// The members of a widget's own kind, shared by adding (<see cref="AddWidgetRequest"/>) and changing
/// (<see cref="ChangeWidgetRequest"/>) a widget so the two take the same names: a metric's unit, kind, direction, target
/// and thresholds; a link's url; a description's markdown; an emotion's persona, scores (−2…+2) and note; a solution's
/// problem, solution and status.
/// </summary>
internal abstract record WidgetKindFields
{
    public string? Unit { get; init; }

    public string? MetricKind { get; init; }

    public string? Direction { get; init; }

    public decimal? Target { get; init; }

    public decimal? WarningThreshold { get; init; }

    public decimal? CriticalThreshold { get; init; }

    public string? Url { get; init; }

    public string? Markdown { get; init; }

    public string? Persona { get; init; }

    public int? AsIs { get; init; }

    public int? ToBe { get; init; }

    public string? Note { get; init; }

    public string? Problem { get; init; }

    public string? Solution { get; init; }

    public string? Status { get; init; }
}

/// <summary>Adds a widget of <see cref="Kind"/>: its title, the members of its kind, and a feedback widget's first entries.</summary>
internal sealed record AddWidgetRequest(string? Kind, string? Title, IReadOnlyList<FeedbackEntryRequest>? Entries = null) : WidgetKindFields;

/// <summary>One feedback entry as the widget requests take it: who said it, what, how it felt, on which ISO date.</summary>
internal sealed record FeedbackEntryRequest(string? Source, string? Quote, string? Sentiment, string? Date);

internal sealed record RecordObservationRequest(string? Date, decimal? Value, string? Reason);

// Segment: a metric rule's per-segment warning names its segment as an object of dimension values (WarningSubjectRequest).
internal sealed record WarningActionRequest(string? Rule, string? Subject, System.Text.Json.JsonElement? Segment, string? Note, string? Until, int? Days);

internal sealed record WorkspaceWarningPageDto(IReadOnlyList<WorkspaceWarningDto> Items, int Total, SeverityCountsDto Counts, int Offset, int Limit, bool HasMore);

internal sealed record SeverityCountsDto(int Critical, int Warning, int Info);

internal sealed record WorkspaceWarningDto(
    string JourneyId,
    string JourneyName,
    string Key,
    string Rule,
    string SubjectKind,
    string SubjectId,
    string SubjectName,
    string? PhaseName,
    string? Owner,
    string? Team,
    string Severity,
    string Message,
    string RaisedAt,
    string State,
    string? SnoozedUntil,
    IReadOnlyDictionary<string, string>? Segment = null,
    string? SegmentText = null);

internal sealed record JourneyHealthDto(string JourneyId, string JourneyName, decimal Score, int OpenCritical, int OpenWarning, int OpenInfo, long Version, string EvaluatedAt);
