using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The Warnings view's "select several → acknowledge" in one request: every warning is validated first (a bad one
/// refuses the whole request, naming <c>warnings[i].subject</c>, and nothing changes); then each is applied in turn
/// and the answer lists what was applied and what the journey refused, each with its reason.
/// </summary>
internal static class BulkWarningApi
{
    /// <summary>The most warnings one request may handle.</summary>
    public const int MaxWarnings = 500;

    public static void MapBulkWarningApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/journeys").AddEndpointFilter<JsonCommandFilter>().MapPost("/{journeyId}/warnings/bulk", HandleAsync);

    // POST /api/journeys/{id}/warnings/bulk {action, warnings: [{rule, subject}], note?, until? | days?}
    private static async Task<IResult> HandleAsync(HttpContext context, string journeyId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<BulkWarningRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        WarningAction? action = body.Action switch
        {
            "acknowledge" => WarningAction.Acknowledge,
            "snooze" => WarningAction.Snooze,
            "resolve" => WarningAction.Resolve,
            "reopen" => WarningAction.Reopen,
            _ => null,
        };
        if (action is null)
        {
            errors["action"] = [$"'{body.Action}' is not a warning action: use acknowledge, snooze, resolve or reopen."];
        }

        var keys = new List<WarningKey>();
        if (body.Warnings is not { Count: > 0 and <= MaxWarnings } warnings)
        {
            errors["warnings"] = [$"Give 1 to {MaxWarnings} warnings, each {{rule, subject}}."];
        }
        else
        {
            for (var i = 0; i < warnings.Count; i++)
            {
                var item = warnings[i];
                if (item?.Rule is not { } ruleText || !RuleId.IsValid(ruleText))
                {
                    errors[$"warnings[{i}].rule"] = [$"'{item?.Rule}' is not a rule id such as metric.threshold."];
                    continue;
                }

                var itemErrors = new Dictionary<string, string[]>();
                if (JourneyApi.ParseSubject(item.Subject, itemErrors) is { } subject)
                {
                    keys.Add(new WarningKey(new RuleId(ruleText), subject));
                }
                else
                {
                    errors[$"warnings[{i}].subject"] = itemErrors["subject"];
                }
            }
        }

        var clock = context.RequestServices.GetRequiredService<IClock>();
        var until = action == WarningAction.Snooze ? JourneyApi.SnoozeEnd(body.Until, body.Days, clock, errors) : default;
        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        if (!JourneyId.TryParse(journeyId, null, out var id))
        {
            return HttpHelpers.Invalid("journeyId", $"'{journeyId}' is not a journey id (a GUID).");
        }

        if (!HttpHelpers.TryReadIfMatch(context.Request, out var expected, out problem))
        {
            return problem!;
        }

        var journeys = context.RequestServices.GetRequiredService<IJourneyAccess>();
        var actor = JourneyApi.Actor(context);
        var applied = new List<string>();
        var failed = new List<BulkWarningFailureDto>();
        long? version = null;
        foreach (var key in keys)
        {
            try
            {
                // The version the user saw is checked until the first change is made; after that the request has
                // been accepted, and a colleague's change in between does not stop the rest.
                var check = version is null ? expected : null;
                version = await journeys.ExecuteAsync(id, check, new HandleWarningCommand(actor, action!.Value, key, until, body.Note), context.RequestAborted).ConfigureAwait(false);
                applied.Add(key.ToString());
            }
            catch (JourneyNotFoundException e)
            {
                return HttpHelpers.NotFound(e.Message);
            }
            catch (JourneyConflictException e)
            {
                // A colleague changed what the first command works on since the user's version: nothing was applied.
                return HttpHelpers.Conflict(e);
            }
            catch (JourneyConcurrencyException e)
            {
                // Only the first change checks the version, so nothing of this request has been applied.
                return HttpHelpers.Stale(e);
            }
            catch (JourneyRuleException e)
            {
                failed.Add(new BulkWarningFailureDto(key.ToString(), e.Message));
            }
        }

        if (version is { } last)
        {
            HttpHelpers.SetVersion(context.Response, last);
        }

        return Results.Ok(new BulkWarningResultDto(version, applied, failed));
    }
}

/// <summary>One warning of a bulk request.</summary>
internal sealed record BulkWarningItem(string? Rule, string? Subject);

/// <summary>A bulk warning request.</summary>
internal sealed record BulkWarningRequest(string? Action, IReadOnlyList<BulkWarningItem?>? Warnings, string? Note, string? Until, int? Days);

/// <summary>A warning the journey refused to change, and why.</summary>
internal sealed record BulkWarningFailureDto(string Key, string Message);

/// <summary>What a bulk request did: the journey's version after it (null when nothing changed), the keys applied and the refusals.</summary>
internal sealed record BulkWarningResultDto(long? Version, IReadOnlyList<string> Applied, IReadOnlyList<BulkWarningFailureDto> Failed);
