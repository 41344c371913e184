using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The History view: a journey's (or one activity's) changes, newest first, in the domain's own sentences
/// (<see cref="EventDescriber"/>), with runs of values recorded for one metric by one person folded into one line
/// ("Recorded 7 values of "Checkout completion""), a filter by kind and pages.
/// </summary>
internal static class HistoryApi
{
    /// <summary>The kinds of change the filter offers, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["journey", "activities", "widgets", "observations", "warnings", "other"];

    public static void MapHistoryApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/journeys/{journeyId}/history", HistoryAsync);

    // GET /api/journeys/{id}/history?kind=observations&activity=<id>&offset=0&limit=20
    private static async Task<IResult> HistoryAsync(HttpContext context, string journeyId)
    {
        // Read by hand rather than bound: a bound int? answers "limit=abc" or a repeat with a bare 400 and no field.
        var q = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var kind = QueryParameters.One(q["kind"], "kind", errors);
        var activity = QueryParameters.One(q["activity"], "activity", errors);
        var offset = QueryParameters.Number(q["offset"], "offset", 0, 0, int.MaxValue, errors);
        var limit = QueryParameters.Number(q["limit"], "limit", 20, 1, 500, errors);
        if (!string.IsNullOrEmpty(kind) && !Kinds.Contains(kind))
        {
            errors["kind"] = [$"'{kind}' is not a kind of change: use {string.Join(", ", Kinds)}."];
        }

        ActivityId? activityId = null;
        if (!string.IsNullOrEmpty(activity))
        {
            if (ActivityId.TryParse(activity, null, out var a))
            {
                activityId = a;
            }
            else
            {
                errors["activity"] = ["The activity is not an activity id; open the activity from the map instead."];
            }
        }

        if (!JourneyId.TryParse(journeyId, null, out var id))
        {
            errors["journeyId"] = [JourneyApi.JourneyIdProblem];
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var journeys = context.RequestServices.GetRequiredService<IJourneyAccess>();
        var clock = context.RequestServices.GetRequiredService<IClock>();
        IReadOnlyList<JourneyEvent> events;
        try
        {
            events = await journeys.ReadEventsAsync(id, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JourneyNotFoundException e)
        {
            return HttpHelpers.NotFound(e);
        }

        var history = new JourneyHistory(events, clock);
        var entries = activityId is { } only ? history.ForActivity(only) : history.Entries;
        var rules = context.RequestServices.GetRequiredService<OutOfDark.Warnings.RuleRegistry>();
        var groups = Group(entries.Reverse().Where(e => kind is null or "" || KindOf(e.Event) == kind), history.Current, rules);
        var from = offset;
        var take = limit;
        var page = groups.Skip(from).Take(take).ToList();
        HttpHelpers.SetVersion(context.Response, history.Current.Version);
        return Results.Ok(new HistoryPageDto(Mapping.Text(clock.GetCurrentInstant()), Kinds, page, groups.Count, from, take, from + page.Count < groups.Count));
    }

    /// <summary>The kind of change an event is, one of <see cref="Kinds"/>.</summary>
    public static string KindOf(JourneyEvent e) => e switch
    {
        ObservationRecorded or ObservationCorrected or ObservationRemoved or MeasurementRecorded or MeasurementCorrected or MeasurementRemoved
            or KpiMeasurementRecorded or KpiMeasurementCorrected or KpiMeasurementRemoved or FeedbackRecorded or FeedbackRemoved => "observations",
        WarningAcknowledged or WarningSnoozed or WarningResolved or WarningReopened => "warnings",
        WidgetAdded or WidgetChanged or WidgetMoved or WidgetRemoved or KpiAdded or KpiChanged or KpiMoved or KpiRemoved => "widgets",
        ActivityAdded or ActivityChanged or ActivityMoved or ActivityReordered or ActivityRemoved or FlowAdded or FlowRemoved or SubJourneyLinked => "activities",
        JourneyCreated or JourneyRenamed or JourneyDescriptionChanged or JourneyOwnerChanged or JourneyStateChanged or JourneyParentChanged
            or PhaseAdded or PhaseChanged or PhaseMoved or PhaseRemoved or PersonaAdded or PersonaChanged or PersonaMoved or PersonaRemoved => "journey",
        _ => "other",
    };

    /// <summary>
    /// Folds runs (newest first) of values recorded for the same metric by the same person into one line each; every
    /// other entry stays a line of its own.
    /// </summary>
    /// <param name="newestFirst">The entries, newest first.</param>
    /// <param name="current">The journey now, for the titles of metrics.</param>
    /// <param name="rules">The rules the host runs: a warning's line names its rule ("Metric off its baseline") instead of its id.</param>
    public static List<HistoryGroupDto> Group(IEnumerable<HistoryEntry> newestFirst, Journey current, OutOfDark.Warnings.RuleRegistry? rules = null)
    {
        var groups = new List<HistoryGroupDto>();
        var run = new List<HistoryEntry>();
        void Flush()
        {
            if (run.Count == 0)
            {
                return;
            }

            var newest = run[0];
            var oldest = run[^1];
            var description = run.Count == 1 ? WithRuleName(newest, rules) : RunDescription(run.Count, newest.Event, current);
            groups.Add(new HistoryGroupDto(
                KindOf(newest.Event),
                oldest.Version,
                newest.Version,
                Mapping.Text(oldest.At),
                Mapping.Text(newest.At),
                newest.Actor,
                description,
                run.Count,
                run.Count == 1 ? newest.Reason : null,
                run.Count == 1 ? [] : [.. run.Select(e => e.Description)]));
            run.Clear();
        }

        foreach (var entry in newestFirst)
        {
            if (run.Count > 0 && !(RunKey(entry.Event) is { } key && key == RunKey(run[0].Event) && entry.Actor == run[0].Actor))
            {
                Flush();
            }

            run.Add(entry);
            if (RunKey(entry.Event) is null)
            {
                Flush();
            }
        }

        Flush();
        return groups;
    }

    // The domain's sentence names a handled warning by its rule id ("Acknowledged warning metric.baseline on …"); people
    // read the rule's name instead. A rule the host no longer runs keeps its id.
    private static string WithRuleName(HistoryEntry entry, OutOfDark.Warnings.RuleRegistry? rules)
    {
        var key = entry.Event switch
        {
            WarningAcknowledged x => x.Warning,
            WarningSnoozed x => x.Warning,
            WarningResolved x => x.Warning,
            WarningReopened x => x.Warning,
            _ => (OutOfDark.Warnings.WarningKey?)null,
        };
        if (key is not { } k || rules?.Rules.FirstOrDefault(r => r.Id == k.Rule) is not { } rule)
        {
            return entry.Description;
        }

        var id = $"warning {k.Rule.Value} ";
        var at = entry.Description.IndexOf(id, StringComparison.Ordinal);
        return at < 0 ? entry.Description : string.Concat(entry.Description.AsSpan(0, at), $"warning \"{rule.Name}\" ", entry.Description.AsSpan(at + id.Length));
    }

    // Values recorded for one widget form a run; nothing else does.
    private static (Type, WidgetId)? RunKey(JourneyEvent e) => e switch
    {
        ObservationRecorded x => (typeof(ObservationRecorded), x.WidgetId),
        MeasurementRecorded x => (typeof(MeasurementRecorded), x.WidgetId),
        KpiMeasurementRecorded x => (typeof(KpiMeasurementRecorded), x.WidgetId),
        FeedbackRecorded x => (typeof(FeedbackRecorded), x.WidgetId),
        _ => null,
    };

    private static string RunDescription(int count, JourneyEvent e, Journey current)
    {
        var widget = RunKey(e)!.Value.Item2;
        var title = current.FindWidget(widget, out _)?.Title ?? current.FindKpi(widget, out _)?.Title;
        var of = title is null ? "a metric that was removed since" : $"\"{title}\"";
        var n = count.ToString(CultureInfo.InvariantCulture);
        return e is FeedbackRecorded ? $"Recorded {n} feedback entries on {of}" : $"Recorded {n} values of {of}";
    }
}

/// <summary>One line of the History view: one change, or a run of values recorded for one metric.</summary>
/// <param name="Kind">One of <see cref="HistoryApi.Kinds"/>.</param>
/// <param name="FromVersion">The journey's version after the run's first change.</param>
/// <param name="ToVersion">The journey's version after its last change.</param>
/// <param name="FirstAt">When the run began (ISO instant).</param>
/// <param name="At">When its last change was made (ISO instant).</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Description">The domain's sentence, or the run's summary.</param>
/// <param name="Count">How many changes the line stands for.</param>
/// <param name="Reason">Why, for a single change whose author said.</param>
/// <param name="Details">A run's own sentences, newest first; empty for a single change.</param>
internal sealed record HistoryGroupDto(string Kind, long FromVersion, long ToVersion, string FirstAt, string At, string Actor, string Description, int Count, string? Reason, IReadOnlyList<string> Details);

/// <summary>A page of the History view; <paramref name="Now"/> is the server's clock, for "today" and "yesterday".</summary>
internal sealed record HistoryPageDto(string Now, IReadOnlyList<string> Kinds, IReadOnlyList<HistoryGroupDto> Items, int Total, int Offset, int Limit, bool HasMore);
