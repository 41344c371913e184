using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime.Text;
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
/// for http, https and mailto addresses. Prints one activity per block without splitting it. Thread-safe; the journey
/// must not change while it is written.
/// </remarks>
public static partial class HtmlReportRenderer
{
    private const string Css = """
        :root{color-scheme:light;--ink:#0f172a;--muted:#475569;--line:#e2e8f0}
        *{box-sizing:border-box}
        body{margin:0;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);background:#f8fafc}
        header.report{background:#0f172a;color:#fff;padding:24px 32px}
        header.report h1{margin:0 0 4px;font-size:26px;overflow-wrap:anywhere}
        header.report p{margin:2px 0;color:#cbd5e1;overflow-wrap:anywhere}
        main{padding:8px 32px 32px}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0}
        h2{margin:0 0 12px;font-size:19px}
        h3{margin:0 0 6px;font-size:16px;overflow-wrap:anywhere}
        h4{margin:10px 0 4px;font-size:14px;overflow-wrap:anywhere}
        table{border-collapse:collapse;width:100%;margin:6px 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#f1f5f9;font-weight:600}
        .map{overflow:auto;max-width:100%}.map svg{max-width:100%;height:auto}
        .phase-dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
        .sev{display:inline-block;border-radius:9px;padding:0 8px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
        .sev-critical{background:#dc2626}.sev-warning{background:#c2410c}.sev-info{background:#1d4ed8}
        .activity{border-left:6px solid #94a3b8;padding-left:14px}
        .meta{color:var(--muted);font-size:13px;overflow-wrap:anywhere}
        .widget{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:8px 0}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:24em;overflow:auto}
        blockquote{margin:4px 0;padding-left:10px;border-left:3px solid #cbd5e1;white-space:pre-wrap;overflow-wrap:anywhere}
        .unsafe-link{font-family:monospace;overflow-wrap:anywhere;color:var(--muted)}
        ol.history{font-size:13px;color:var(--muted);padding-left:20px}
        .chart{max-width:100%;height:auto}
        @media print{body{background:#fff}header.report{background:#fff;color:#000;border-bottom:2px solid #000}
        header.report p{color:#333}section{border:none;padding:0;break-inside:auto}.activity,.widget,tr{break-inside:avoid}
        .map{overflow:visible}}
        """;

    /// <summary>Writes the report.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">Warnings, history and chart inputs; <see cref="HtmlReportOptions.Default"/> when omitted.</param>
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

    private static void Write(Journey journey, TextWriter w, HtmlReportOptions? options, CancellationToken cancellationToken)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(w);
        options ??= HtmlReportOptions.Default;
        Guard.Against.OutOfRange(options.MaxHistoryEntriesPerActivity, nameof(options), 0, int.MaxValue, "MaxHistoryEntriesPerActivity must be 0 or more.");
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
        w.Write("<main>\n");
        WritePhases(journey, w);
        WriteKpis(journey, w);
        w.Write("<section id=\"map\"><h2>Activity map</h2><div class=\"map\">\n");
        SvgMapRenderer.Write(journey, ActivityMapLayout.Compute(journey, options.Layout), w, new SvgMapOptions { Warnings = shown }, cancellationToken);
        w.Write("</div></section>\n");
        WriteBlueprint(journey, w, options, shown, cancellationToken);
        WriteWarnings(journey, w, shown);
        WriteOpportunities(journey, w, options);
        WriteEmotionCurve(journey, w, options.EmotionCurve ?? EmotionCurve.Compute(journey));
        WriteFunnel(w, options.Funnel ?? Funnel.Compute(journey));
        if (options.Comparison is { } comparison)
        {
            ComparisonSection.Write(w, comparison);
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
        w.Write(journey.State.ToString());
        w.Write(" journey");
        if (journey.Owner is { } owner)
        {
            w.Write(" · owned by ");
            Markup.Write(w, owner);
        }

        w.Write(" · ");
        w.Write(Numbers.Integer(journey.Phases.Count));
        w.Write(" phases · ");
        w.Write(Numbers.Integer(journey.ActivityCount));
        w.Write(" activities · ");
        w.Write(Numbers.Integer(journey.Flows.Count));
        w.Write(" flows · version ");
        w.Write(Numbers.Integer(journey.Version));
        if (options.GeneratedAt is { } at)
        {
            w.Write(" · generated ");
            w.Write(InstantPattern.General.Format(at));
        }

        w.Write("</p>");
        if (journey.Personas.Count > 0)
        {
            w.Write("<p>Personas: ");
            for (var i = 0; i < journey.Personas.Count; i++)
            {
                if (i > 0)
                {
                    w.Write(", ");
                }

                Markup.Write(w, journey.Personas[i].Name);
            }

            w.Write("</p>");
        }

        w.Write("</header>\n");
    }

