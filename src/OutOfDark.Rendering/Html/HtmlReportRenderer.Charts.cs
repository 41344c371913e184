using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace OutOfDark.Rendering;

/// <summary>The report's charts: the emotion curve, the funnel and the metrics' sparklines.</summary>
public static partial class HtmlReportRenderer
{
    private const string ChartInk = "#0f172a";
    private const string ChartMuted = "#475569";
    private const string FunnelColour = "#1d4ed8";

    /// <summary>
    /// One point per touchpoint (activity in map order) that carries any persona's emotion; per persona a solid as-is
    /// line and a dashed to-be line over the touchpoints that have a to-be score; the phases named under their touchpoints.
    /// </summary>
    private static void WriteEmotionCurve(Journey journey, TextWriter w, IReadOnlyList<EmotionCurvePoint> points, CultureInfo culture)
    {
        w.Write("<section id=\"emotions\"><h2>Emotion curve</h2>\n");
        var columns = new List<ActivityId>();
        var column = new Dictionary<ActivityId, int>();
        var felt = points.Select(p => p.Activity).ToHashSet();
        foreach (var phase in journey.Phases)
        {
            foreach (var activity in journey.ActivitiesIn(phase.Id))
            {
                if (felt.Contains(activity.Id) && column.TryAdd(activity.Id, columns.Count))
                {
                    columns.Add(activity.Id);
                }
            }
        }

        if (columns.Count == 0)
        {
            w.Write("<p class=\"meta\">No emotions recorded.</p></section>\n");
            return;
        }

        const double left = 130, top = 16, plotHeight = 200, step = 78, labelDepth = 110;
        var feeling = points.Select(p => p.Persona).ToHashSet();
        var personas = journey.Personas.Where(p => feeling.Contains(p.Id)).ToList();
        var legendTop = top + plotHeight + labelDepth + 30;
        var width = Math.Max(640, left + (Math.Max(1, columns.Count - 1) * step) + 90);
        var height = legendTop + (personas.Count * 20) + 10;
        double Y(double score) => top + ((2 - Math.Clamp(score, -2, 2)) / 4 * plotHeight);
        double X(int index) => left + (index * step);

        w.Write("<p class=\"meta\">One point per touchpoint that has an emotion, in map order. Solid lines: as-is; dashed lines: to-be.</p>\n");
        OpenChart(w, width, height, "emotion-chart", "Emotion per touchpoint and persona, from very negative (−2) to very positive (+2): solid as-is, dashed to-be");
        for (var s = -2; s <= 2; s++)
        {
            var y = Numbers.Coordinate(Y(s));
            w.Write($"<line x1=\"{Numbers.Coordinate(left - 6)}\" x2=\"{Numbers.Coordinate(width - 20)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{(s == 0 ? "#94a3b8" : "#e2e8f0")}\"/>");
            w.Write($"<text x=\"{Numbers.Coordinate(left - 12)}\" y=\"{Numbers.Coordinate(Y(s) + 4)}\" text-anchor=\"end\" fill=\"{ChartMuted}\">{Markup.Escape(HumanText.Emotion(s))}</text>\n");
        }

        // Phase bands: a tick under the first and last touchpoint of each phase, the phase's name below.
        var bandY = top + plotHeight + labelDepth;
        for (var p = 0; p < journey.Phases.Count; p++)
        {
            var phaseId = journey.Phases[p].Id;
            var indexes = columns.Select((id, i) => (id, i)).Where(x => journey.GetActivity(x.id).PhaseId == phaseId).Select(x => x.i).ToList();
            if (indexes.Count == 0)
            {
                continue;
            }

            var (from, to) = (X(indexes[0]) - (step / 2) + 4, X(indexes[^1]) + (step / 2) - 4);
            w.Write($"<line x1=\"{Numbers.Coordinate(from)}\" x2=\"{Numbers.Coordinate(to)}\" y1=\"{Numbers.Coordinate(bandY)}\" y2=\"{Numbers.Coordinate(bandY)}\" stroke=\"{Palette.PhaseStrong(p)}\" stroke-width=\"4\"/>");
            w.Write($"<text x=\"{Numbers.Coordinate((from + to) / 2)}\" y=\"{Numbers.Coordinate(bandY + 18)}\" text-anchor=\"middle\" font-weight=\"600\" fill=\"{ChartInk}\">");
            Markup.Write(w, Shorten(journey.Phases[p].Name, Math.Max(6, (int)((to - from) / 7))));
            w.Write("</text>\n");
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var name = journey.GetActivity(columns[i]).Name;
            var x = Numbers.Coordinate(X(i));
            w.Write($"<line x1=\"{x}\" x2=\"{x}\" y1=\"{Numbers.Coordinate(top)}\" y2=\"{Numbers.Coordinate(top + plotHeight)}\" stroke=\"#f1f5f9\"/>");
            w.Write($"<text transform=\"translate({x},{Numbers.Coordinate(top + plotHeight + 14)}) rotate(-40)\" text-anchor=\"end\" fill=\"{ChartInk}\">");
            Markup.Write(w, Shorten(name, 18));
            w.Write("<title>");
            Markup.Write(w, name);
            w.Write("</title></text>\n");
        }

        for (var i = 0; i < personas.Count; i++)
        {
            var persona = personas[i];
            var colour = Palette.Series(i);
            var series = points.Where(x => x.Persona == persona.Id && column.ContainsKey(x.Activity)).OrderBy(x => column[x.Activity]).ToList();
            var dash = DashOf(i);
            Line(w, series.Select(x => (X(column[x.Activity]), Y(x.AsIs))), colour, dash: dash.AsIs);
            var toBe = series.Where(x => x.ToBe is not null).ToList();
            Line(w, toBe.Select(x => (X(column[x.Activity]), Y(x.ToBe!.Value))), colour, dash: dash.ToBe);
            foreach (var point in series)
            {
                var activity = journey.GetActivity(point.Activity).Name;
                w.Write($"<circle cx=\"{Numbers.Coordinate(X(column[point.Activity]))}\" cy=\"{Numbers.Coordinate(Y(point.AsIs))}\" r=\"4.5\" fill=\"{colour}\"><title>");
                Markup.Write(w, $"{persona.Name} at {activity}: as-is {HumanText.Emotion(point.AsIs, culture)}" + (point.Samples > 1 ? $", mean of {Numbers.Integer(point.Samples, culture)} emotions" : ""));
                w.Write("</title></circle>");
                if (point.ToBe is { } target)
                {
                    w.Write($"<circle cx=\"{Numbers.Coordinate(X(column[point.Activity]))}\" cy=\"{Numbers.Coordinate(Y(target))}\" r=\"4\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\"><title>");
                    Markup.Write(w, $"{persona.Name} at {activity}: to-be {HumanText.Emotion(target, culture)}");
                    w.Write("</title></circle>");
                }
            }

            w.Write('\n');

            // Legend: the persona's name, a sample of each line.
            var ly = legendTop + (i * 20);
            w.Write($"<g class=\"legend\"><line x1=\"{Numbers.Coordinate(left)}\" x2=\"{Numbers.Coordinate(left + 34)}\" y1=\"{Numbers.Coordinate(ly)}\" y2=\"{Numbers.Coordinate(ly)}\" stroke=\"{colour}\" stroke-width=\"2.5\"{DashAttribute(dash.AsIs)}/>");
            w.Write($"<text x=\"{Numbers.Coordinate(left + 40)}\" y=\"{Numbers.Coordinate(ly + 4)}\" fill=\"{ChartInk}\">as-is</text>");
            w.Write($"<line x1=\"{Numbers.Coordinate(left + 84)}\" x2=\"{Numbers.Coordinate(left + 118)}\" y1=\"{Numbers.Coordinate(ly)}\" y2=\"{Numbers.Coordinate(ly)}\" stroke=\"{colour}\" stroke-width=\"2.5\"{DashAttribute(dash.ToBe)}/>");
            w.Write($"<text x=\"{Numbers.Coordinate(left + 124)}\" y=\"{Numbers.Coordinate(ly + 4)}\" fill=\"{ChartInk}\">");
            w.Write(toBe.Count > 0 ? "to-be" : "to-be (none recorded)");
            w.Write($"</text><text x=\"{Numbers.Coordinate(left - 12)}\" y=\"{Numbers.Coordinate(ly + 4)}\" text-anchor=\"end\" font-weight=\"600\" fill=\"{ChartInk}\">");
            Markup.Write(w, Shorten(persona.Name, 18));
            w.Write("</text></g>\n");
        }

        w.Write("</svg></figure></section>\n");
    }

    /// <summary>The as-is line is solid for the first persona and patterned for the next, so the lines differ without colour; to-be is always a long dash.</summary>
    private static (string? AsIs, string ToBe) DashOf(int persona) => (persona % 3) switch
    {
        0 => (null, "8 5"),
        1 => ("2 3", "8 5"),
        _ => ("6 2 2 2", "8 5"),
    };

    private static string DashAttribute(string? dash) => dash is null ? "" : $" stroke-dasharray=\"{dash}\"";

    private static void Line(TextWriter w, IEnumerable<(double X, double Y)> points, string colour, string? dash)
    {
        var list = points.ToList();
        if (list.Count < 2)
        {
            return;
        }

        w.Write($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{DashAttribute(dash)} points=\"");
        w.Write(string.Join(' ', list.Select(p => Numbers.Coordinate(p.X) + "," + Numbers.Coordinate(p.Y))));
        w.Write("\"/>");
    }

    /// <summary>The funnel along one flow path, in one colour, with each step's share of the previous one, and a caption naming the path.</summary>
    private static void WriteFunnel(Journey journey, TextWriter w, IReadOnlyList<FunnelChartStep> steps, bool computed, CultureInfo culture)
    {
        w.Write("<section id=\"funnel\"><h2>Funnel</h2>\n");
        if (steps.Count == 0)
        {
            w.Write("<p class=\"meta\">No flows to follow.</p></section>\n");
            return;
        }

        w.Write("<p class=\"meta\">Along one flow path: ");
        for (var i = 0; i < steps.Count; i++)
        {
            if (i > 0)
            {
                w.Write(" → ");
            }

            Markup.Write(w, steps[i].Name);
        }

        w.Write(computed
            ? ". It starts at the busiest activity with an outgoing flow and follows, at each step, the flow to the busiest next activity; each count is the activity's latest Count metric."
            : ". Steps given by the host.");
        if (journey.TryGetActivity(steps[0].Activity, out _) && journey.FlowsTo(steps[0].Activity) is { Count: > 0 } feeders)
        {
            w.Write(' ');
            Markup.Write(w, steps[0].Name);
            w.Write(" is also reached from ");
            Markup.Write(w, string.Join(", ", feeders.Select(f => journey.TryGetActivity(f.From, out var a) ? a.Name : "?").Distinct()));
            w.Write(", not shown.");
        }

        w.Write("</p>\n");

        const double labelWidth = 210, barWidth = 380, rowHeight = 34, textWidth = 300;
        var max = steps.Max(s => s.Count ?? 0m);
        var height = (steps.Count * rowHeight) + 10;
        OpenChart(w, labelWidth + barWidth + textWidth, height, "funnel-chart", "Funnel along one flow path");
        var rises = new List<string>();
        FunnelChartStep? previous = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var y = 5 + (i * rowHeight);
            var fraction = max > 0 && step.Count is { } c ? (double)(c / max) : 0;
            var bar = Math.Max(2, fraction * barWidth);
            var x = labelWidth + ((barWidth - bar) / 2);
            w.Write($"<text x=\"{Numbers.Coordinate(labelWidth - 10)}\" y=\"{Numbers.Coordinate(y + 19)}\" text-anchor=\"end\" fill=\"{ChartInk}\">");
            Markup.Write(w, Shorten(step.Name, 30));
            w.Write("<title>");
            Markup.Write(w, step.Name);
            w.Write("</title></text>");
            w.Write($"<rect x=\"{Numbers.Coordinate(x)}\" y=\"{Numbers.Coordinate(y)}\" width=\"{Numbers.Coordinate(bar)}\" height=\"{Numbers.Coordinate(rowHeight - 6)}\" rx=\"4\" fill=\"{FunnelColour}\"/>");
            var rose = previous is { Count: { } b } && step.Count is { } n && n > b;
            var text = (step.Count is { } count ? Numbers.Exact(count, culture) : "no data")
                + (previous is { Count: { } before } && before != 0 && step.Count is { } now ? " · " + Numbers.Percent(now, before, culture) + " of previous" + (rose ? " *" : "") : "");
            if (rose)
            {
                var reachedFrom = journey.TryGetActivity(step.Activity, out _) ? journey.FlowsTo(step.Activity).Count : 0;
                rises.Add(step.Name + (reachedFrom > 1
                    ? $" counts more than {previous!.Name}: it is also reached from {Numbers.Integer(reachedFrom - 1, culture)} other {(reachedFrom == 2 ? "activity" : "activities")}"
                    : $" counts more than {previous!.Name}: the two counts are measured separately"));
            }

            w.Write($"<text x=\"{Numbers.Coordinate(labelWidth + barWidth + 10)}\" y=\"{Numbers.Coordinate(y + 19)}\" fill=\"{ChartMuted}\">");
            Markup.Write(w, text);
            w.Write("</text>\n");
            previous = step;
        }

        w.Write("</svg></figure>\n");
        foreach (var rise in rises)
        {
            w.Write("<p class=\"meta\">* ");
            Markup.Write(w, rise);
            w.Write(".</p>\n");
        }

        w.Write("</section>\n");
    }

