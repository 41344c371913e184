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
    /// line and a dashed to-be line, each broken where the persona has no score at a touchpoint (a lone score is its
    /// marker alone); personas told apart by colour and by marker shape; the phases named under their touchpoints; the
    /// legend below everything, clear of the plot.
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

        // Units are CSS pixels at full size. margin: around everything; left: the score labels' column.
        const double margin = 16, left = 150, top = 22, plotHeight = 200, step = 78, labelDepth = 110, legendRow = 22;
        var feeling = points.Select(p => p.Persona).ToHashSet();
        var personas = journey.Personas.Where(p => feeling.Contains(p.Id)).ToList();
        double Y(double score) => top + ((2 - Math.Clamp(score, -2, 2)) / 4 * plotHeight);
        double X(int index) => left + (step / 2) + (index * step);
        var plot = new Box(left - 6, top - 8, (columns.Count * step) + 6, plotHeight + 16);
        var bandY = top + plotHeight + labelDepth;
        var legend = new Box(margin, bandY + 34, LegendWidth, personas.Count * legendRow);
        var width = Math.Max(plot.Right, legend.Right) + margin;
        var height = legend.Bottom + margin;

        w.Write("<p class=\"meta\">One point per touchpoint that has an emotion, in map order. Solid lines: as-is; dashed lines: to-be; a line breaks where the persona has no emotion at a touchpoint. On a narrow screen, scroll the chart sideways.</p>\n");
        OpenChart(w, width, height, "emotion-chart", "Emotion per touchpoint and persona, from very negative (−2) to very positive (+2): solid as-is, dashed to-be", scrolls: true);
        w.Write($"<rect class=\"plot-area\" x=\"{Numbers.Coordinate(plot.X)}\" y=\"{Numbers.Coordinate(plot.Y)}\" width=\"{Numbers.Coordinate(plot.Width)}\" height=\"{Numbers.Coordinate(plot.Height)}\" fill=\"#ffffff\"/>\n");
        for (var s = -2; s <= 2; s++)
        {
            var y = Numbers.Coordinate(Y(s));
            w.Write($"<line x1=\"{Numbers.Coordinate(plot.X)}\" x2=\"{Numbers.Coordinate(plot.Right)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{(s == 0 ? "#94a3b8" : "#e2e8f0")}\"/>");
            w.Write($"<text x=\"{Numbers.Coordinate(left - 12)}\" y=\"{Numbers.Coordinate(Y(s) + 4)}\" text-anchor=\"end\" fill=\"{ChartMuted}\">{Markup.Escape(HumanText.Emotion(s))}</text>\n");
        }

        // Phase bands: a tick under the first and last touchpoint of each phase, the phase's name below.
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
            w.Write($"<text transform=\"translate({x},{Numbers.Coordinate(plot.Bottom + 12)}) rotate(-40)\" text-anchor=\"end\" fill=\"{ChartInk}\">");
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
            var asIs = series.Select(x => (column[x.Activity], Y(x.AsIs))).ToList();
            var toBe = series.Where(x => x.ToBe is not null).Select(x => (column[x.Activity], Y(x.ToBe!.Value))).ToList();
            w.Write($"<g class=\"persona\" data-persona=\"{Numbers.Integer(i, CultureInfo.InvariantCulture)}\">");
            Segments(w, asIs, X, colour, "as-is", dash: null);
            Segments(w, toBe, X, colour, "to-be", dash: ToBeDash);
            foreach (var point in series)
            {
                var activity = journey.GetActivity(point.Activity).Name;
                var x = X(column[point.Activity]);
                Marker(w, i, x, Y(point.AsIs), colour, hollow: false, $"{persona.Name} at {activity}: as-is {HumanText.Emotion(point.AsIs, culture)}" + (point.Samples > 1 ? $", mean of {Numbers.Integer(point.Samples, culture)} emotions" : ""));
                if (point.ToBe is { } target)
                {
                    Marker(w, i, x, Y(target), colour, hollow: true, $"{persona.Name} at {activity}: to-be {HumanText.Emotion(target, culture)}");
                }
            }

            w.Write("</g>\n");

            // Legend: the persona's name, then a sample of each line with the persona's marker on it.
            var ly = legend.Y + (i * legendRow) + (legendRow / 2);
            var lx = legend.X + 130;
            w.Write($"<g class=\"legend\"><text x=\"{Numbers.Coordinate(legend.X)}\" y=\"{Numbers.Coordinate(ly + 4)}\" font-weight=\"600\" fill=\"{ChartInk}\">");
            Markup.Write(w, Shorten(persona.Name, 18));
            w.Write("<title>");
            Markup.Write(w, persona.Name);
            w.Write("</title></text>");
            w.Write($"<line x1=\"{Numbers.Coordinate(lx)}\" x2=\"{Numbers.Coordinate(lx + 34)}\" y1=\"{Numbers.Coordinate(ly)}\" y2=\"{Numbers.Coordinate(ly)}\" stroke=\"{colour}\" stroke-width=\"2.5\"/>");
            Marker(w, i, lx + 17, ly, colour, hollow: false, null);
            w.Write($"<text x=\"{Numbers.Coordinate(lx + 40)}\" y=\"{Numbers.Coordinate(ly + 4)}\" fill=\"{ChartInk}\">as-is</text>");
            w.Write($"<line x1=\"{Numbers.Coordinate(lx + 90)}\" x2=\"{Numbers.Coordinate(lx + 124)}\" y1=\"{Numbers.Coordinate(ly)}\" y2=\"{Numbers.Coordinate(ly)}\" stroke=\"{colour}\" stroke-width=\"2.5\"{DashAttribute(ToBeDash)}/>");
            Marker(w, i, lx + 107, ly, colour, hollow: true, null);
            w.Write($"<text x=\"{Numbers.Coordinate(lx + 130)}\" y=\"{Numbers.Coordinate(ly + 4)}\" fill=\"{ChartInk}\">");
            w.Write(toBe.Count > 0 ? "to-be" : "to-be (none recorded)");
            w.Write("</text></g>\n");
        }

        w.Write($"<rect class=\"legend-box\" x=\"{Numbers.Coordinate(legend.X)}\" y=\"{Numbers.Coordinate(legend.Y)}\" width=\"{Numbers.Coordinate(legend.Width)}\" height=\"{Numbers.Coordinate(legend.Height)}\" fill=\"none\"/>\n");
        w.Write("</svg></figure></section>\n");
    }

    /// <summary>The width of the emotion chart's legend: the persona's name (18 characters), the as-is and the to-be sample.</summary>
    private const double LegendWidth = 130 + 130 + 130;

    /// <summary>The to-be line's dash pattern; the as-is line is solid.</summary>
    private const string ToBeDash = "8 5";

    private static string DashAttribute(string? dash) => dash is null ? "" : $" stroke-dasharray=\"{dash}\"";

    /// <summary>
    /// One path of a persona's line: a subpath (an <c>M</c>) per run of scores at neighbouring touchpoints, so the line
    /// breaks where the persona has no score; a run of one score draws nothing (its marker shows it). Nothing when no
    /// two scores are neighbours.
    /// </summary>
    /// <param name="w">Where to write.</param>
    /// <param name="points">The persona's scores: touchpoint index (ascending) and height.</param>
    /// <param name="x">The horizontal position of a touchpoint index.</param>
    /// <param name="colour">The persona's colour.</param>
    /// <param name="kind">"as-is" or "to-be", the path's class.</param>
    /// <param name="dash">The dash pattern, or <see langword="null"/> for solid.</param>
    private static void Segments(TextWriter w, List<(int Index, double Y)> points, Func<int, double> x, string colour, string kind, string? dash)
    {
        var d = new System.Text.StringBuilder();
        for (var start = 0; start < points.Count;)
        {
            var end = start;
            while (end + 1 < points.Count && points[end + 1].Index == points[end].Index + 1)
            {
                end++;
            }

            if (end > start)
            {
                for (var k = start; k <= end; k++)
                {
                    d.Append(k == start ? (d.Length == 0 ? "M" : " M") : " L");
                    d.Append(Numbers.Coordinate(x(points[k].Index))).Append(',').Append(Numbers.Coordinate(points[k].Y));
                }
            }

            start = end + 1;
        }

        if (d.Length > 0)
        {
            w.Write($"<path class=\"{kind}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"{DashAttribute(dash)} d=\"{d}\"/>");
        }
    }

    /// <summary>
    /// A persona's marker: a circle for the first persona, a square for the second, a diamond for the third, and so on
    /// round; filled for as-is, white with a coloured edge for to-be. About 9 units across.
    /// </summary>
    private static void Marker(TextWriter w, int persona, double x, double y, string colour, bool hollow, string? title)
    {
        var paint = hollow ? $"fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"2\"" : $"fill=\"{colour}\"";
        var (cx, cy) = (Numbers.Coordinate(x), Numbers.Coordinate(y));
        var element = (persona % 3) switch
        {
            0 => "circle",
            1 => "rect",
            _ => "path",
        };
        w.Write((persona % 3) switch
        {
            0 => $"<circle class=\"marker\" cx=\"{cx}\" cy=\"{cy}\" r=\"4.5\" {paint}",
            1 => $"<rect class=\"marker\" x=\"{Numbers.Coordinate(x - 4)}\" y=\"{Numbers.Coordinate(y - 4)}\" width=\"8\" height=\"8\" {paint}",
            _ => $"<path class=\"marker\" d=\"M{cx},{Numbers.Coordinate(y - 5.5)} L{Numbers.Coordinate(x + 5.5)},{cy} L{cx},{Numbers.Coordinate(y + 5.5)} L{Numbers.Coordinate(x - 5.5)},{cy} Z\" {paint}",
        });
        if (title is null)
        {
            w.Write("/>");
            return;
        }

        w.Write("><title>");
        Markup.Write(w, title);
        w.Write($"</title></{element}>");
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
            ? ". It starts at the busiest activity with an outgoing flow and follows, at each step, the flow to the busiest next activity; each count is the latest value of the activity's first count metric where more is better."
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

    /// <summary>
    /// A figure holding an SVG chart that scales to its container's width (viewBox, width 100 %). When
    /// <paramref name="scrolls"/>, the chart shrinks no further than the stylesheet's minimum width (so its text stays
    /// readable on a phone) and the figure scrolls sideways instead; it is then focusable, so keyboards can scroll it.
    /// </summary>
    private static void OpenChart(TextWriter w, double width, double height, string kind, string title, bool scrolls = false)
    {
        w.Write(scrolls ? "<figure class=\"chart-box scrolls\" role=\"region\" tabindex=\"0\" aria-label=\"" : "<figure class=\"chart-box\"");
        if (scrolls)
        {
            Markup.Write(w, title);
            w.Write(", scrolls sideways on a narrow screen\"");
        }

        w.Write($"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {kind}\" role=\"img\" viewBox=\"0 0 {Numbers.Coordinate(width)} {Numbers.Coordinate(height)}\" width=\"{Numbers.Coordinate(width)}\" height=\"{Numbers.Coordinate(height)}\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width:{Numbers.Coordinate(width)}px\" font-size=\"12\" font-family=\"system-ui, sans-serif\"><title>");
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
