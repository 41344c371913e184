using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The reorder endpoints: an activity's place among its siblings (same parent, same phase) and a persona's place in the
/// list of personas. Like every command they take the journey's ETag in If-Match and are refused (412) only when someone
/// changed that list since; a place out of range is a 400 problem on <c>position</c> naming the places allowed.
/// An activity's phase and parent are set by <c>PUT …/activities/{id}/position</c> (the map's drag), not here.
/// </summary>
internal static class ReorderApi
{
    public static void MapReorderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/journeys/{journeyId}").AddEndpointFilter<JsonCommandFilter>();
        api.MapPut("/activities/{activityId}/place", ReorderActivityAsync);
        api.MapPut("/personas/{personaId}/position", MovePersonaAsync);
    }

    private static Task<IResult> ReorderActivityAsync(HttpContext context, string journeyId, string activityId) =>
        CommandEndpoint.HandleAsync<PositionRequest>(context, journeyId, (body, errors) =>
        {
            var activity = JourneyApi.RequiredId<ActivityId>(activityId, "activityId", errors);
            var position = Position(body.Position, errors);
            return actor => new Edit(new ReorderActivityCommand(actor, activity!.Value, position, body.Reason), Fields());
        });

    private static Task<IResult> MovePersonaAsync(HttpContext context, string journeyId, string personaId) =>
        CommandEndpoint.HandleAsync<PositionRequest>(context, journeyId, (body, errors) =>
        {
            var persona = JourneyApi.RequiredId<PersonaId>(personaId, "personaId", errors);
            var position = Position(body.Position, errors);
            return actor => new Edit(new MovePersonaCommand(actor, persona!.Value, position, body.Reason), Fields());
        });

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

    private static Dictionary<string, string> Fields() =>
        new(JourneyApi.RuleFields) { [JourneyRules.InvalidPosition] = "position", [JourneyRules.UnknownPersona] = "personaId" };
}
