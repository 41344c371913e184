using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark;
using OutOfDark.Rendering;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>
/// Writes one self-contained HTML report of a journey: overview, activity map, Warnings view, emotion curve, funnel and
/// the Detail view of every activity with its widgets and history.
/// </summary>
/// <remarks>
/// The file makes no external request: styles and SVG are inline, there is no script, and a Content-Security-Policy
/// forbids scripts and remote content. All user text is escaped with <see cref="Markup"/>; links become clickable only
/// for http, https and mailto addresses. A table of contents opens the report; each activity's section has the stable
/// anchor <c>#activity-</c> followed by the activity id, which the map's boxes, the Warnings view and the contents link
/// to (each phase's heading: <c>#phase-</c> and the phase id). Every chart has a viewBox and scales to the page's width;
/// the map keeps its size in a container that scrolls sideways on a narrow screen and shrinks to the paper's width in
/// print. Activity sections off screen are laid out only when scrolled to (<c>content-visibility: auto</c>), so a long
/// report opens quickly. The print stylesheet keeps headings with what follows and charts, widgets and table rows whole, and folds
/// observation tables and older history away; it sets no paper size, so A4 and Letter both print. Thread-safe; the
/// journey must not change while it is written.
/// </remarks>
public static partial class HtmlReportRenderer
{
    private const string Css = """
        :root{color-scheme:light;--ink:#0f172a;--muted:#475569;--line:#e2e8f0}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);background:#f8fafc}
        a{color:#1d4ed8}
        header.report{background:#0f172a;color:#fff;padding:24px 32px}
        header.report h1{margin:0 0 4px;font-size:26px;overflow-wrap:break-word}
        header.report p{margin:2px 0;color:#cbd5e1;overflow-wrap:break-word}
        nav.toc{padding:8px 32px 0}
        nav.toc h2{font-size:16px;margin:8px 0 4px}
        nav.toc ol{margin:0;padding-left:20px}nav.toc ol ol{font-size:13px;columns:2 16em}nav.toc ol ol>li{break-inside:avoid;page-break-inside:avoid}
        main{padding:8px 32px 32px}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0;min-width:0}
        h2{margin:0 0 12px;font-size:19px}
        h3{margin:0 0 6px;font-size:16px;overflow-wrap:break-word}
        h4{margin:10px 0 4px;font-size:14px;overflow-wrap:break-word}
        h5{margin:10px 0 4px;font-size:14px;overflow-wrap:break-word}
        .widget>h3{font-size:14px;margin:4px 0}
        h3.phase-heading{font-size:17px;margin:22px 0 4px;padding-bottom:2px;border-bottom:1px solid var(--line)}
        .activity>h4{font-size:16px;margin:0 0 6px}
        .table-box{max-width:100%;overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:6px 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word;word-break:normal}
        th{background:#f1f5f9;font-weight:600;hyphens:manual}
        time{white-space:nowrap}
        .map{overflow:auto;max-width:100%}.map svg{display:block;max-width:100%;min-width:720px;height:auto}
        .phase-dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
        .sev{display:inline-block;border-radius:9px;padding:0 8px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
        .sev-critical{background:#dc2626}.sev-warning{background:#c2410c}.sev-info{background:#1d4ed8}
        .activity{border-left:6px solid #94a3b8;padding-left:14px;margin:18px 0;content-visibility:auto;contain-intrinsic-size:auto 480px}
        .meta{color:var(--muted);font-size:13px;overflow-wrap:break-word}
        .widget{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:8px 0}
        .text{white-space:pre-wrap;overflow-wrap:break-word;max-height:24em;overflow:auto}
        blockquote{margin:4px 0;padding-left:10px;border-left:3px solid #cbd5e1;white-space:pre-wrap;overflow-wrap:break-word}
        .unsafe-link{font-family:monospace;overflow-wrap:anywhere;color:var(--muted)}
        ol.history{font-size:13px;color:var(--muted);padding-left:20px}
        figure.chart-box{margin:8px 0;max-width:100%}
        .chart{display:block;width:100%;max-width:100%;height:auto}
        figure.chart-box.scrolls{overflow-x:auto}.chart.emotion-chart{min-width:640px}
        .metric-row{display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px}
        .metric-row .latest{font-size:18px;font-weight:600}
        .spark{display:block;width:140px;max-width:100%;height:auto}
        details>summary{cursor:pointer;color:#1d4ed8;font-size:13px}
        @media (max-width:600px){header.report{padding:16px}nav.toc{padding:8px 16px 0}nav.toc ol ol{columns:1}main{padding:4px 8px 16px}
        section{padding:12px 10px}
        table.warnings thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
        table.warnings,table.warnings tbody,table.warnings tr,table.warnings td{display:block;width:100%}
        table.warnings tr{border-bottom:1px solid var(--line);padding:6px 0}table.warnings td{border:none;padding:2px 4px}
        table.warnings td:nth-child(2)::before{content:"Where: ";font-weight:600}table.warnings td:nth-child(4)::before{content:"Evidence: ";font-weight:600}table.warnings td:empty{display:none}}
        @page{margin:12mm}
        @media print{body{background:#fff;font-size:11pt}header.report{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 8px}
        header.report p{color:#333}nav.toc{padding:0;break-after:page}main{padding:0}
        section{border:none;padding:0;margin:0 0 12px;break-inside:auto}
        h2,h3,h4{break-after:avoid;page-break-after:avoid}
        figure.chart-box,svg.chart,.widget,tr,.metric-row,blockquote,.activity>.meta{break-inside:avoid;page-break-inside:avoid}
        .activity{break-inside:avoid-page;content-visibility:visible}
        figure.chart-box.scrolls{overflow:visible}.chart.emotion-chart{min-width:0}
        .map{overflow:visible}.map svg{width:100%;min-width:0;max-width:100%;height:auto;max-height:245mm}
        .text{max-height:none;overflow:visible}
        details:not([open])>:not(summary){display:none}details>summary{color:var(--muted)}
        a{color:inherit;text-decoration:none}}
        """;

