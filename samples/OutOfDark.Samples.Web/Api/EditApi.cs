using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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
    // The members of an activity change that a request may leave out to keep.
    private static readonly string[] ActivityMembers = ["name", "kind", "status", "owner", "team", "channels", "description"];

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

    // Merge semantics: a member left out keeps its value, null clears an optional one (owner, team, channels,
    // description); text is kept exactly as sent, as on create.
    private static Task<IResult> ChangeActivityAsync(HttpContext context, string journeyId, string activityId) =>
        CommandEndpoint.HandleAsync<ChangeActivityRequest>(context, journeyId, (body, given, errors) =>
        {
            var activity = JourneyApi.RequiredId<ActivityId>(activityId, "activityId", errors);
            var name = given.Contains("name") ? Name(body.Name, "name", "The activity needs a name.", errors) : "";
            var kind = ActivityKind.Touchpoint;
            if (Required(body.Kind, "kind", given, errors) is { } k && !EnumNames.TryParse(k, out kind))
            {
                errors["kind"] = [$"'{k}' is not an activity kind: use touchpoint, milestone or other."];
            }

            var status = ActivityStatus.Planned;
            if (Required(body.Status, "status", given, errors) is { } s && !EnumNames.TryParse(s, out status))
            {
                errors["status"] = [$"'{s}' is not a status: use planned, active, paused or retired."];
            }

            var kept = new HashSet<string>(
                ActivityMembers.Where(m => !given.Contains(m)),
                StringComparer.OrdinalIgnoreCase);
            return actor => new Edit(
                new ChangeActivityCommand(actor, activity!.Value, name!, kind, status, Optional(body.Owner), Optional(body.Team), body.Channels ?? [], Optional(body.Description), body.Reason, kept),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.Invalid] = "name", [JourneyRules.InvalidValue] = "name" },
                e => FieldNamed(e, ("activity owner", "owner"), ("activity team", "team"), ("channel", "channels"), ("activity description", "description"), ("reason", "reason")));
        });

    private static Task<IResult> RemoveActivityAsync(HttpContext context, string journeyId, string activityId) =>
        CommandEndpoint.HandleAsync<RemoveRequest>(context, journeyId, (body, errors) =>
        {
            var activity = JourneyApi.RequiredId<ActivityId>(activityId, "activityId", errors);
            return actor => new Edit(new RemoveActivityCommand(actor, activity!.Value, body.Reason), JourneyApi.RuleFields);
        });

    private static Task<IResult> ChangeWidgetAsync(HttpContext context, string journeyId, string widgetId) =>
        CommandEndpoint.HandleAsync<ChangeWidgetRequest>(context, journeyId, (body, given, errors) =>
        {
            var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
            var title = given.Contains("title") ? Name(body.Title, "title", "The widget needs a title.", errors) : null;
            var change = WidgetRequests.Change(body, title, given, errors);
            if (body.AddEntry is { } added && !(string.IsNullOrWhiteSpace(added.Source) && string.IsNullOrWhiteSpace(added.Quote)))
            {
                JourneyApi.FeedbackDateRange(added.Date, "addEntry.date", context.RequestServices.GetRequiredService<NodaTime.IClock>(), errors);
            }

            var fields = new Dictionary<string, string>(JourneyApi.RuleFields)
            {
                [JourneyRules.InvalidWidget] = "title",
                [JourneyRules.InvalidValue] = "target",
                [JourneyRules.Invalid] = "title",
                [JourneyRules.UnknownPersona] = "persona",
            };
            return actor => new Edit(
                new ChangeWidgetCommand(actor, widget!.Value, change, body.Reason),
                fields,
                e => RefusalFields.FeedbackEntry(e, [body.AddEntry], _ => "addEntry")
                    ?? (e.Rule is JourneyRules.InvalidWidget or JourneyRules.InvalidValue ? ThresholdField(e.Message) : null));
        });

    private static Task<IResult> MoveWidgetAsync(HttpContext context, string journeyId, string widgetId) =>
        CommandEndpoint.HandleAsync<PositionRequest>(context, journeyId, (body, errors) =>
        {
            var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
            var position = Position(body.Position, errors);
            return actor => new Edit(new MoveWidgetCommand(actor, widget!.Value, position, body.Reason), PositionFields());
        });

    private static Task<IResult> RemoveWidgetAsync(HttpContext context, string journeyId, string widgetId) =>
        CommandEndpoint.HandleAsync<RemoveRequest>(context, journeyId, (body, errors) =>
        {
            var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
            return actor => new Edit(new RemoveWidgetCommand(actor, widget!.Value, body.Reason), JourneyApi.RuleFields);
        });

    private static Task<IResult> AddFlowAsync(HttpContext context, string journeyId) =>
        CommandEndpoint.HandleAsync<AddFlowRequest>(context, journeyId, (body, errors) =>
        {
            var from = JourneyApi.RequiredId<ActivityId>(body.From, "from", errors);
            var to = JourneyApi.RequiredId<ActivityId>(body.To, "to", errors);
            if (from is { } f && to is { } t && f == t)
            {
                errors["to"] = ["A flow goes from one activity to another: choose a different activity."];
            }

            return actor => new Edit(
                new AddFlowCommand(actor, FlowId.New(), from!.Value, to!.Value, Optional(body.Label), body.Reason),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.InvalidFlow] = "to", [JourneyRules.Invalid] = "label" },
                e => e.Rule == JourneyRules.UnknownActivity ? (e.Subjects.Contains(from!.Value) ? "from" : "to") : null);
        }, created: true);

    private static Task<IResult> ChangeFlowAsync(HttpContext context, string journeyId, string flowId) =>
        CommandEndpoint.HandleAsync<ChangeFlowRequest>(context, journeyId, (body, given, errors) =>
        {
            var flow = JourneyApi.RequiredId<FlowId>(flowId, "flowId", errors);
            return actor => new Edit(
                new RelabelFlowCommand(actor, flow!.Value, Optional(body.Label), body.Reason, KeepLabel: !given.Contains("label")),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.UnknownFlow] = "flowId", [JourneyRules.Invalid] = "label" });
        });

    private static Task<IResult> RemoveFlowAsync(HttpContext context, string journeyId, string flowId) =>
        CommandEndpoint.HandleAsync<RemoveRequest>(context, journeyId, (body, errors) =>
        {
            var flow = JourneyApi.RequiredId<FlowId>(flowId, "flowId", errors);
            return actor => new Edit(
                new RemoveFlowCommand(actor, flow!.Value, body.Reason),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.UnknownFlow] = "flowId" });
        });

    private static Task<IResult> AddPhaseAsync(HttpContext context, string journeyId) =>
        CommandEndpoint.HandleAsync<PhaseRequest>(context, journeyId, (body, errors) =>
        {
            var name = Name(body.Name, "name", "The phase needs a name.", errors);
            if (body.Position is < 0)
            {
                errors["position"] = ["The position counts from 0 (the first phase)."];
            }

            return actor => new Edit(new AddPhaseCommand(actor, PhaseId.New(), name!, Optional(body.CustomerGoal), body.Position, body.Reason), PhaseFields());
        }, created: true);

    private static Task<IResult> ChangePhaseAsync(HttpContext context, string journeyId, string phaseId) =>
        CommandEndpoint.HandleAsync<PhaseRequest>(context, journeyId, (body, given, errors) =>
        {
            var phase = JourneyApi.RequiredId<PhaseId>(phaseId, "phaseId", errors);
            var name = given.Contains("name") ? Name(body.Name, "name", "The phase needs a name.", errors) : "";
            if (given.Contains("position"))
            {
                errors["position"] = ["A change does not move the phase: send the position to PUT …/phases/{phaseId}/position."];
            }

            return actor => new Edit(
                new ChangePhaseCommand(actor, phase!.Value, name!, Optional(body.CustomerGoal), body.Reason, KeepName: !given.Contains("name"), KeepGoal: !given.Contains("customerGoal")),
                PhaseFields());
        });

    private static Task<IResult> MovePhaseAsync(HttpContext context, string journeyId, string phaseId) =>
        CommandEndpoint.HandleAsync<PositionRequest>(context, journeyId, (body, errors) =>
        {
            var phase = JourneyApi.RequiredId<PhaseId>(phaseId, "phaseId", errors);
            var position = Position(body.Position, errors);
            return actor => new Edit(new MovePhaseCommand(actor, phase!.Value, position, body.Reason), PositionFields());
        });

    private static Task<IResult> RemovePhaseAsync(HttpContext context, string journeyId, string phaseId) =>
        CommandEndpoint.HandleAsync<RemoveRequest>(context, journeyId, (body, errors) =>
        {
            var phase = JourneyApi.RequiredId<PhaseId>(phaseId, "phaseId", errors);
            return actor => new Edit(
                new RemovePhaseCommand(actor, phase!.Value, body.Reason),
                new Dictionary<string, string>(JourneyApi.RuleFields) { [JourneyRules.PhaseNotEmpty] = "phaseId" });
        });

    private static Task<IResult> AddPersonaAsync(HttpContext context, string journeyId) =>
        CommandEndpoint.HandleAsync<PersonaRequest>(context, journeyId, (body, errors) =>
        {
            var name = Name(body.Name, "name", "The persona needs a name.", errors);
            return actor => new Edit(new AddPersonaCommand(actor, PersonaId.New(), name!, Optional(body.Description), body.Reason), PersonaFields());
        }, created: true);

    private static Task<IResult> ChangePersonaAsync(HttpContext context, string journeyId, string personaId) =>
        CommandEndpoint.HandleAsync<PersonaRequest>(context, journeyId, (body, given, errors) =>
        {
            var persona = JourneyApi.RequiredId<PersonaId>(personaId, "personaId", errors);
            var name = given.Contains("name") ? Name(body.Name, "name", "The persona needs a name.", errors) : "";
            return actor => new Edit(
                new ChangePersonaCommand(actor, persona!.Value, name!, Optional(body.Description), body.Reason, KeepName: !given.Contains("name"), KeepDescription: !given.Contains("description")),
                PersonaFields());
        });

    private static Task<IResult> RemovePersonaAsync(HttpContext context, string journeyId, string personaId) =>
        CommandEndpoint.HandleAsync<RemoveRequest>(context, journeyId, (body, errors) =>
        {
            var persona = JourneyApi.RequiredId<PersonaId>(personaId, "personaId", errors);
            return actor => new Edit(new RemovePersonaCommand(actor, persona!.Value, body.Reason), PersonaFields());
        });

    // A name is kept exactly as sent (no trimming, as on create); the journey refuses blank names and characters it
    // does not keep, naming the field; its length was checked with the body (TextLimits).
    private static string? Name(string? name, string field, string missing, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors[field] = [missing];
            return null;
        }

        return name;
    }

    // A required member (kind, status, direction, url): left out keeps the value, null cannot clear it.
    internal static string? Required(string? value, string field, IReadOnlySet<string> given, Dictionary<string, string[]> errors)
    {
        if (!given.Contains(field))
        {
            return null;
        }

        if (value is null)
        {
            errors[field] = [$"The {field} cannot be cleared: send a value, or leave the member out to keep it."];
        }

        return value;
    }

    // The field a domain refusal names in its message ("The activity owner …"), for rules several fields share.
    internal static string? FieldNamed(JourneyRuleException e, params (string Words, string Field)[] fields)
    {
        foreach (var (words, field) in fields)
        {
            if (e.Message.StartsWith("The " + words + " ", StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    private static int Position(int? position, Dictionary<string, string[]> errors)
    {
        if (position is not { } p)
        {
            errors["position"] = ["The position is required and counts from 0 (the first place)."];
            return 0;
        }

        if (p < 0)
        {
            errors["position"] = [string.Create(CultureInfo.InvariantCulture, $"The value of 'position' must be a whole number from 0 to {int.MaxValue}, written without a point or exponent (got {p}); it counts from 0 (the first place).")];
            return 0;
        }

        return p;
    }

    // An optional text: null or "" (an emptied input) is none; anything else is kept exactly, and the journey refuses
    // white space alone, naming the field.
    private static string? Optional(string? text) => string.IsNullOrEmpty(text) ? null : text;

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
