using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The workspace-wide Warnings view: every journey's warnings from the workspace read model, filtered and paged in the
/// query string, and each journey's health. Answers never load a journey.
/// </summary>
internal static class WorkspaceApi
{
    public static void MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workspace/warnings", WarningsAsync);
        app.MapGet("/api/workspace/health", HealthAsync);
    }

    // GET /api/workspace/warnings?severity=critical&severity=warning&state=open&owner=…&team=…&journey=…&phase=…&rule=…&offset=0&limit=50
    // Several severities or states: repeat the parameter or separate names with commas (severity=info,critical); each is
    // a name, not a number. Every other parameter takes one value and is refused when repeated. phase is a phase name
    // (journeys have their own phases).
    private static async Task<IResult> WarningsAsync(HttpContext context, IWorkspaceWarnings readModel)
    {
        var q = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var severities = QueryParameters.Several<WarningSeverity>(q["severity"], "severity", "info, warning or critical", errors);
        var states = QueryParameters.Several<WarningState>(q["state"], "state", "open, acknowledged, snoozed or resolved", errors);
        JourneyId? journey = null;
        var owner = QueryParameters.One(q["owner"], "owner", errors);
        var team = QueryParameters.One(q["team"], "team", errors);
        var phase = QueryParameters.One(q["phase"], "phase", errors);
        if (QueryParameters.One(q["journey"], "journey", errors) is { } journeyText)
        {
            if (JourneyId.TryParse(journeyText, null, out var id))
            {
                journey = id;
            }
            else
            {
                errors["journey"] = ["This is not a journey id (a GUID); choose the journey from the list instead."];
            }
        }

        RuleId? rule = null;
        if (QueryParameters.One(q["rule"], "rule", errors) is { } ruleText)
        {
            if (RuleId.IsValid(ruleText))
            {
                rule = new RuleId(ruleText);
            }
            else
            {
                errors["rule"] = [JourneyApi.RuleProblem];
            }
        }

        var offset = QueryParameters.Number(q["offset"], "offset", 0, 0, int.MaxValue, errors);
        var limit = QueryParameters.Number(q["limit"], "limit", 50, 1, WorkspaceWarningQuery.MaxLimit, errors);
        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var query = new WorkspaceWarningQuery
        {
            Severities = severities,
            States = states,
            Owner = owner,
            Team = team,
            Journey = journey,
            PhaseName = phase,
            Rule = rule,
            Offset = offset,
            Limit = limit,
        };
        var live = context.RequestServices.GetRequiredService<IJourneyAccess>();
        var page = await readModel.QueryAsync(live.Workspace, query, context.RequestAborted).ConfigureAwait(false);
        var counts = await readModel.CountAsync(live.Workspace, query, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new WorkspaceWarningPageDto(
            [.. page.Items.Select(Row)],
            counts.Total,
            new SeverityCountsDto(counts.BySeverity.Critical, counts.BySeverity.Warning, counts.BySeverity.Info),
            page.Offset,
            page.Limit,
            page.HasMore));
    }

    private static async Task<IResult> HealthAsync(HttpContext context, IWorkspaceWarnings readModel)
    {
        var live = context.RequestServices.GetRequiredService<IJourneyAccess>();
        var lines = await readModel.ListHealthAsync(live.Workspace, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(lines.Select(l => new JourneyHealthDto(
            l.JourneyId.ToString(), l.JourneyName, l.Health.Score, l.Health.OpenCritical, l.Health.OpenWarning, l.Health.OpenInfo, l.Version, Mapping.Text(l.EvaluatedAt))).ToList());
    }

    private static WorkspaceWarningDto Row(WorkspaceWarning r) => new(
        r.JourneyId.ToString(),
        r.JourneyName,
        r.Key.ToString(),
        r.Key.Rule.Value,
        Mapping.Camel(r.Key.Subject.Kind),
        r.Key.Subject.Id.ToString("D"),
        r.SubjectName,
        r.PhaseName,
        r.Owner,
        r.Team,
        Mapping.Camel(r.Severity),
        r.Message,
        Mapping.Text(r.RaisedAt),
        Mapping.Camel(r.State),
        r.SnoozedUntil is { } until ? Mapping.Text(until) : null,
        WarningSubjectRequest.Dimensions(r.Key.Subject),
        WarningSubjectRequest.Text(r.Key.Subject));
}
