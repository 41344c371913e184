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
/// The Warnings view's "select several → acknowledge" in one request, all or nothing: every warning is validated
/// (readable, given once, raised now) and a bad one refuses the whole request, naming <c>warnings[i].rule</c>,
/// <c>warnings[i].subject</c>, <c>warnings[i].segment</c> or <c>warnings[i]</c>, with nothing changed; otherwise all are saved in one commit.
/// </summary>
internal static class BulkWarningApi
{
    /// <summary>The most warnings one request may handle.</summary>
    public const int MaxWarnings = 500;

    public static void MapBulkWarningApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/journeys").AddEndpointFilter<JsonCommandFilter>().MapPost("/{journeyId}/warnings/bulk", HandleAsync);

    // POST /api/journeys/{id}/warnings/bulk {action, warnings: [{rule, subject, segment?}], note?, until? | days?}
    private static async Task<IResult> HandleAsync(HttpContext context, string journeyId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<BulkWarningRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        // Any case, as every enum member (EnumNames): "Acknowledge" is acknowledge.
        WarningAction? action = EnumNames.TryParse(body.Action, out WarningAction named) ? named : null;
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
                if (item is null)
                {
                    errors[$"warnings[{i}]"] = ["Each warning is {rule, subject}; this one is null."];
                    continue;
                }

                if (item.Rule is not { } ruleText || !RuleId.IsValid(ruleText))
                {
                    errors[$"warnings[{i}].rule"] = [JourneyApi.RuleProblem];
                    continue;
                }

                if (WarningSubjectRequest.Parse(item.Subject, item.Segment, $"warnings[{i}].", errors) is { } subject)
                {
                    var key = new WarningKey(new RuleId(ruleText), subject);
                    if (keys.IndexOf(key) is var first and >= 0)
                    {
                        // Applied twice it would be recorded twice: refused, so the client learns it sent a list it did not mean.
                        errors[$"warnings[{i}]"] = [$"This is the same warning as warnings[{first}]; give each warning once."];
                    }

                    keys.Add(key);
                }
            }
        }

        var clock = context.RequestServices.GetRequiredService<IClock>();
        var until = default(NodaTime.Instant);
        if (action == WarningAction.Snooze)
        {
            until = JourneyApi.SnoozeEnd(body.Until, body.Days, clock, errors);
        }
        else if (action is not null)
        {
            JourneyApi.NoSnoozeMembers(body.Action!, body.Until, body.Days, errors);
        }
        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        // One command for all of them, checked against the warnings raised now and saved in one commit: a warning that
        // is not raised refuses the whole request (naming warnings[i]) and nothing changes. The refusals are answered as
        // every command endpoint's (JourneyApi.ExecuteAsync); a refusing rule names "warnings", or "note" for the note.
        var actor = JourneyApi.Actor(context);
        var command = new HandleWarningsCommand(actor, [.. keys.Select(key => new HandleWarningCommand(actor, action!.Value, key, until, body.Note))]);
        return await JourneyApi.ExecuteAsync(
            context,
            journeyId,
            command,
            [],
            // A refused note is the note's (the form shows it there); any other refusal is about the list.
            e => EditApi.FieldNamed(e, ("note", "note")) ?? "warnings",
            version => Results.Ok(new BulkWarningResultDto(version, [.. keys.Select(k => k.ToString())], []))).ConfigureAwait(false);
    }
}

/// <summary>One warning of a bulk request.</summary>
internal sealed record BulkWarningItem(string? Rule, string? Subject, System.Text.Json.JsonElement? Segment);

/// <summary>A bulk warning request.</summary>
internal sealed record BulkWarningRequest(string? Action, IReadOnlyList<BulkWarningItem?>? Warnings, string? Note, string? Until, int? Days);

/// <summary>A warning the journey refused to change, and why.</summary>
internal sealed record BulkWarningFailureDto(string Key, string Message);

/// <summary>
/// What a bulk request did: the journey's version after it (unchanged when nothing needed changing, as reopening open
/// warnings), the keys applied, and <c>failed</c>, always empty since a refusal refuses the whole request (kept for clients).
/// </summary>
internal sealed record BulkWarningResultDto(long? Version, IReadOnlyList<string> Applied, IReadOnlyList<BulkWarningFailureDto> Failed);