    /// <summary>Writes the report.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">Warnings, history and chart inputs; <see cref="HtmlReportOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> or <paramref name="writer"/> is <see langword="null"/>, or the options' <see cref="HtmlReportOptions.TimeZone"/> or <see cref="HtmlReportOptions.Culture"/> is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="HtmlReportOptions.MaxHistoryEntriesPerActivity"/> is negative.</exception>
    public static void Write(Journey journey, TextWriter writer, HtmlReportOptions? options = null) =>
        Write(journey, writer, options, CancellationToken.None);

    /// <summary>Writes the report to a stream as UTF-8.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="options">Warnings, history and chart inputs.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the report is written and flushed.</returns>
    public static Task WriteAsync(Journey journey, Stream stream, HtmlReportOptions? options = null, CancellationToken cancellationToken = default) =>
        Output.WriteAsync(stream, w => Write(journey, w, options, cancellationToken), cancellationToken);

    /// <summary>Returns the report as a string.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="options">Warnings, history and chart inputs.</param>
    /// <returns>The HTML document.</returns>
    public static string ToHtml(Journey journey, HtmlReportOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(journey, writer, options);
        return writer.ToString();
    }

    /// <summary>The anchor of an activity's section: <c>activity-</c> and the activity's id, stable across reports of the journey.</summary>
    internal static string ActivityAnchor(ActivityId id) => "activity-" + id.Value.ToString("D", CultureInfo.InvariantCulture);

    private static string PhaseAnchor(PhaseId id) => "phase-" + id.Value.ToString("D", CultureInfo.InvariantCulture);

    private static void Write(Journey journey, TextWriter w, HtmlReportOptions? options, CancellationToken cancellationToken)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(w);
        options ??= HtmlReportOptions.Default;
        Guard.Against.OutOfRange(options.MaxHistoryEntriesPerActivity, nameof(options), 0, int.MaxValue, "MaxHistoryEntriesPerActivity must be 0 or more.");
        Guard.Against.Null(options.TimeZone, nameof(options), "HtmlReportOptions.TimeZone must not be null: leave it out for UTC.");
        Guard.Against.Null(options.Culture, nameof(options), "HtmlReportOptions.Culture must not be null: leave it out for the invariant culture.");
        var shown = WarningIndex.Merge(options.Warnings, options.View);
        var warnings = new WarningIndex(journey, shown);

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Markup.Write(w, journey.Name);
        w.Write(" — journey report</title>\n<style>\n");
        w.Write(Css);
        w.Write("\n</style>\n</head>\n<body>\n");

