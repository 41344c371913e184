using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Rendering;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>Draws the activity map as one self-contained SVG document (inline styles, no external references, no script).</summary>
/// <remarks>
/// Phases are coloured lanes; activities are boxes with their phase's colour as a stripe; tree links are grey lines and
/// flows are arrows; labels are wrapped to two lines and truncated, with the full text as a tooltip (<c>&lt;title&gt;</c>).
/// All user text is escaped with <see cref="Markup"/>. Thread-safe; the journey must not change while it is drawn.
/// </remarks>
public static partial class SvgMapRenderer
{
    private const int LabelLines = 2;
    private const double CharWidth = 6.6;

    /// <summary>Lays out the journey and writes the SVG map.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">Warnings and layout sizes; <see cref="SvgMapOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or the options' <see cref="SvgMapOptions.TimeZone"/> or <see cref="SvgMapOptions.Culture"/> is.</exception>
    public static void Write(Journey journey, TextWriter writer, SvgMapOptions? options = null)
    {
        Guard.Against.Null(journey);
        options ??= SvgMapOptions.Default;
        Write(journey, ActivityMapLayout.Compute(journey, options.Layout), writer, options);
    }

    /// <summary>Writes the SVG map from a layout made earlier for the same journey.</summary>
    /// <param name="journey">The journey the layout was computed for.</param>
    /// <param name="layout">The layout.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">Warnings; <see cref="SvgMapOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or the options' <see cref="SvgMapOptions.TimeZone"/> or <see cref="SvgMapOptions.Culture"/> is.</exception>
    /// <exception cref="ArgumentException">The layout names an activity or phase the journey does not have.</exception>
    public static void Write(Journey journey, MapLayout layout, TextWriter writer, SvgMapOptions? options = null) =>
        Write(journey, layout, writer, options, CancellationToken.None);

    /// <summary>Lays out the journey and writes the SVG map to a stream as UTF-8.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="options">Warnings and layout sizes.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or the options' <see cref="SvgMapOptions.TimeZone"/> or <see cref="SvgMapOptions.Culture"/> is.</exception>
    public static Task WriteAsync(Journey journey, Stream stream, SvgMapOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(journey);
        options ??= SvgMapOptions.Default;
        return Output.WriteAsync(stream, w => Write(journey, ActivityMapLayout.Compute(journey, options.Layout), w, options, cancellationToken), cancellationToken);
    }

    /// <summary>Returns the SVG map as a string.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="options">Warnings and layout sizes.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or the options' <see cref="SvgMapOptions.TimeZone"/> or <see cref="SvgMapOptions.Culture"/> is.</exception>
    public static string ToSvg(Journey journey, SvgMapOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(journey, writer, options);
        return writer.ToString();
    }

    internal static void Write(Journey journey, MapLayout layout, TextWriter w, SvgMapOptions? options, CancellationToken cancellationToken)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(layout);
        Guard.Against.Null(w);
        options ??= SvgMapOptions.Default;
        Guard.Against.Null(options.TimeZone, nameof(options), "SvgMapOptions.TimeZone must not be null: leave it out for UTC.");
        Guard.Against.Null(options.Culture, nameof(options), "SvgMapOptions.Culture must not be null: leave it out for the invariant culture.");
        var warnings = new WarningIndex(journey, WarningIndex.Merge(options.Warnings, options.View));
        var width = Math.Max(Math.Max(layout.Width, 1), options.Legend ? Legend.Width : 0);
        var height = Math.Max(layout.Height, 1) + (options.Legend ? Legend.Height : 0);

