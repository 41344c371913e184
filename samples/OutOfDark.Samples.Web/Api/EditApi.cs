using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The editing endpoints: change and remove activities, change, reorder and remove widgets, and add, change, reorder and
/// remove flows, phases and personas. Like every command they take the journey's ETag in If-Match; a stale one is only
/// refused (412) when someone changed the same thing since (<see cref="CommandConflicts"/>). A field the request gets
/// wrong is a 400 problem naming that field, in the words the UI shows next to it.
/// </summary>
internal static class EditApi
{
    private const int MaxName = 200;

    public static void MapEditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/journeys/{journeyId}").AddEndpointFilter<JsonCommandFilter>();
        api.MapPut("/activities/{activityId}", ChangeActivityAsync);
        api.MapDelete("/activities/{activityId}", RemoveActivityAsync);
        api.MapPut("/widgets/{widgetId}", ChangeWidgetAsync);
        api.MapPut("/widgets/{widgetId}/position", MoveWidgetAsync);
        api.MapDelete("/widgets/{widgetId}", RemoveWidgetAsync);
        api.MapPost("/flows", AddFlowAsync);
        api.MapPut("/flows/{flowId}", ChangeFlowAsync);
        api.MapDelete("/flows/{flowId}", RemoveFlowAsync);
        api.MapPost("/phases", AddPhaseAsync);
        api.MapPut("/phases/{phaseId}", ChangePhaseAsync);
        api.MapPut("/phases/{phaseId}/position", MovePhaseAsync);
        api.MapDelete("/phases/{phaseId}", RemovePhaseAsync);
        api.MapPost("/personas", AddPersonaAsync);
        api.MapPut("/personas/{personaId}", ChangePersonaAsync);
        api.MapDelete("/personas/{personaId}", RemovePersonaAsync);
    }

    private static async Task<IResult> ChangeActivityAsync(HttpContext context, string journeyId, string activityId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<ChangeActivityRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var activity = JourneyApi.RequiredId<ActivityId>(activityId, "activityId", errors);
        var name = Name(body.Name, "name", "The activity needs a name.", errors);
        var kind = ActivityKind.Touchpoint;
        if (body.Kind is { Length: > 0 } k && (!Enum.TryParse(k, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
        {
            errors["kind"] = [$"'{k}' is not an activity kind: use touchpoint, milestone or other."];
        }

        var status = ActivityStatus.Planned;
        if (body.Status is { Length: > 0 } s && (!Enum.TryParse(s, ignoreCase: true, out status) || !Enum.IsDefined(status)))
        {
            errors["status"] = [$"'{s}' is not a status: use planned, active, paused or retired."];
        }

        var channels = (body.Channels ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var fields = new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.Invalid] = "name", [JourneyRules.InvalidValue] = "name" };
        return await JourneyApi.ChangeAsync(
            context,
            journeyId,
            new ChangeActivityCommand(JourneyApi.Actor(context), activity!.Value, name!, kind, status, Optional(body.Owner), Optional(body.Team), channels, Optional(body.Description), body.Reason),
            fields).ConfigureAwait(false);
    }

    private static async Task<IResult> RemoveActivityAsync(HttpContext context, string journeyId, string activityId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<RemoveRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var activity = JourneyApi.RequiredId<ActivityId>(activityId, "activityId", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(context, journeyId, new RemoveActivityCommand(JourneyApi.Actor(context), activity!.Value, body.Reason), JourneyApi.RuleFields).ConfigureAwait(false);
    }

    private static async Task<IResult> ChangeWidgetAsync(HttpContext context, string journeyId, string widgetId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<ChangeWidgetRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
        var title = Name(body.Title, "title", "The widget needs a title.", errors);
        var direction = MetricDirection.HigherIsBetter;
        if (body.Direction is { Length: > 0 } d && (!Enum.TryParse(d, ignoreCase: true, out direction) || !Enum.IsDefined(direction)))
        {
            errors["direction"] = [$"'{d}' is not a direction: use higherIsBetter or lowerIsBetter."];
        }

        Uri? url = null;
        if (body.Url is { } text && !Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            errors["url"] = [$"'{text}' is not an absolute address such as https://example.com/page."];
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        // Only the fields of the widget's own kind apply; the others are ignored, as the UI sends one form per kind.
        Widget Change(Widget current) => current switch
        {
            MetricWidget metric => metric with
            {
                Title = title!,
                Unit = body.Unit ?? metric.Unit,
                Direction = body.Direction is { Length: > 0 } ? direction : metric.Direction,
                Target = body.Target,
                WarningThreshold = body.WarningThreshold,
                CriticalThreshold = body.CriticalThreshold,
            },
            LinkWidget link => link with { Title = title!, Url = url ?? link.Url },
            DescriptionWidget description => description with { Title = title!, Markdown = body.Markdown ?? description.Markdown },
            _ => current with { Title = title! },
        };

        var fields = new Dictionary<string, string>(JourneyApi.RuleFields)
        {
            [JourneyRules.InvalidWidget] = "title",
            [JourneyRules.InvalidValue] = "target",
            [JourneyRules.Invalid] = "title",
        };
        return await JourneyApi.ChangeAsync(
            context,
            journeyId,
            new ChangeWidgetCommand(JourneyApi.Actor(context), widget!.Value, Change, body.Reason),
            fields,
            e => e.Rule is JourneyRules.InvalidWidget or JourneyRules.InvalidValue ? ThresholdField(e.Message) : null).ConfigureAwait(false);
    }

    private static async Task<IResult> MoveWidgetAsync(HttpContext context, string journeyId, string widgetId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<PositionRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
        var position = Position(body.Position, errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(context, journeyId, new MoveWidgetCommand(JourneyApi.Actor(context), widget!.Value, position, body.Reason), PositionFields()).ConfigureAwait(false);
    }

    private static async Task<IResult> RemoveWidgetAsync(HttpContext context, string journeyId, string widgetId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<RemoveRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(context, journeyId, new RemoveWidgetCommand(JourneyApi.Actor(context), widget!.Value, body.Reason), JourneyApi.RuleFields).ConfigureAwait(false);
    }

    private static async Task<IResult> AddFlowAsync(HttpContext context, string journeyId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<AddFlowRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var from = JourneyApi.RequiredId<ActivityId>(body.From, "from", errors);
        var to = JourneyApi.RequiredId<ActivityId>(body.To, "to", errors);
        if (from is { } f && to is { } t && f == t)
        {
            errors["to"] = ["A flow goes from one activity to another: choose a different activity."];
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var fields = new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.InvalidFlow] = "to", [JourneyRules.Invalid] = "label" };
        return await JourneyApi.ChangeAsync(
            context,
            journeyId,
            new AddFlowCommand(JourneyApi.Actor(context), FlowId.New(), from!.Value, to!.Value, Optional(body.Label), body.Reason),
            fields,
            e => e.Rule == JourneyRules.UnknownActivity ? (e.Subjects.Contains(from.Value) ? "from" : "to") : null,
            created: true).ConfigureAwait(false);
    }

    private static async Task<IResult> ChangeFlowAsync(HttpContext context, string journeyId, string flowId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<ChangeFlowRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var flow = JourneyApi.RequiredId<FlowId>(flowId, "flowId", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new RelabelFlowCommand(JourneyApi.Actor(context), flow!.Value, Optional(body.Label), body.Reason),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.UnknownFlow] = "flowId", [JourneyRules.Invalid] = "label" }).ConfigureAwait(false);
    }

    private static async Task<IResult> RemoveFlowAsync(HttpContext context, string journeyId, string flowId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<RemoveRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var flow = JourneyApi.RequiredId<FlowId>(flowId, "flowId", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new RemoveFlowCommand(JourneyApi.Actor(context), flow!.Value, body.Reason),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.UnknownFlow] = "flowId" }).ConfigureAwait(false);
    }

    private static async Task<IResult> AddPhaseAsync(HttpContext context, string journeyId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<PhaseRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var name = Name(body.Name, "name", "The phase needs a name.", errors);
        if (body.Position is < 0)
        {
            errors["position"] = ["The position counts from 0 (the first phase)."];
        }

        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new AddPhaseCommand(JourneyApi.Actor(context), PhaseId.New(), name!, Optional(body.CustomerGoal), body.Position, body.Reason),
                PhaseFields(),
                created: true).ConfigureAwait(false);
    }

    private static async Task<IResult> ChangePhaseAsync(HttpContext context, string journeyId, string phaseId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<PhaseRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var phase = JourneyApi.RequiredId<PhaseId>(phaseId, "phaseId", errors);
        var name = Name(body.Name, "name", "The phase needs a name.", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new ChangePhaseCommand(JourneyApi.Actor(context), phase!.Value, name!, Optional(body.CustomerGoal), body.Reason),
                PhaseFields()).ConfigureAwait(false);
    }

    private static async Task<IResult> MovePhaseAsync(HttpContext context, string journeyId, string phaseId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<PositionRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var phase = JourneyApi.RequiredId<PhaseId>(phaseId, "phaseId", errors);
        var position = Position(body.Position, errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(context, journeyId, new MovePhaseCommand(JourneyApi.Actor(context), phase!.Value, position, body.Reason), PositionFields()).ConfigureAwait(false);
    }

    private static async Task<IResult> RemovePhaseAsync(HttpContext context, string journeyId, string phaseId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<RemoveRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var phase = JourneyApi.RequiredId<PhaseId>(phaseId, "phaseId", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new RemovePhaseCommand(JourneyApi.Actor(context), phase!.Value, body.Reason),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.PhaseNotEmpty] = "phaseId" }).ConfigureAwait(false);
    }

    private static async Task<IResult> AddPersonaAsync(HttpContext context, string journeyId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<PersonaRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var name = Name(body.Name, "name", "The persona needs a name.", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new AddPersonaCommand(JourneyApi.Actor(context), PersonaId.New(), name!, Optional(body.Description), body.Reason),
                PersonaFields(),
                created: true).ConfigureAwait(false);
    }

    private static async Task<IResult> ChangePersonaAsync(HttpContext context, string journeyId, string personaId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<PersonaRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var persona = JourneyApi.RequiredId<PersonaId>(personaId, "personaId", errors);
        var name = Name(body.Name, "name", "The persona needs a name.", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new ChangePersonaCommand(JourneyApi.Actor(context), persona!.Value, name!, Optional(body.Description), body.Reason),
                PersonaFields()).ConfigureAwait(false);
    }

    private static async Task<IResult> RemovePersonaAsync(HttpContext context, string journeyId, string personaId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<RemoveRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var persona = JourneyApi.RequiredId<PersonaId>(personaId, "personaId", errors);
        return errors.Count > 0
            ? HttpHelpers.Invalid(errors)
            : await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new RemovePersonaCommand(JourneyApi.Actor(context), persona!.Value, body.Reason),
                PersonaFields()).ConfigureAwait(false);
    }

    private static string? Name(string? text, string field, string missing, Dictionary<string, string[]> errors)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[field] = [missing];
            return null;
        }

        if (name.Length > MaxName)
        {
            errors[field] = [$"Keep it to {MaxName} characters; this one has {name.Length}."];
            return null;
        }

        return name;
    }

    private static int Position(int? position, Dictionary<string, string[]> errors)
    {
        if (position is not { } p || p < 0)
        {
            errors["position"] = ["The position is required and counts from 0 (the first place)."];
            return 0;
        }

        return p;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // A metric's threshold refusal names the threshold that is out of line with the direction or the others.
    private static string? ThresholdField(string message) =>
        message.Contains("critical", StringComparison.OrdinalIgnoreCase) ? "criticalThreshold"
        : message.Contains("warning threshold", StringComparison.OrdinalIgnoreCase) ? "warningThreshold"
        : null;

    private static Dictionary<string, string> PositionFields() =>
        new(JourneyApi.RuleFields) { [JourneyRules.InvalidPosition] = "position" };

    private static Dictionary<string, string> PhaseFields() =>
        new(JourneyApi.RuleFields) { [JourneyRules.Invalid] = "name", [JourneyRules.InvalidValue] = "name", [JourneyRules.InvalidPosition] = "position" };

    private static Dictionary<string, string> PersonaFields() =>
        new(JourneyApi.RuleFields)
        {
            [JourneyRules.Invalid] = "name",
            [JourneyRules.InvalidValue] = "name",
            [JourneyRules.UnknownPersona] = "personaId",
            [JourneyRules.PersonaInUse] = "personaId",
        };
}
