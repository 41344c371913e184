using System;
using System.IO;

namespace OutOfDark.Rendering;

/// <summary>The service-blueprint bands and lines over the phase columns.</summary>
public static partial class SvgMapRenderer
{
    private static void WriteBlueprint(TextWriter w, Journey journey, MapLayout layout)
    {
        foreach (var band in layout.Bands)
        {
            var lane = journey.FindLane(band.LaneId) ?? throw new ArgumentException($"The layout names lane '{band.LaneId}', which the journey '{journey.Name}' does not have.", nameof(layout));
            var b = band.Bounds;
            w.Write("<g class=\"ood-band\" data-lane=\"");
            Markup.Write(w, band.LaneId.Value);
            w.Write("\"><title>");
            Markup.Write(w, lane.Name);
            w.Write("</title>");
            if (band.Index % 2 == 1)
            {
                Rect(w, b.X, b.Y, b.Width, b.Height, "#0f172a", 0, " fill-opacity=\"0.04\"");
            }

            w.Write("<line x1=\"");
            w.Write(Numbers.Coordinate(b.X));
            w.Write("\" y1=\"");
            w.Write(Numbers.Coordinate(b.Y));
            w.Write("\" x2=\"");
            w.Write(Numbers.Coordinate(b.Right));
            w.Write("\" y2=\"");
            w.Write(Numbers.Coordinate(b.Y));
            w.Write("\" stroke=\"#cbd5e1\" stroke-width=\"1\"/>");
            Text(w, b.X + 8, band.Label.Y + 15, LineWrap.Wrap(lane.Name, 60, 1), "#334155", bold: true, size: 11, halo: true);
            w.Write("</g>\n");
        }

        foreach (var line in layout.Lines)
        {
            w.Write("<g class=\"ood-blueprint-line ood-");
            w.Write(line.Line switch { BlueprintLine.Interaction => "interaction", BlueprintLine.Visibility => "visibility", _ => "internal-interaction" });
            w.Write("\"><title>");
            w.Write(line.Name);
            w.Write("</title><line x1=\"");
            w.Write(Numbers.Coordinate(line.Start.X));
            w.Write("\" y1=\"");
            w.Write(Numbers.Coordinate(line.Start.Y));
            w.Write("\" x2=\"");
            w.Write(Numbers.Coordinate(line.End.X));
            w.Write("\" y2=\"");
            w.Write(Numbers.Coordinate(line.End.Y));
            w.Write("\" stroke=\"#0f172a\" stroke-width=\"1.5\" stroke-dasharray=\"");
            w.Write(line.Line switch { BlueprintLine.Interaction => "8 3", BlueprintLine.Visibility => "2 3", _ => "8 3 2 3" });
            w.Write("\"/>");
            Text(w, line.End.X - 8, line.End.Y - 5, [line.Name], "#0f172a", bold: false, size: 10, anchor: "end", halo: true);
            w.Write("</g>\n");
        }
    }
}
