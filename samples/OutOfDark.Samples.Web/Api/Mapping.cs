using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using NodaTime;
using NodaTime.Text;
using OutOfDark;
using OutOfDark.Rendering;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>Turns the domain into what the JSON API sends.</summary>
internal static class Mapping
{
    public static string Text(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static JourneySummaryDto Summary(JourneySummary s) =>
        new(s.JourneyId.ToString(), s.Name, Camel(s.State), s.Version, Text(s.LastChangedAt));

    public static JourneyDto Journey(Journey j) => new(
        j.Id.ToString(),
        j.Name,
        j.Description,
        j.Owner,
        Camel(j.State),
        j.Version,
        Text(j.LastChangedAt),
        [.. j.Phases.Select(p => new PhaseDto(p.Id.ToString(), p.Name, p.CustomerGoal))],
        [.. j.Personas.Select(p => new PersonaDto(p.Id.ToString(), p.Name, p.Description))],
        [.. j.Activities.Select(Activity)],
        [.. j.Flows.Select(f => new FlowDto(f.Id.ToString(), f.From.ToString(), f.To.ToString(), f.Label))]);

    public static ActivityDto Activity(Activity a) => new(
        a.Id.ToString(),
        a.PhaseId.ToString(),
        a.ParentId?.ToString(),
        a.Name,
        Camel(a.Kind),
        Camel(a.Details.Status),
        a.Details.Owner,
        a.Details.Team,
        [.. a.Details.Channels],
        [.. a.Details.Tags],
        a.Details.PlannedStart is { } start ? Text(start) : null,
        a.Details.PlannedEnd is { } end ? Text(end) : null,
        a.Details.Description,
        a.Widgets.Count);

    public static ActivityDetailDto Detail(Journey journey, Activity activity, IReadOnlyList<HistoryEntry> history, IEnumerable<WarningViewItem> warnings, LocalDate today) => new(
        Activity(activity),
        journey.GetPhase(activity.PhaseId).Name,
        [.. activity.Widgets.Select(w => Widget(journey, w))],
        [.. history.Reverse().Select(h => new HistoryEntryDto(h.Version, Text(h.At), h.Actor, h.Description, h.Reason))],
        [.. warnings.Select(w => Warning(journey, w))],
        Text(today));

    public static WidgetDto Widget(Journey journey, Widget widget) =>
        new(widget.Id.ToString(), widget.KindName(), widget.Title, Content(journey, widget));

    public static WarningDto Warning(Journey journey, WarningViewItem item) => new(
        item.Key.ToString(),
        item.Key.Rule.Value,
        Camel(item.Key.Subject.Kind),
        item.Key.Subject.Id.ToString("D"),
        item.SubjectName,
        item.PhaseId?.ToString(),
        item.PhaseId is { } phase ? journey.FindPhase(phase)?.Name : null,
        item.Owner,
        item.Team,
        Camel(item.Severity),
        item.Warning.Message,
        [.. item.Warning.Evidence.Select(e => new EvidenceDto(e.Name, e.Value))],
        Text(item.Warning.RaisedAt),
        Camel(item.State),
        item.Status?.By,
        item.Status is { } status ? Text(status.At) : null,
        item.Status?.Note,
        item.Status?.SnoozedUntil is { } until ? Text(until) : null,
        item.ActivityId?.ToString(),
        item.Metric,
        // A metric's unit, for the evidence values that are values of the metric ("4.2 s").
        item.Key.Subject.Kind == SubjectKind.Metric && journey.FindMetric(new WidgetId(item.Key.Subject.Id), out _, out _) is { Unit.Length: > 0 } metric ? metric.Unit : null,
        // A metric rule's per-segment warning: its dimension values (sent back to act on it) and their readable text.
        WarningSubjectRequest.Dimensions(item.Key.Subject),
        WarningSubjectRequest.Text(item.Key.Subject));

    public static MapDto Map(Journey journey, MapLayout layout, IReadOnlyList<WarningViewItem> warnings)
    {
        var byActivity = warnings
            .Where(w => w.ActivityId is not null && w.State != WarningState.Resolved)
            .GroupBy(w => w.ActivityId!.Value)
            .ToDictionary(g => g.Key, g => (Worst: g.Max(w => w.Severity), Count: g.Count()));
        return new MapDto(
            layout.Width,
            layout.Height,
            [.. layout.Lanes.Select(l =>
            {
                var phase = journey.GetPhase(l.PhaseId);
                return new LaneDto(l.PhaseId.ToString(), phase.Name, phase.CustomerGoal, Box(l.Bounds), Box(l.Header));
            })],
            [.. layout.Nodes.Select(n =>
            {
                var activity = journey.GetActivity(n.ActivityId);
                var flagged = byActivity.TryGetValue(n.ActivityId, out var w);
                return new NodeDto(n.ActivityId.ToString(), activity.Name, Camel(activity.Details.Status), n.Depth, Box(n.Bounds), flagged ? Camel(w.Worst) : null, flagged ? w.Count : 0);
            })],
            [.. layout.Edges.Select(e => new EdgeDto(Camel(e.Kind), e.From.ToString(), e.To.ToString(), e.Start.X, e.Start.Y, e.End.X, e.End.Y, e.Label))]);
    }

    private static BoxDto Box(Box b) => new(b.X, b.Y, b.Width, b.Height);

    private static Dictionary<string, object?> Content(Journey journey, Widget widget)
    {
        switch (widget)
        {
            case MetricWidget m:
                return new()
                {
                    ["unit"] = m.Unit,
                    ["metricKind"] = Camel(m.Kind),
                    ["direction"] = Camel(m.Direction),
                    ["target"] = m.Target,
                    ["warningThreshold"] = m.WarningThreshold,
                    ["criticalThreshold"] = m.CriticalThreshold,
                    ["observationCount"] = m.Observations.Count,
                    ["latest"] = m.Observations.Latest is { } latest ? new { date = Text(latest.Date), value = latest.Value } : null,
                    ["recent"] = m.Observations.Skip(Math.Max(0, m.Observations.Count - 30)).Select(o => new { date = Text(o.Date), value = o.Value }).ToList(),
                };
            case LinkWidget l:
                return new() { ["url"] = l.Url.OriginalString, ["clickable"] = l.Url.Scheme is "http" or "https" or "mailto" };
            case DescriptionWidget d:
                return new() { ["markdown"] = d.Markdown };
            case SolutionWidget s:
                return new() { ["problem"] = s.Problem, ["solution"] = s.Solution, ["status"] = Camel(s.Status) };
            case EmotionWidget e:
                return new()
                {
                    ["persona"] = journey.FindPersona(e.Persona)?.Name,
                    ["personaId"] = e.Persona.ToString(),
                    ["asIs"] = e.AsIs.Value,
                    ["toBe"] = e.ToBe?.Value,
                    ["gap"] = e.Gap,
                    ["note"] = e.Note,
                };
            case FeedbackWidget f:
                return new()
                {
                    ["count"] = f.Entries.Count,
                    ["entries"] = f.Entries.Select((x, i) => new { index = i, date = Text(x.Date), source = x.Source, quote = x.Quote, sentiment = Camel(x.Sentiment) }).Reverse().Take(10).ToList(),
                };
            default:
                // A custom widget kind: its public properties, as text.
                var content = new Dictionary<string, object?>();
                foreach (var property in widget.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name is not (nameof(OutOfDark.Widget.Id) or nameof(OutOfDark.Widget.Title) or "EqualityContract") && property.GetIndexParameters().Length == 0)
                    {
                        var value = property.GetValue(widget);
                        content[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = value is IFormattable f2 ? f2.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
                    }
                }

                return content;
        }
    }
}
