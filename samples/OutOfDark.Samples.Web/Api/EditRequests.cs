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

// The members of the widget's kind are WidgetKindFields (Dtos.cs), shared with AddWidgetRequest; a feedback widget's
// change adds one entry and removes others by index.
internal sealed record ChangeWidgetRequest(
    string? Title,
    string? Reason,
    FeedbackEntryRequest? AddEntry = null,
    IReadOnlyList<int>? RemoveEntries = null) : WidgetKindFields;

internal sealed record PositionRequest(int? Position, string? Reason);

internal sealed record RemoveRequest(string? Reason);

internal sealed record AddFlowRequest(string? From, string? To, string? Label, string? Reason);

internal sealed record ChangeFlowRequest(string? Label, string? Reason);

internal sealed record PhaseRequest(string? Name, string? CustomerGoal, int? Position, string? Reason);

internal sealed record PersonaRequest(string? Name, string? Description, string? Reason);
