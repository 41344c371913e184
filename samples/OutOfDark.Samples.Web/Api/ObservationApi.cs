using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

/// <summary>Correcting a metric's recorded value: <c>PUT /api/journeys/{id}/widgets/{widgetId}/observations/{date}</c>.</summary>
internal static class ObservationApi
{
    /// <summary>Maps the correction endpoint (a JSON command, under the same filter as the journey API).</summary>
    /// <param name="app">The application's routes.</param>
    public static void MapObservationApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/journeys").AddEndpointFilter<JsonCommandFilter>()
            .MapPut("/{journeyId}/widgets/{widgetId}/observations/{date}", CorrectObservationAsync);

    // PUT …/widgets/{widgetId}/observations/2026-04-05 {value, reason?}: 200 with the new version; 404 when the metric
    // has no value that day (record one instead); 400 naming value, date or widgetId.
    private static async Task<IResult> CorrectObservationAsync(HttpContext context, string journeyId, string widgetId, string date)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<CorrectObservationRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var widget = JourneyApi.RequiredId<WidgetId>(widgetId, "widgetId", errors);
        LocalDate day = default;
        if (LocalDatePattern.Iso.Parse(date) is not { Success: true } parsed)
        {
            errors["date"] = [$"The date in the address must be an ISO date such as 2026-04-05; got '{date}'."];
        }
        else if (JourneyApi.ObservationDateProblem(parsed.Value, context.RequestServices.GetRequiredService<IClock>()) is { } outside)
        {
            errors["date"] = [outside];
        }
        else
        {
            day = parsed.Value;
        }

        if (body.Value is null)
        {
            errors["value"] = ["The correction needs a numeric value."];
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        try
        {
            return await JourneyApi.ChangeAsync(
                context,
                journeyId,
                new CorrectObservationCommand(JourneyApi.Actor(context), widget!.Value, day, body.Value!.Value, body.Reason),
                JourneyApi.RuleFields).ConfigureAwait(false);
        }
        catch (ObservationNotFoundException e)
        {
            return HttpHelpers.NotFound(e.Message);
        }
    }
}

/// <summary>The body of a correction: the right value, and why (optional).</summary>
/// <param name="Value">The corrected value, in the metric's unit.</param>
/// <param name="Reason">Why, for history; may be null.</param>
internal sealed record CorrectObservationRequest(decimal? Value, string? Reason);
