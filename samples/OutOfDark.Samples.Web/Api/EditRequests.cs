using System.Collections.Generic;

namespace OutOfDark.Samples.Web.Api;

// What the editing endpoints accept (EditApi). On a change (PUT) a member left out keeps its value and null clears an
// optional one: EditApi reads which members the body holds (CommandEndpoint), as a record cannot tell them apart.

internal sealed record ChangeActivityRequest(
    string? Name,
    string? Kind,
    string? Status,
    string? Owner,
    string? Team,
    IReadOnlyList<string>? Channels,
    string? Description,
    string? Reason);

internal sealed record ChangeWidgetRequest(
    string? Title,
    string? Unit,
    string? Direction,
    decimal? Target,
    decimal? WarningThreshold,
    decimal? CriticalThreshold,
    string? Url,
    string? Markdown,
    string? Reason,
    string? MetricKind = null,
    string? Persona = null,
    int? AsIs = null,
    int? ToBe = null,
    string? Note = null,
    string? Problem = null,
    string? Solution = null,
    string? Status = null,
    FeedbackEntryRequest? AddEntry = null,
    IReadOnlyList<int>? RemoveEntries = null);

internal sealed record PositionRequest(int? Position, string? Reason);

internal sealed record RemoveRequest(string? Reason);

internal sealed record AddFlowRequest(string? From, string? To, string? Label, string? Reason);

internal sealed record ChangeFlowRequest(string? Label, string? Reason);

internal sealed record PhaseRequest(string? Name, string? CustomerGoal, int? Position, string? Reason);

internal sealed record PersonaRequest(string? Name, string? Description, string? Reason);