        WriteOverview(journey, w, options);
        WriteContents(journey, w, options);
        w.Write("<main>\n");
        WritePhases(journey, w, options.Culture);
        WriteKpis(journey, w, options);
        w.Write("<section id=\"map\"><h2>Activity map</h2><p class=\"meta\">Select an activity to read its details. On a narrow screen, scroll the map sideways.</p><div class=\"map\" role=\"region\" tabindex=\"0\" aria-label=\"Activity map, scrolls sideways on a narrow screen\">\n");
        SvgMapRenderer.Write(journey, ActivityMapLayout.Compute(journey, options.Layout), w, new SvgMapOptions { Warnings = shown, LinkNodes = true, TimeZone = options.TimeZone, Culture = options.Culture }, cancellationToken);
        w.Write("</div></section>\n");
        WriteBlueprint(journey, w, options, shown, cancellationToken);
        WriteWarnings(journey, w, shown, options);
        WriteOpportunities(journey, w, options);
        WriteEmotionCurve(journey, w, options.EmotionCurve ?? EmotionCurve.Compute(journey), options.Culture);
        WriteFunnel(journey, w, options.Funnel ?? Funnel.Compute(journey), options.Funnel is null, options.Culture);
        if (options.Comparison is { } comparison)
        {
            ComparisonSection.Write(w, comparison, options.TimeZone, options.Culture);
        }