        // A static map is one image; with links or focusable boxes inside, it is a group (an image's children are hidden
        // from assistive technology, links and controls included).
        w.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ood-map\" role=\"");
        w.Write(options.LinkNodes || options.Focusable ? "group" : "img");
        w.Write("\" width=\"");
        w.Write(Numbers.Coordinate(width));
        w.Write("\" height=\"");
        w.Write(Numbers.Coordinate(height));
        w.Write("\" viewBox=\"0 0 ");
        w.Write(Numbers.Coordinate(width));
        w.Write(' ');
        w.Write(Numbers.Coordinate(height));
        w.Write("\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n<title>");
        Markup.Write(w, journey.Name);
        w.Write(" — activity map</title>\n");
        w.Write("<defs><marker id=\"ood-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#334155\"/></marker></defs>\n");

        var userText = UserText.Of(journey);
        foreach (var lane in layout.Lanes)
        {
            var phase = journey.FindPhase(lane.PhaseId) ?? throw new ArgumentException($"The layout names phase {lane.PhaseId}, which the journey '{journey.Name}' does not have.", nameof(layout));
            WriteLane(w, lane, phase, warnings.For(phase.Id.Value), options, userText);
        }

        if (layout.Bands.Count > 0)
        {
            WriteBlueprint(w, journey, layout);
        }

        foreach (var edge in layout.Edges)
        {
            if (edge.Kind == MapEdgeKind.Tree)
            {
                w.Write("<path class=\"ood-tree\" fill=\"none\" stroke=\"#94a3b8\" stroke-width=\"1.5\" d=\"");
                WritePath(w, edge.Points());
                w.Write("\"/>\n");
            }
        }

        // Flows are routed around the boxes by the layout; their arrowheads end on the box sides, and their labels go on top.
        foreach (var edge in layout.Edges)
        {
            if (edge.Kind == MapEdgeKind.Flow)
            {
                WriteFlow(w, edge);
            }
        }

        var nodeCount = 0;
        foreach (var node in layout.Nodes)
        {
            if ((++nodeCount & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!journey.TryGetActivity(node.ActivityId, out var activity))
            {
                throw new ArgumentException($"The layout names activity {node.ActivityId}, which the journey '{journey.Name}' does not have.", nameof(layout));
            }

            if (options.LinkNodes)
            {
                // Inside the HTML report: the box is a link to the activity's section. Its name is the box's own text (the
                // activity's name and warning count): a label unlike the visible text fails WCAG 2.5.3 (label in name).
                w.Write("<a class=\"ood-node-link\" href=\"#");
                w.Write(HtmlReportRenderer.ActivityAnchor(activity.Id));
                w.Write("\">");
            }

            WriteNode(w, node, activity, Math.Max(0, journey.PhaseIndex(activity.PhaseId)), warnings.For(activity.Id.Value), options.Focusable, options, userText);
            if (options.LinkNodes)
            {
                w.Write("</a>");
            }
        }

        // Flow labels last, on a white plate, where they cover no box (nor its outline) and no other label; a plate off its arrow has a leader line to it.
        foreach (var label in FlowLabels.Place(layout))
        {
            var b = label.Box;
            w.Write("<g class=\"ood-flow-label\">");
            if (label.HasLeader)
            {
                var end = label.LeaderEnd;
                w.Write($"<line class=\"ood-leader\" x1=\"{Numbers.Coordinate(label.Anchor.X)}\" y1=\"{Numbers.Coordinate(label.Anchor.Y)}\" x2=\"{Numbers.Coordinate(end.X)}\" y2=\"{Numbers.Coordinate(end.Y)}\" stroke=\"#334155\" stroke-width=\"0.8\"/><circle class=\"ood-leader-dot\" cx=\"{Numbers.Coordinate(label.Anchor.X)}\" cy=\"{Numbers.Coordinate(label.Anchor.Y)}\" r=\"1.8\" fill=\"#334155\"/>");
            }

            Rect(w, b.X, b.Y, b.Width, b.Height, "#ffffff", 3, " fill-opacity=\"0.9\"");
            Text(w, b.X + (b.Width / 2), b.Y + (b.Height / 2) + 3.5, [label.Text], "#334155", bold: false, size: FlowLabels.FontSize, anchor: "middle");
            w.Write("</g>\n");
        }

        if (options.Legend)
        {
            Legend.Write(w, 8, Math.Max(layout.Height, 1) + 8);
        }

        w.Write("</svg>\n");
    }

    private static void WriteLane(TextWriter w, PhaseLane lane, Phase phase, IReadOnlyList<Warning> warnings, SvgMapOptions options, UserText userText)
    {
        var b = lane.Bounds;
        var h = lane.Header;
        w.Write("<g class=\"ood-lane\" data-phase-id=\"");
        w.Write(phase.Id.Value.ToString("D", CultureInfo.InvariantCulture));
        w.Write("\"><title>");
        Markup.Write(w, phase.Name);
        if (phase.CustomerGoal is { } goal)
        {
            w.Write(" — ");
            Markup.Write(w, goal);
        }

        w.Write("</title>");
        Rect(w, b.X, b.Y, b.Width, b.Height, Palette.PhaseLight(lane.Index), 8);
        Rect(w, h.X, h.Y, h.Width, h.Height, Palette.PhaseStrong(lane.Index), 8);
        var chars = (int)((h.Width - 40) / 7.4);
        Text(w, h.X + 14, h.Y + 24, LineWrap.Wrap(phase.Name, Math.Max(4, chars), 1), "#ffffff", bold: true, size: 15);
        if (phase.CustomerGoal is { } customerGoal)
        {
            Text(w, h.X + 14, h.Y + 43, LineWrap.Wrap(customerGoal, Math.Max(4, (int)((h.Width - 28) / 6)), 1), "#ffffff", bold: false, size: 11);
        }

        if (warnings.Count > 0)
        {
            Badge(w, h.Right - 16, h.Y + 16, warnings, options, userText);
        }

        w.Write("</g>\n");
    }

    private static void WriteNode(TextWriter w, NodeBox node, Activity activity, int phaseIndex, IReadOnlyList<Warning> warnings, bool focusable, SvgMapOptions options, UserText userText)
    {
        var b = node.Bounds;
        var worst = warnings.Count > 0 ? WarningIndex.Worst(warnings) : (WarningSeverity?)null;
        w.Write("<g class=\"ood-node\"");
        if (worst is { } severity)
        {
            w.Write(" data-severity=\"");
            w.Write(SeverityName(severity));
            w.Write('"');
        }

        w.Write(" data-activity-id=\"");
        w.Write(activity.Id.Value.ToString("D", CultureInfo.InvariantCulture));
        w.Write('"');
        if (focusable)
        {
            // Named by its <title> (the name and the warning summary), not aria-label: a label would have to contain the
            // box's visible, wrapped and possibly shortened text word for word.
            w.Write(" tabindex=\"0\" role=\"button\"");
        }

        w.Write("><title>");
        Markup.Write(w, activity.Name);
        WriteWarningSummary(w, warnings, worst, options.Culture);
        w.Write("</title>");
        if (worst is { } outlined)
        {
            // The outline in the severity's colour, thicker (and solid) the more severe; the title and the badge say it in words and numbers.
            Rect(w, b.X, b.Y, b.Width, b.Height, "#ffffff", 6, OutlineAttributes(outlined));
        }
        else
        {
            Rect(w, b.X, b.Y, b.Width, b.Height, "#ffffff", 6, " stroke=\"#cbd5e1\"");
        }

        Rect(w, b.X, b.Y, 6, b.Height, Palette.PhaseStrong(phaseIndex), 3);
        var chars = (int)((b.Width - 40) / CharWidth);
        var lines = LineWrap.Wrap(activity.Name, Math.Max(4, chars), LabelLines);
        var top = b.Y + (b.Height / 2) - ((lines.Count - 1) * 7.5) + 4;
        Text(w, b.X + 14, top, lines, "#0f172a", bold: false, size: 12);
        if (warnings.Count > 0)
        {
            Badge(w, b.Right - 13, b.Y + 13, warnings, options, userText);
        }

        w.Write("</g>\n");
    }

    /// <summary>The stroke of a flagged box: the severity's colour; 3.5 units for critical, 3 for warning, 2 and dashed for info.</summary>
    internal static string OutlineAttributes(WarningSeverity severity) => severity switch
    {
        WarningSeverity.Critical => " stroke=\"" + Palette.Severity(severity) + "\" stroke-width=\"3.5\"",
        WarningSeverity.Warning => " stroke=\"" + Palette.Severity(severity) + "\" stroke-width=\"3\"",
        _ => " stroke=\"" + Palette.Severity(severity) + "\" stroke-width=\"2\" stroke-dasharray=\"5 3\"",
    };

    /// <summary>The lower-case name of a severity, as in CSS classes and text: "critical", "warning", "info".</summary>
    internal static string SeverityName(WarningSeverity severity) => severity switch
    {
        WarningSeverity.Critical => "critical",
        WarningSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>" — 2 open warnings, most severe: critical" (nothing when there are none).</summary>
    private static void WriteWarningSummary(TextWriter w, IReadOnlyList<Warning> warnings, WarningSeverity? worst, CultureInfo culture)
    {
        if (worst is not { } severity)
        {
            return;
        }

        w.Write(" — ");
        if (warnings.Count == 1)
        {
            w.Write("1 open warning, ");
            w.Write(SeverityName(severity));
            return;
        }

        w.Write(Numbers.Integer(warnings.Count, culture));
        w.Write(" open warnings, most severe: ");
        w.Write(SeverityName(severity));
    }

    private static void WriteFlow(TextWriter w, MapEdge edge)
    {
        w.Write("<path class=\"ood-flow\" fill=\"none\" stroke=\"#334155\" stroke-width=\"1.6\" stroke-linejoin=\"round\" stroke-dasharray=\"5 3\" marker-end=\"url(#ood-arrow)\" d=\"");
        WritePath(w, edge.Points());
        w.Write("\">");
        if (edge.Label is { } label)
        {
            w.Write("<title>");
            Markup.Write(w, label);
            w.Write("</title>");
        }

        w.Write("</path>\n");
    }

    /// <summary>Writes "M x,y L x,y …" through the points.</summary>
    private static void WritePath(TextWriter w, IReadOnlyList<Point> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            w.Write(i == 0 ? "M" : " L");
            w.Write(Numbers.Coordinate(points[i].X));
            w.Write(',');
            w.Write(Numbers.Coordinate(points[i].Y));
        }
    }

    private static void Badge(TextWriter w, double cx, double cy, IReadOnlyList<Warning> warnings, SvgMapOptions options, UserText userText)
    {
        var worst = WarningIndex.Worst(warnings);
        w.Write("<g class=\"ood-badge ood-");
        w.Write(SeverityName(worst));
        // Hidden from assistive technology: the box's own name already says how many warnings and how severe, and the
        // badge's count would otherwise be visible text missing from that name.
        w.Write("\" aria-hidden=\"true\"><title>");
        foreach (var warning in warnings)
        {
            w.Write(warning.Severity.ToString());
            w.Write(": ");
            Markup.Write(w, DisplayText.Localize(warning.Message, options.TimeZone, options.Culture, userText));
            w.Write('\n');
        }

        w.Write("</title><circle cx=\"");
        w.Write(Numbers.Coordinate(cx));
        w.Write("\" cy=\"");
        w.Write(Numbers.Coordinate(cy));
        w.Write("\" r=\"9\" fill=\"");
        w.Write(Palette.Severity(worst));
        w.Write("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
        Text(w, cx, cy + 4, [warnings.Count > 9 ? "9+" : Numbers.Integer(warnings.Count, options.Culture)], "#ffffff", bold: true, size: 10, anchor: "middle");
        w.Write("</g>");
    }

    /// <summary>Writes a rounded rectangle; <paramref name="attributes"/> (for example a stroke) go after the fill.</summary>
    internal static void Rect(TextWriter w, double x, double y, double width, double height, string fill, double radius, string attributes = "")
    {
        w.Write("<rect x=\"");
        w.Write(Numbers.Coordinate(x));
        w.Write("\" y=\"");
        w.Write(Numbers.Coordinate(y));
        w.Write("\" width=\"");
        w.Write(Numbers.Coordinate(width));
        w.Write("\" height=\"");
        w.Write(Numbers.Coordinate(height));
        w.Write("\" rx=\"");
        w.Write(Numbers.Coordinate(radius));
        w.Write("\" fill=\"");
        w.Write(fill);
        w.Write('"');
        w.Write(attributes);
        w.Write("/>");
    }

    internal static void Text(TextWriter w, double x, double y, List<string> lines, string fill, bool bold, double size, string anchor = "start", bool halo = false)
    {
        w.Write("<text x=\"");
        w.Write(Numbers.Coordinate(x));
        w.Write("\" y=\"");
        w.Write(Numbers.Coordinate(y));
        w.Write("\" fill=\"");
        w.Write(fill);
        w.Write("\" font-size=\"");
        w.Write(Numbers.Coordinate(size));
        w.Write('"');
        if (bold)
        {
            w.Write(" font-weight=\"600\"");
        }

        if (halo)
        {
            // A white outline under the glyphs keeps a label readable where it crosses a line or a box.
            w.Write(" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
        }

        if (anchor != "start")
        {
            w.Write(" text-anchor=\"");
            w.Write(anchor);
            w.Write('"');
        }

        w.Write('>');
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0)
            {
                w.Write("<tspan>");
            }
            else
            {
                w.Write("<tspan x=\"");
                w.Write(Numbers.Coordinate(x));
                w.Write("\" dy=\"15\">");
            }

            Markup.Write(w, lines[i]);
            w.Write("</tspan>");
        }

        w.Write("</text>");
    }
}