    /// <summary>A figure holding an SVG chart that scales to its container's width (viewBox, width 100 %).</summary>
    private static void OpenChart(TextWriter w, double width, double height, string kind, string title)
    {
        w.Write($"<figure class=\"chart-box\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {kind}\" role=\"img\" viewBox=\"0 0 {Numbers.Coordinate(width)} {Numbers.Coordinate(height)}\" width=\"{Numbers.Coordinate(width)}\" height=\"{Numbers.Coordinate(height)}\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width:{Numbers.Coordinate(width)}px\" font-size=\"12\" font-family=\"system-ui, sans-serif\"><title>");
        Markup.Write(w, title);
        w.Write("</title>\n");
    }

    /// <summary>A small line of a metric's observations, oldest to newest, with the target as a dashed line when it lies in range.</summary>
    private static void WriteSparkline(TextWriter w, MetricWidget metric, CultureInfo culture)
    {
        const double width = 140, height = 32, pad = 3;
        var values = metric.Observations.Select(o => (double)o.Value).ToList();
        var min = values.Min();
        var max = values.Max();
        if (metric.Target is { } t)
        {
            min = Math.Min(min, (double)t);
            max = Math.Max(max, (double)t);
        }

        var span = max - min;
        double X(int i) => values.Count == 1 ? width / 2 : pad + (i * (width - (2 * pad)) / (values.Count - 1));
        double Y(double v) => span == 0 ? height / 2 : height - pad - ((v - min) / span * (height - (2 * pad)));
        w.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" role=\"img\" viewBox=\"0 0 {Numbers.Coordinate(width)} {Numbers.Coordinate(height)}\" width=\"{Numbers.Coordinate(width)}\" height=\"{Numbers.Coordinate(height)}\"><title>");
        Markup.Write(w, $"{metric.Title}: {Numbers.Integer(values.Count, culture)} observations from {Numbers.Exact(metric.Observations.Min(o => o.Value), culture)} to {Numbers.Exact(metric.Observations.Max(o => o.Value), culture)}");
        w.Write("</title>");
        if (metric.Target is { } target)
        {
            var ty = Numbers.Coordinate(Y((double)target));
            w.Write($"<line x1=\"0\" x2=\"{Numbers.Coordinate(width)}\" y1=\"{ty}\" y2=\"{ty}\" stroke=\"#94a3b8\" stroke-dasharray=\"3 3\"/>");
        }

        if (values.Count > 1)
        {
            w.Write($"<polyline fill=\"none\" stroke=\"{FunnelColour}\" stroke-width=\"1.6\" points=\"");
            w.Write(string.Join(' ', values.Select((v, i) => Numbers.Coordinate(X(i)) + "," + Numbers.Coordinate(Y(v)))));
            w.Write("\"/>");
        }

        w.Write($"<circle cx=\"{Numbers.Coordinate(X(values.Count - 1))}\" cy=\"{Numbers.Coordinate(Y(values[^1]))}\" r=\"2.5\" fill=\"{FunnelColour}\"/></svg>");
    }
}
