using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The warning rules the host runs — the built-ins and any an integrator registers — so that pages name a rule
/// ("Metric off its baseline") instead of showing its id (<c>metric.baseline</c>).
/// </summary>
internal static class RulesApi
{
    public static void MapRulesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/rules", (RuleRegistry registry) => Results.Ok(List(registry)));

    /// <summary>Every registered rule, in the order it was registered.</summary>
    public static IReadOnlyList<RuleDto> List(RuleRegistry registry) =>
        [.. registry.Rules.Select(r => new RuleDto(r.Id.Value, r.Name, Mapping.Camel(r.DefaultSeverity), Mapping.Camel(r.Scope)))];
}

/// <summary>A warning rule as pages show it.</summary>
/// <param name="Id">The rule's stable id, as warnings carry it: <c>metric.baseline</c>.</param>
/// <param name="Name">Its name for people: "Metric off its baseline".</param>
/// <param name="DefaultSeverity"><c>info</c>, <c>warning</c> or <c>critical</c>.</param>
/// <param name="Scope">What it looks at: <c>activity</c>, <c>metric</c>, <c>phase</c> or <c>journey</c>.</param>
internal sealed record RuleDto(string Id, string Name, string DefaultSeverity, string Scope);