        WriteDetails(journey, w, options, warnings, cancellationToken);
        w.Write("</main>\n</body>\n</html>\n");
    }

    private static void WriteOverview(Journey journey, TextWriter w, HtmlReportOptions options)
    {
        w.Write("<header class=\"report\"><h1>");
        Markup.Write(w, journey.Name);
        w.Write("</h1>");
        if (journey.Description is { } description)
        {
            w.Write("<p class=\"text\">");
            Markup.Write(w, description);
            w.Write("</p>");
        }

        w.Write("<p>");
        var state = HumanText.State(journey.State);
        w.Write(char.ToUpperInvariant(state[0]));
        w.Write(state.AsSpan(1));
        if (journey.Owner is { } owner)
        {
            w.Write(" · owned by ");
            Markup.Write(w, owner);
        }

        w.Write(" · ");
        w.Write(Numbers.Integer(journey.Phases.Count, options.Culture));
        w.Write(" phases · ");
        w.Write(Numbers.Integer(journey.ActivityCount, options.Culture));
        w.Write(" activities · ");
        w.Write(Numbers.Integer(journey.Flows.Count, options.Culture));
        w.Write(" flows");
        if (options.GeneratedAt is { } at)
        {
            w.Write(" · generated ");
            Time(w, at, options);
        }

        w.Write("</p>");
        if (journey.Personas.Count > 0)
        {
            // One list item a persona: a name holding a comma ("Smith, John") still reads as one persona.
            w.Write("<p id=\"personas-label\">Personas:</p><ul class=\"personas\" aria-labelledby=\"personas-label\">");
            foreach (var persona in journey.Personas)
            {
                w.Write("<li>");
                Markup.Write(w, persona.Name);
                w.Write("</li>");
            }

            w.Write("</ul>");
        }

        w.Write("</header>\n");
    }

    /// <summary>Most activities listed in the table of contents; a larger journey lists its phases only.</summary>
    private const int MaxActivitiesInContents = 150;

    private static void WriteContents(Journey journey, TextWriter w, HtmlReportOptions options)
    {
        w.Write("<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>");
        void Item(string id, string text) => w.Write($"<li><a href=\"#{id}\">{text}</a></li>");
        Item("overview", "Phases");
        if (journey.Metrics.Count > 0 || journey.Phases.Any(p => p.Metrics.Count > 0))
        {
            Item("kpis", "Journey and phase KPIs");
        }

        Item("map", "Activity map");
        Item("blueprint", "Service blueprint");
        Item("warnings", "Warnings");
        Item("opportunities", "Opportunities");
        Item("emotions", "Emotion curve");
        Item("funnel", "Funnel");
        if (options.Comparison is not null)
        {
            Item("comparison", "Current state against future state");
        }

        w.Write("<li><a href=\"#activities\">Activities</a>");
        if (journey.Phases.Count > 0)
        {
            w.Write("<ol>");
            var listActivities = journey.ActivityCount <= MaxActivitiesInContents;
            foreach (var phase in journey.Phases)
            {
                w.Write($"<li><a href=\"#{PhaseAnchor(phase.Id)}\">");
                Markup.Write(w, phase.Name);
                w.Write("</a>");
                var activities = journey.ActivitiesIn(phase.Id);
                if (listActivities && activities.Count > 0)
                {
                    w.Write("<ol>");
                    foreach (var activity in activities)
                    {
                        w.Write($"<li><a href=\"#{ActivityAnchor(activity.Id)}\">");
                        Markup.Write(w, activity.Name);
                        w.Write("</a></li>");
                    }

                    w.Write("</ol>");
                }

                w.Write("</li>");
            }

            w.Write("</ol>");
        }

        w.Write("</li></ol></nav>\n");
    }

    private static void WritePhases(Journey journey, TextWriter w, CultureInfo culture)
    {
        w.Write("<section id=\"overview\"><h2>Phases</h2><div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"Phases table\"><table><thead><tr><th>Phase</th><th>Customer goal</th><th>Activities</th></tr></thead><tbody>\n");
        for (var i = 0; i < journey.Phases.Count; i++)
        {
            var phase = journey.Phases[i];
            w.Write("<tr><td><span class=\"phase-dot\" style=\"background:");
            w.Write(Palette.PhaseStrong(i));
            w.Write($"\"></span><a href=\"#{PhaseAnchor(phase.Id)}\">");
            Markup.Write(w, phase.Name);
            w.Write("</a></td><td>");
            Markup.Write(w, phase.CustomerGoal);
            w.Write("</td><td>");
            w.Write(Numbers.Integer(journey.ActivityCountIn(phase.Id), culture));
            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table></div></section>\n");
    }

    /// <summary>The journey's own metrics and each phase's (stage KPIs), each with its settings and latest observations; nothing when there are none.</summary>
    private static void WriteKpis(Journey journey, TextWriter w, HtmlReportOptions options)
    {
        var kpis = journey.Metrics.Select(m => (Where: "Journey", Metric: m))
            .Concat(journey.Phases.SelectMany(p => p.Metrics.Select(m => (Where: "Phase " + p.Name, Metric: m))))
            .ToList();
        if (kpis.Count == 0)
        {
            return;
        }

        w.Write("<section id=\"kpis\"><h2>Journey and phase KPIs</h2>\n");
        foreach (var (where, metric) in kpis)
        {
            w.Write("<div class=\"widget\"><h3>");
            Markup.Write(w, where);
            w.Write(" › ");
            Markup.Write(w, metric.Title);
            w.Write("</h3>");
            WriteMetric(w, metric, options);
            w.Write("</div>\n");
        }

        w.Write("</section>\n");
    }

    private static void WriteWarnings(Journey journey, TextWriter w, IReadOnlyList<Warning> warnings, HtmlReportOptions options)
    {
        var userText = UserText.Of(journey);
        w.Write("<section id=\"warnings\"><h2>Warnings</h2>\n");
        if (warnings.Count == 0)
        {
            w.Write("<p class=\"meta\">No open warnings.</p></section>\n");
            return;
        }

        w.Write("<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"Warnings table\"><table class=\"warnings\"><thead><tr><th>Severity</th><th>Where</th><th>Message</th><th>Evidence</th></tr></thead><tbody>\n");
        foreach (var warning in warnings.OrderByDescending(x => x.Severity))
        {
            w.Write("<tr><td>");
            Severity(w, warning.Severity);
            w.Write("</td><td>");
            var name = SubjectName(journey, warning.Key.Subject);
            if (SubjectAnchor(journey, warning.Key.Subject) is { } anchor)
            {
                w.Write($"<a href=\"#{anchor}\">");
                Markup.Write(w, name);
                w.Write("</a>");
            }
            else
            {
                Markup.Write(w, name);
            }

            w.Write("</td><td>");
            Markup.Write(w, DisplayText.Localize(warning.Message, options.TimeZone, options.Culture, userText));
            w.Write("</td><td>");
            foreach (var (label, value) in EvidenceText.Lines(warning, SubjectMetric(journey, warning.Key.Subject), options.TimeZone, options.Culture, userText))
            {
                Markup.Write(w, label);
                w.Write(": ");
                Markup.Write(w, value);
                w.Write("<br>");
            }

            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table></div></section>\n");
    }

    /// <summary>Where a warning's subject is described: its activity's section (a metric's owning activity), its phase's heading, or none.</summary>
    private static string? SubjectAnchor(Journey journey, WarningSubject subject) => subject.Kind switch
    {
        SubjectKind.Activity when journey.TryGetActivity(new ActivityId(subject.Id), out var a) => ActivityAnchor(a.Id),
        SubjectKind.Metric when journey.FindWidget(new WidgetId(subject.Id), out var owner) is MetricWidget && owner is not null => ActivityAnchor(owner.Id),
        SubjectKind.Metric when journey.FindKpi(new WidgetId(subject.Id), out _) is not null => "kpis",
        SubjectKind.Phase when journey.FindPhase(new PhaseId(subject.Id)) is { } p => PhaseAnchor(p.Id),
        _ => null,
    };

    /// <summary>The metric a warning is about (an activity's metric widget or a journey or phase KPI), or none.</summary>
    private static MetricWidget? SubjectMetric(Journey journey, WarningSubject subject) => subject.Kind switch
    {
        SubjectKind.Metric when journey.FindWidget(new WidgetId(subject.Id), out _) is MetricWidget m => m,
        SubjectKind.Metric => journey.FindKpi(new WidgetId(subject.Id), out _),
        _ => null,
    };

    private static string SubjectName(Journey journey, WarningSubject subject) => subject.Kind switch
    {
        SubjectKind.Activity when journey.TryGetActivity(new ActivityId(subject.Id), out var a) => a.Name,
        SubjectKind.Metric when journey.FindWidget(new WidgetId(subject.Id), out var owner) is MetricWidget m => owner!.Name + " › " + m.Title,
        SubjectKind.Metric when journey.FindKpi(new WidgetId(subject.Id), out var phase) is { } kpi =>
            (phase is { } p ? "Phase " + journey.GetPhase(p).Name : "Journey") + " › " + kpi.Title,
        SubjectKind.Phase when journey.FindPhase(new PhaseId(subject.Id)) is { } p => "Phase " + p.Name,
        SubjectKind.Journey => "The journey",
        _ => subject.ToString(),
    };

    private static void WriteDetails(Journey journey, TextWriter w, HtmlReportOptions options, WarningIndex warnings, CancellationToken cancellationToken)
    {
        var history = options.History is { } h ? IndexHistory(h) : null;
        var personas = journey.Personas.ToDictionary(p => p.Id, p => p.Name);
        var userText = UserText.Of(journey);
        w.Write("<section id=\"activities\"><h2>Activities</h2>\n");
        var count = 0;
        var byPhase = journey.Activities.GroupBy(a => a.PhaseId).ToDictionary(g => g.Key, g => g.ToList());
        for (var p = 0; p < journey.Phases.Count; p++)
        {
            var phase = journey.Phases[p];
            w.Write($"<h3 class=\"phase-heading\" id=\"{PhaseAnchor(phase.Id)}\"><span class=\"phase-dot\" style=\"background:{Palette.PhaseStrong(p)}\"></span>");
            Markup.Write(w, phase.Name);
            w.Write("</h3>\n");
            if (!byPhase.Remove(phase.Id, out var activities))
            {
                w.Write("<p class=\"meta\">No activities in this phase.</p>\n");
                continue;
            }

            foreach (var activity in activities)
            {
                if ((++count & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                WriteActivity(journey, w, options, activity, p, warnings, history, personas, userText);
            }
        }

        // An activity whose phase the journey does not list (not possible through the journey's commands) is still shown.
        foreach (var activity in byPhase.Values.SelectMany(a => a))
        {
            count++;
            WriteActivity(journey, w, options, activity, -1, warnings, history, personas, userText);
        }

        if (count == 0)
        {
            w.Write("<p class=\"meta\">No activities yet.</p>");
        }

        w.Write("</section>\n");
    }

    private static void WriteActivity(Journey journey, TextWriter w, HtmlReportOptions options, Activity activity, int phaseIndex, WarningIndex warnings,
        Dictionary<ActivityId, List<HistoryEntry>>? history, Dictionary<PersonaId, string> personas, UserText userText)
    {
        var d = activity.Details;
        w.Write($"<article class=\"activity\" id=\"{ActivityAnchor(activity.Id)}\" style=\"border-color:");
        w.Write(Palette.PhaseStrong(Math.Max(0, phaseIndex)));
        w.Write("\"><h4 class=\"activity-name\">");
        Markup.Write(w, activity.Name);
        w.Write("</h4><p class=\"meta\">");
        Markup.Write(w, phaseIndex >= 0 ? journey.Phases[phaseIndex].Name : "?");
        w.Write(" · ");
        w.Write(HumanText.Kind(activity.Kind));
        w.Write(" · ");
        w.Write(HumanText.Status(d.Status));
        Meta(w, "owner", d.Owner);
        Meta(w, "team", d.Team);
        Meta(w, "channels", d.Channels.Count == 0 ? null : string.Join(", ", d.Channels));
        Meta(w, "tags", d.Tags.Count == 0 ? null : string.Join(", ", d.Tags));
        if (d.PlannedStart is not null || d.PlannedEnd is not null)
        {
            w.Write(" · planned ");
            Day(w, d.PlannedStart, options);
            w.Write(" – ");
            Day(w, d.PlannedEnd, options);
        }

        if (activity.ParentId is { } parent && journey.TryGetActivity(parent, out var parentActivity))
        {
            w.Write($" · part of <a href=\"#{ActivityAnchor(parent)}\">");
            Markup.Write(w, parentActivity.Name);
            w.Write("</a>");
        }

        // The report renders one journey and cannot name another: the sub-journey appears by its id.
        Meta(w, "detailed in sub-journey", activity.SubJourneyId?.ToString());
        w.Write("</p>");
        foreach (var warning in warnings.For(activity.Id.Value))
        {
            w.Write("<p>");
            Severity(w, warning.Severity);
            w.Write(' ');
            Markup.Write(w, DisplayText.Localize(warning.Message, options.TimeZone, options.Culture, userText));
            w.Write("</p>");
        }

        if (d.Description is { } description)
        {
            w.Write("<div class=\"text\">");
            Markup.Write(w, description);
            w.Write("</div>");
        }

        foreach (var widget in activity.Widgets)
        {
            WriteWidget(w, widget, personas, options);
        }

        if (history is not null)
        {
            WriteHistory(w, history.GetValueOrDefault(activity.Id), options, userText);
        }

        w.Write("</article>\n");
    }

    private static Dictionary<ActivityId, List<HistoryEntry>> IndexHistory(JourneyHistory history)
    {
        var result = new Dictionary<ActivityId, List<HistoryEntry>>();
        foreach (var entry in history.Entries)
        {
            foreach (var id in EventTouches.Activities(entry.Event, history.Current))
            {
                if (!result.TryGetValue(id, out var list))
                {
                    result[id] = list = [];
                }

                list.Add(entry);
            }
        }

        return result;
    }

    /// <summary>How many history entries show before the rest fold into a collapsed list.</summary>
    private const int HistoryShownOpen = 5;

    private static void WriteHistory(TextWriter w, List<HistoryEntry>? entries, HtmlReportOptions options, UserText userText)
    {
        var max = options.MaxHistoryEntriesPerActivity;
        w.Write("<h5>History</h5>");
        if (entries is null || entries.Count == 0)
        {
            w.Write("<p class=\"meta\">No recorded changes.</p>");
            return;
        }

        var listed = Math.Min(max, entries.Count);
        w.Write("<ol class=\"history\" reversed>");
        var shown = 0;
        for (var i = entries.Count - 1; i >= entries.Count - listed; i--)
        {
            if (shown++ == HistoryShownOpen)
            {
                w.Write($"</ol><details><summary>{Numbers.Integer(listed - HistoryShownOpen, options.Culture)} earlier changes</summary><ol class=\"history\" start=\"{Numbers.Integer(entries.Count - HistoryShownOpen, CultureInfo.InvariantCulture)}\" reversed>");
            }

            var entry = entries[i];
            w.Write("<li>");
            Time(w, entry.At, options);
            w.Write(" · ");
            Markup.Write(w, entry.Actor);
            w.Write(": ");
            Markup.Write(w, DisplayText.Localize(entry.Description, options.TimeZone, options.Culture, userText));
            if (entry.Reason is { } reason)
            {
                w.Write(" (");
                Markup.Write(w, reason);
                w.Write(')');
            }

            w.Write("</li>");
        }

        w.Write(shown > HistoryShownOpen ? "</ol></details>" : "</ol>");
        if (entries.Count > max)
        {
            w.Write("<p class=\"meta\">");
            w.Write(Numbers.Integer(entries.Count - max, options.Culture));
            w.Write(" older changes not shown.</p>");
        }
    }

    private static void WriteWidget(TextWriter w, Widget widget, Dictionary<PersonaId, string> personas, HtmlReportOptions options)
    {
        w.Write("<div class=\"widget\"><h5>");
        Markup.Write(w, widget.Title);
        w.Write(" <span class=\"meta\">");
        Markup.Write(w, widget.KindName());
        w.Write("</span></h5>");
        switch (widget)
        {
            case MetricWidget metric:
                WriteMetric(w, metric, options);
                break;
            case LinkWidget link:
                if (Markup.IsSafeLink(link.Url))
                {
                    w.Write("<a rel=\"noopener noreferrer nofollow\" href=\"");
                    Markup.Write(w, link.Url.AbsoluteUri);
                    w.Write("\">");
                    Markup.Write(w, link.Url.OriginalString);
                    w.Write("</a>");
                }
                else
                {
                    w.Write("<span class=\"unsafe-link\" title=\"Not a web or mail address: shown as text\">");
                    Markup.Write(w, link.Url.OriginalString);
                    w.Write("</span>");
                }

                break;
            case DescriptionWidget description:
                w.Write("<div class=\"text\">");
                Markup.Write(w, description.Markdown);
                w.Write("</div>");
                break;
            case SolutionWidget solution:
                w.Write("<p><strong>Problem:</strong> <span class=\"text\">");
                Markup.Write(w, solution.Problem);
                w.Write("</span></p><p><strong>Solution:</strong> <span class=\"text\">");
                Markup.Write(w, solution.Solution);
                w.Write("</span></p><p class=\"meta\">Status: ");
                w.Write(HumanText.Status(solution.Status));
                w.Write("</p>");
                break;
            case EmotionWidget emotion:
                w.Write("<p>");
                Markup.Write(w, personas.GetValueOrDefault(emotion.Persona, "Unknown persona"));
                w.Write(": as-is ");
                w.Write(HumanText.Emotion(emotion.AsIs.Value, options.Culture));
                if (emotion.ToBe is { } toBe)
                {
                    w.Write(", to-be ");
                    w.Write(HumanText.Emotion(toBe.Value, options.Culture));
                }

                w.Write("</p>");
                if (emotion.Note is { } note)
                {
                    w.Write("<div class=\"text\">");
                    Markup.Write(w, note);
                    w.Write("</div>");
                }

                break;
            case FeedbackWidget feedback:
                foreach (var entry in feedback.Entries)
                {
                    w.Write("<blockquote>");
                    Markup.Write(w, entry.Quote);
                    w.Write("</blockquote><p class=\"meta\">");
                    Markup.Write(w, entry.Source);
                    w.Write(" · ");
                    Day(w, entry.Date, options);
                    w.Write(" · ");
                    w.Write(HumanText.Sentiment(entry.Sentiment));
                    w.Write("</p>");
                }

                break;
            case UnknownWidget unknown:
                w.Write("<div class=\"text\">");
                Markup.Write(w, unknown.Content);
                w.Write("</div>");
                break;
            default:
                break;
        }

        w.Write("</div>");
    }

    /// <summary>A metric as one compact row (latest value and date, target, a sparkline of every observation) with the observations in a collapsed table.</summary>
    private static void WriteMetric(TextWriter w, MetricWidget metric, HtmlReportOptions options)
    {
        w.Write("<p class=\"meta\">");
        w.Write(HumanText.Kind(metric.Kind));
        Meta(w, "unit", metric.Unit.Length == 0 ? null : metric.Unit);
        w.Write(metric.Direction == MetricDirection.HigherIsBetter ? " · higher is better" : " · lower is better");
        Meta(w, "target", metric.Target is { } t ? Numbers.Exact(t, options.Culture) : null);
        Meta(w, "warning at", metric.WarningThreshold is { } wt ? Numbers.Exact(wt, options.Culture) : null);
        Meta(w, "critical at", metric.CriticalThreshold is { } ct ? Numbers.Exact(ct, options.Culture) : null);
        w.Write("</p>");
        var observations = metric.Observations;
        if (observations.Count == 0)
        {
            w.Write("<p class=\"meta\">No observations.</p>");
            return;
        }

        var latest = observations[^1];
        w.Write("<div class=\"metric-row\"><span class=\"latest\">");
        w.Write(Numbers.Exact(latest.Value, options.Culture));
        if (metric.Unit.Length > 0)
        {
            w.Write(' ');
            Markup.Write(w, metric.Unit);
        }

        w.Write("</span><span class=\"meta\">latest, ");
        Day(w, latest.Date, options);
        w.Write("</span>");
        WriteSparkline(w, metric, options.Culture);
        w.Write("<span class=\"meta\">");
        w.Write(Numbers.Integer(observations.Count, options.Culture));
        w.Write(observations.Count == 1 ? " observation" : " observations");
        if (observations.Count > 1)
        {
            w.Write(" since ");
            Day(w, observations[0].Date, options);
        }

        w.Write("</span></div>");
        w.Write("<details><summary>All observations</summary><div class=\"table-box\"><table><thead><tr><th>Date</th><th>Value</th></tr></thead><tbody>");
        for (var i = observations.Count - 1; i >= 0; i--)
        {
            w.Write("<tr><td>");
            Day(w, observations[i].Date, options);
            w.Write("</td><td>");
            w.Write(Numbers.Exact(observations[i].Value, options.Culture));
            w.Write("</td></tr>");
        }

        w.Write("</tbody></table></div></details>");
    }

    /// <summary>An instant in the report's time zone, kept on one line, with its ISO form for machines.</summary>
    private static void Time(TextWriter w, Instant at, HtmlReportOptions options)
    {
        w.Write("<time datetime=\"");
        w.Write(HumanText.Iso(at));
        w.Write("\">");
        Markup.Write(w, HumanText.Date(at, options.TimeZone, options.Culture));
        w.Write("</time>");
    }

    /// <summary>A day, kept on one line; <c>…</c> when unknown.</summary>
    private static void Day(TextWriter w, LocalDate? date, HtmlReportOptions options)
    {
        if (date is not { } day)
        {
            w.Write('…');
            return;
        }

        w.Write("<time datetime=\"");
        w.Write(HumanText.Iso(day));
        w.Write("\">");
        Markup.Write(w, HumanText.Date(day, options.Culture));
        w.Write("</time>");
    }

    private static void Meta(TextWriter w, string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        w.Write(" · ");
        w.Write(label);
        w.Write(' ');
        Markup.Write(w, value);
    }

    private static void Severity(TextWriter w, WarningSeverity severity)
    {
        var name = severity.ToString();
        w.Write("<span class=\"sev sev-");
        w.Write(name.ToLowerInvariant());
        w.Write("\">");
        w.Write(name);
        w.Write("</span>");
    }

    private static string Shorten(string text, int max) =>
        LineWrap.Wrap(text, max, 1) is [var line] ? line : "";
}