    private static void WritePhases(Journey journey, TextWriter w)
    {
        w.Write("<section id=\"overview\"><h2>Phases</h2><table><thead><tr><th>Phase</th><th>Customer goal</th><th>Activities</th></tr></thead><tbody>\n");
        for (var i = 0; i < journey.Phases.Count; i++)
        {
            var phase = journey.Phases[i];
            w.Write("<tr><td><span class=\"phase-dot\" style=\"background:");
            w.Write(Palette.PhaseStrong(i));
            w.Write("\"></span>");
            Markup.Write(w, phase.Name);
            w.Write("</td><td>");
            Markup.Write(w, phase.CustomerGoal);
            w.Write("</td><td>");
            w.Write(Numbers.Integer(journey.ActivityCountIn(phase.Id)));
            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table></section>\n");
    }

    /// <summary>The journey's own metrics and each phase's (stage KPIs), each with its settings and latest observations; nothing when there are none.</summary>
    private static void WriteKpis(Journey journey, TextWriter w)
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
            w.Write("<div class=\"widget\"><h4>");
            Markup.Write(w, where);
            w.Write(" › ");
            Markup.Write(w, metric.Title);
            w.Write("</h4>");
            WriteMetric(w, metric);
            w.Write("</div>\n");
        }

        w.Write("</section>\n");
    }

    private static void WriteWarnings(Journey journey, TextWriter w, IReadOnlyList<Warning> warnings)
    {
        w.Write("<section id=\"warnings\"><h2>Warnings</h2>\n");
        if (warnings.Count == 0)
        {
            w.Write("<p class=\"meta\">No open warnings.</p></section>\n");
            return;
        }

        w.Write("<table><thead><tr><th>Severity</th><th>Where</th><th>Message</th><th>Evidence</th></tr></thead><tbody>\n");
        foreach (var warning in warnings.OrderByDescending(x => x.Severity))
        {
            w.Write("<tr><td>");
            Severity(w, warning.Severity);
            w.Write("</td><td>");
            Markup.Write(w, SubjectName(journey, warning.Key.Subject));
            w.Write("</td><td>");
            Markup.Write(w, warning.Message);
            w.Write("</td><td>");
            foreach (var evidence in warning.Evidence)
            {
                Markup.Write(w, evidence.Name);
                w.Write(": ");
                Markup.Write(w, evidence.Value);
                w.Write("<br>");
            }

            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table></section>\n");
    }

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

    private static void WriteEmotionCurve(Journey journey, TextWriter w, IReadOnlyList<EmotionCurvePoint> points)
    {
        w.Write("<section id=\"emotions\"><h2>Emotion curve</h2>\n");
        if (points.Count == 0 || journey.Phases.Count == 0)
        {
            w.Write("<p class=\"meta\">No emotions recorded.</p></section>\n");
            return;
        }

        const double left = 110, top = 20, plotHeight = 200, step = 150;
        var phases = journey.Phases;
        var width = left + (Math.Max(1, phases.Count - 1) * step) + 60;
        var height = top + plotHeight + 50;
        double Y(double score) => top + ((2 - Math.Clamp(score, -2, 2)) / 4 * plotHeight);
        double X(int phase) => left + (phase * step);

        w.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"");
        w.Write(Numbers.Coordinate(width));
        w.Write("\" height=\"");
        w.Write(Numbers.Coordinate(height));
        w.Write("\" font-size=\"12\" font-family=\"system-ui, sans-serif\"><title>Emotion per phase and persona, from −2 to +2</title>\n");
        string[] labels = ["very negative", "negative", "neutral", "positive", "very positive"];
        for (var s = -2; s <= 2; s++)
        {
            var y = Numbers.Coordinate(Y(s));
            w.Write($"<line x1=\"{Numbers.Coordinate(left - 6)}\" x2=\"{Numbers.Coordinate(width - 30)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{(s == 0 ? "#94a3b8" : "#e2e8f0")}\"/>");
            w.Write($"<text x=\"{Numbers.Coordinate(left - 10)}\" y=\"{Numbers.Coordinate(Y(s) + 4)}\" text-anchor=\"end\" fill=\"#475569\">{labels[s + 2]}</text>\n");
        }

        for (var p = 0; p < phases.Count; p++)
        {
            w.Write($"<text x=\"{Numbers.Coordinate(X(p))}\" y=\"{Numbers.Coordinate(top + plotHeight + 24)}\" text-anchor=\"middle\" font-weight=\"600\" fill=\"{Palette.PhaseStrong(p)}\">");
            Markup.Write(w, Shorten(phases[p].Name, 22));
            w.Write("</text>\n");
        }

        var legendY = top;
        for (var i = 0; i < journey.Personas.Count; i++)
        {
            var persona = journey.Personas[i];
            var series = points.Where(x => x.Persona == persona.Id)
                .Select(x => (Index: journey.PhaseIndex(x.Phase), Point: x))
                .Where(x => x.Index >= 0)
                .OrderBy(x => x.Index)
                .ToList();
            if (series.Count == 0)
            {
                continue;
            }

            var colour = Palette.Series(i);
            w.Write($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"");
            w.Write(string.Join(' ', series.Select(x => Numbers.Coordinate(X(x.Index)) + "," + Numbers.Coordinate(Y(x.Point.AsIs)))));
            w.Write("\"/>\n");
            foreach (var (index, point) in series)
            {
                w.Write($"<circle cx=\"{Numbers.Coordinate(X(index))}\" cy=\"{Numbers.Coordinate(Y(point.AsIs))}\" r=\"4.5\" fill=\"{colour}\"><title>");
                Markup.Write(w, persona.Name);
                w.Write(" in ");
                Markup.Write(w, phases[index].Name);
                w.Write(FormattableString.Invariant($": as-is {point.AsIs:0.##} ({point.Samples} emotions)"));
                w.Write("</title></circle>");
            }

            w.Write($"<text x=\"{Numbers.Coordinate(width - 26)}\" y=\"{Numbers.Coordinate(legendY)}\" fill=\"{colour}\" font-weight=\"600\" text-anchor=\"end\">");
            Markup.Write(w, Shorten(persona.Name, 30));
            w.Write("</text>\n");
            legendY += 16;
        }

        w.Write("</svg></section>\n");
    }

    private static void WriteFunnel(TextWriter w, IReadOnlyList<FunnelChartStep> steps)
    {
        w.Write("<section id=\"funnel\"><h2>Funnel</h2>\n");
        if (steps.Count == 0)
        {
            w.Write("<p class=\"meta\">No flows to follow.</p></section>\n");
            return;
        }

        const double labelWidth = 220, barWidth = 420, rowHeight = 34;
        var max = steps.Max(s => s.Count ?? 0m);
        var height = (steps.Count * rowHeight) + 10;
        w.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"{Numbers.Coordinate(labelWidth + barWidth + 170)}\" height=\"{Numbers.Coordinate(height)}\" font-size=\"12\" font-family=\"system-ui, sans-serif\"><title>Funnel along the flows</title>\n");
        FunnelChartStep? previous = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var y = 5 + (i * rowHeight);
            var fraction = max > 0 && step.Count is { } c ? (double)(c / max) : 0;
            var bar = Math.Max(2, fraction * barWidth);
            var x = labelWidth + ((barWidth - bar) / 2);
            w.Write($"<text x=\"{Numbers.Coordinate(labelWidth - 10)}\" y=\"{Numbers.Coordinate(y + 19)}\" text-anchor=\"end\" fill=\"#0f172a\">");
            Markup.Write(w, Shorten(step.Name, 32));
            w.Write("<title>");
            Markup.Write(w, step.Name);
            w.Write("</title></text>");
            w.Write($"<rect x=\"{Numbers.Coordinate(x)}\" y=\"{Numbers.Coordinate(y)}\" width=\"{Numbers.Coordinate(bar)}\" height=\"{Numbers.Coordinate(rowHeight - 6)}\" rx=\"4\" fill=\"{Palette.PhaseStrong(i)}\"/>");
            var text = (step.Count is { } count ? Numbers.Exact(count) : "no data")
                + (previous is { Count: { } before } && before != 0 && step.Count is { } now ? " · " + Numbers.Percent(now, before) + " of previous" : "");
            w.Write($"<text x=\"{Numbers.Coordinate(labelWidth + barWidth + 10)}\" y=\"{Numbers.Coordinate(y + 19)}\" fill=\"#475569\">");
            Markup.Write(w, text);
            w.Write("</text>\n");
            previous = step;
        }

        w.Write("</svg></section>\n");
    }

    private static void WriteDetails(Journey journey, TextWriter w, HtmlReportOptions options, WarningIndex warnings, CancellationToken cancellationToken)
    {
        var history = options.History is { } h ? IndexHistory(h) : null;
        var personas = journey.Personas.ToDictionary(p => p.Id, p => p.Name);
        w.Write("<section id=\"activities\"><h2>Activities</h2>\n");
        var count = 0;
        foreach (var activity in journey.Activities)
        {
            if ((++count & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var phaseIndex = journey.PhaseIndex(activity.PhaseId);
            var d = activity.Details;
            w.Write("<article class=\"activity\" style=\"border-color:");
            w.Write(Palette.PhaseStrong(Math.Max(0, phaseIndex)));
            w.Write("\"><h3>");
            Markup.Write(w, activity.Name);
            w.Write("</h3><p class=\"meta\">");
            Markup.Write(w, phaseIndex >= 0 ? journey.Phases[phaseIndex].Name : "?");
            w.Write(" · ");
            w.Write(activity.Kind.ToString());
            w.Write(" · ");
            w.Write(d.Status.ToString());
            Meta(w, "owner", d.Owner);
            Meta(w, "team", d.Team);
            Meta(w, "channels", d.Channels.Count == 0 ? null : string.Join(", ", d.Channels));
            Meta(w, "tags", d.Tags.Count == 0 ? null : string.Join(", ", d.Tags));
            Meta(w, "planned", d.PlannedStart is null && d.PlannedEnd is null ? null
                : $"{(d.PlannedStart is { } s ? LocalDatePattern.Iso.Format(s) : "…")} – {(d.PlannedEnd is { } e ? LocalDatePattern.Iso.Format(e) : "…")}");
            if (activity.ParentId is { } parent && journey.TryGetActivity(parent, out var parentActivity))
            {
                Meta(w, "part of", parentActivity.Name);
            }

            // The report renders one journey and cannot name another: the sub-journey appears by its id.
            Meta(w, "detailed in sub-journey", activity.SubJourneyId?.ToString());
            w.Write("</p>");
            foreach (var warning in warnings.For(activity.Id.Value))
            {
                w.Write("<p>");
                Severity(w, warning.Severity);
                w.Write(' ');
                Markup.Write(w, warning.Message);
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
                WriteWidget(w, widget, personas);
            }

            if (history is not null)
            {
                WriteHistory(w, history.GetValueOrDefault(activity.Id), options.MaxHistoryEntriesPerActivity);
            }

            w.Write("</article>\n");
        }

        if (count == 0)
        {
            w.Write("<p class=\"meta\">No activities yet.</p>");
        }

        w.Write("</section>\n");
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

    private static void WriteHistory(TextWriter w, List<HistoryEntry>? entries, int max)
    {
        w.Write("<h4>History</h4>");
        if (entries is null || entries.Count == 0)
        {
            w.Write("<p class=\"meta\">No recorded changes.</p>");
            return;
        }

        w.Write("<ol class=\"history\" reversed>");
        for (var i = entries.Count - 1; i >= Math.Max(0, entries.Count - max); i--)
        {
            var entry = entries[i];
            w.Write("<li>");
            w.Write(InstantPattern.General.Format(entry.At));
            w.Write(" · ");
            Markup.Write(w, entry.Actor);
            w.Write(": ");
            Markup.Write(w, entry.Description);
            if (entry.Reason is { } reason)
            {
                w.Write(" (");
                Markup.Write(w, reason);
                w.Write(')');
            }

            w.Write("</li>");
        }

        w.Write("</ol>");
        if (entries.Count > max)
        {
            w.Write("<p class=\"meta\">");
            w.Write(Numbers.Integer(entries.Count - max));
            w.Write(" older changes not shown.</p>");
        }
    }

    private static void WriteWidget(TextWriter w, Widget widget, Dictionary<PersonaId, string> personas)
    {
        w.Write("<div class=\"widget\"><h4>");
        Markup.Write(w, widget.Title);
        w.Write(" <span class=\"meta\">");
        Markup.Write(w, widget.KindName());
        w.Write("</span></h4>");
        switch (widget)
        {
            case MetricWidget metric:
                WriteMetric(w, metric);
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
                w.Write(solution.Status.ToString());
                w.Write("</p>");
                break;
            case EmotionWidget emotion:
                w.Write("<p>");
                Markup.Write(w, personas.GetValueOrDefault(emotion.Persona, "Unknown persona"));
                w.Write(": as-is ");
                w.Write(emotion.AsIs.ToString());
                if (emotion.ToBe is { } toBe)
                {
                    w.Write(", to-be ");
                    w.Write(toBe.ToString());
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
                    w.Write(LocalDatePattern.Iso.Format(entry.Date));
                    w.Write(" · ");
                    w.Write(entry.Sentiment.ToString());
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

    private static void WriteMetric(TextWriter w, MetricWidget metric)
    {
        w.Write("<p class=\"meta\">");
        w.Write(metric.Kind.ToString());
        Meta(w, "unit", metric.Unit.Length == 0 ? null : metric.Unit);
        w.Write(metric.Direction == MetricDirection.HigherIsBetter ? " · higher is better" : " · lower is better");
        Meta(w, "target", metric.Target is { } t ? Numbers.Exact(t) : null);
        Meta(w, "warning at", metric.WarningThreshold is { } wt ? Numbers.Exact(wt) : null);
        Meta(w, "critical at", metric.CriticalThreshold is { } ct ? Numbers.Exact(ct) : null);
        w.Write("</p>");
        var observations = metric.Observations;
        if (observations.Count == 0)
        {
            w.Write("<p class=\"meta\">No observations.</p>");
            return;
        }

        w.Write("<table><thead><tr><th>Date</th><th>Value</th></tr></thead><tbody>");
        const int shown = 12;
        for (var i = observations.Count - 1; i >= Math.Max(0, observations.Count - shown); i--)
        {
            w.Write("<tr><td>");
            w.Write(LocalDatePattern.Iso.Format(observations[i].Date));
            w.Write("</td><td>");
            w.Write(Numbers.Exact(observations[i].Value));
            w.Write("</td></tr>");
        }

        w.Write("</tbody></table>");
        if (observations.Count > shown)
        {
            w.Write("<p class=\"meta\">");
            w.Write(Numbers.Integer(observations.Count - shown));
            w.Write(" older observations not shown.</p>");
        }
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
