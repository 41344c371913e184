using System.IO;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>The map's legend: a strip below the map showing a flow, a tree link and the three severity outlines, each named.</summary>
internal static class Legend
{
    /// <summary>The strip's height, its margins included.</summary>
    public const double Height = 44;

    /// <summary>The width the legend needs, its margins included.</summary>
    public const double Width = 640;

    /// <summary>Writes the legend with its top left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Write(TextWriter w, double x, double y)
    {
        w.Write("<g class=\"ood-legend\" role=\"list\" aria-label=\"Legend\"><title>Legend</title>");
        var mid = y + 14;
        Item(w, "flow: customers go on to the activity the arrow points at");
        w.Write("<path fill=\"none\" stroke=\"#334155\" stroke-width=\"1.6\" stroke-dasharray=\"5 3\" marker-end=\"url(#ood-arrow)\" d=\"M");
        w.Write(Numbers.Coordinate(x));
        w.Write(',');
        w.Write(Numbers.Coordinate(mid));
        w.Write(" L");
        w.Write(Numbers.Coordinate(x + 34));
        w.Write(',');
        w.Write(Numbers.Coordinate(mid));
        w.Write("\"/>");
        SvgMapRenderer.Text(w, x + 40, mid + 4, ["flow"], "#334155", bold: false, size: 11);
        w.Write("</g>");

        var cx = x + 80;
        Item(w, "tree link: the activity is part of the one on the left");
        w.Write("<path fill=\"none\" stroke=\"#94a3b8\" stroke-width=\"1.5\" d=\"M");
        w.Write(Numbers.Coordinate(cx));
        w.Write(',');
        w.Write(Numbers.Coordinate(mid - 6));
        w.Write(" L");
        w.Write(Numbers.Coordinate(cx + 14));
        w.Write(',');
        w.Write(Numbers.Coordinate(mid - 6));
        w.Write(" L");
        w.Write(Numbers.Coordinate(cx + 14));
        w.Write(',');
        w.Write(Numbers.Coordinate(mid + 6));
        w.Write(" L");
        w.Write(Numbers.Coordinate(cx + 28));
        w.Write(',');
        w.Write(Numbers.Coordinate(mid + 6));
        w.Write("\"/>");
        SvgMapRenderer.Text(w, cx + 34, mid + 4, ["part of"], "#334155", bold: false, size: 11);
        w.Write("</g>");

        cx += 110;
        foreach (var (severity, text) in new[] { (WarningSeverity.Critical, "critical warning"), (WarningSeverity.Warning, "warning"), (WarningSeverity.Info, "info") })
        {
            Item(w, "outline of an activity whose most severe open warning is " + SvgMapRenderer.SeverityName(severity));
            SvgMapRenderer.Rect(w, cx, mid - 9, 30, 18, "#ffffff", 4, SvgMapRenderer.OutlineAttributes(severity));
            SvgMapRenderer.Text(w, cx + 36, mid + 4, [text], "#334155", bold: false, size: 11);
            w.Write("</g>");
            cx += severity == WarningSeverity.Critical ? 140 : 100;
        }

        w.Write("</g>\n");
    }

    private static void Item(TextWriter w, string description)
    {
        w.Write("<g class=\"ood-legend-item\" role=\"listitem\"><title>");
        w.Write(description);
        w.Write("</title>");
    }
}
