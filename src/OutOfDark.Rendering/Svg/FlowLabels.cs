using System;
using System.Collections.Generic;
using OutOfDark.Rendering;

namespace OutOfDark.Rendering;

/// <summary>A flow's label, placed: its one line of text and the box it takes.</summary>
internal readonly record struct PlacedLabel(string Text, Box Box);

/// <summary>
/// Places flow labels along their arrows where they cover no activity box and no other label: the middle of the curve
/// first, then points further along it, each also a line above and below. Where every candidate is taken, the one
/// covering least wins. Boxes are looked up in a grid, so placing is linear in the number of labels and boxes.
/// </summary>
internal static class FlowLabels
{
    /// <summary>The label's font size.</summary>
    public const double FontSize = 10;

    /// <summary>The most characters a label shows; the whole text is the arrow's tooltip.</summary>
    public const int MaxChars = 24;

    /// <summary>An upper estimate of a glyph's width at <see cref="FontSize"/> in the map's sans-serif font.</summary>
    private const double CharWidth = 6.2;

    private const double Padding = 4;

    private const double Height = 14;

    private const double Cell = 128;

    private static readonly double[] Along = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86];

    private static readonly double[] Shifts = [0, -Height - 2, Height + 2, -(2 * Height) - 4, (2 * Height) + 4];

    // Where the coarse candidates are all taken: every 2 px up to four lines above and below, which finds the gaps
    // between rows of boxes.
    private static readonly double[] FineShifts = FineSteps();

    /// <summary>The control points of a flow's arrow: a cubic curve leaving and entering its boxes horizontally.</summary>
    /// <param name="edge">The flow edge.</param>
    /// <returns>Start, first and second control point, end.</returns>
    public static (Point Start, Point C1, Point C2, Point End) Curve(MapEdge edge)
    {
        var (s, e) = (edge.Start, edge.End);
        var bend = Math.Max(30, Math.Abs(e.X - s.X) / 3);
        var backwards = e.X < s.X;
        var sameSide = Math.Abs(e.X - s.X) < 1e-9 || (!backwards && e.X < s.X + 1);
        var c1 = s.X + (backwards ? -bend : bend);
        var c2 = e.X + (backwards || sameSide ? bend : -bend);
        return (s, new Point(c1, s.Y), new Point(c2, e.Y), e);
    }

    /// <summary>Places the label of every labelled flow of <paramref name="layout"/>, in edge order.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>One entry per flow edge with a label, in the order of <see cref="MapLayout.Edges"/>.</returns>
    public static List<PlacedLabel> Place(MapLayout layout)
    {
        var placed = new List<PlacedLabel>();
        Grid? taken = null;
        foreach (var edge in layout.Edges)
        {
            if (edge is not { Kind: MapEdgeKind.Flow, Label: { } label })
            {
                continue;
            }

            if (taken is null)
            {
                taken = new Grid();
                foreach (var node in layout.Nodes)
                {
                    taken.Add(node.Bounds);
                }
            }

            var text = LineWrap.Wrap(label, MaxChars, 1)[0];
            var width = (text.Length * CharWidth) + (2 * Padding);
            var curve = Curve(edge);
            Box? best = null;
            var bestCover = double.MaxValue;
            if (!TryPlace(taken, curve, width, Shifts, ref best, ref bestCover))
            {
                TryPlace(taken, curve, width, FineShifts, ref best, ref bestCover);
            }

            taken.Add(best!.Value);
            placed.Add(new PlacedLabel(text, best.Value));
        }

        return placed;
    }

    /// <summary>Tries each point along the curve with each shift; true at the first free box, else the least covered is kept.</summary>
    private static bool TryPlace(Grid taken, (Point, Point, Point, Point) curve, double width, double[] shifts, ref Box? best, ref double bestCover)
    {
        foreach (var t in Along)
        {
            var p = Bezier(curve, t);
            foreach (var shift in shifts)
            {
                var box = new Box(p.X - (width / 2), p.Y + shift - (Height / 2), width, Height);
                var cover = taken.Cover(box);
                if (cover < bestCover)
                {
                    (best, bestCover) = (box, cover);
                }

                if (cover == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double[] FineSteps()
    {
        var steps = new List<double>();
        for (var d = 2.0; d <= 4 * (Height + 2); d += 2)
        {
            steps.Add(-d);
            steps.Add(d);
        }

        return [.. steps];
    }

    private static Point Bezier((Point S, Point C1, Point C2, Point E) c, double t)
    {
        var u = 1 - t;
        var (a, b, d, e) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t);
        return new Point((a * c.S.X) + (b * c.C1.X) + (d * c.C2.X) + (e * c.E.X), (a * c.S.Y) + (b * c.C1.Y) + (d * c.C2.Y) + (e * c.E.Y));
    }

    /// <summary>Boxes bucketed by the grid cells they touch.</summary>
    private sealed class Grid
    {
        private readonly Dictionary<(int X, int Y), List<Box>> _cells = [];

        public void Add(Box box)
        {
            var (x0, y0, x1, y1) = Cells(box);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    if (!_cells.TryGetValue((x, y), out var list))
                    {
                        list = [];
                        _cells.Add((x, y), list);
                    }

                    list.Add(box);
                }
            }
        }

        /// <summary>The area of <paramref name="box"/> that boxes already added cover (a box in several cells counts once per cell it shares).</summary>
        public double Cover(Box box)
        {
            var (x0, y0, x1, y1) = Cells(box);
            var cover = 0.0;
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    if (_cells.TryGetValue((x, y), out var list))
                    {
                        foreach (var other in list)
                        {
                            if (box.Overlaps(other))
                            {
                                cover += (Math.Min(box.Right, other.Right) - Math.Max(box.X, other.X)) * (Math.Min(box.Bottom, other.Bottom) - Math.Max(box.Y, other.Y));
                            }
                        }
                    }
                }
            }

            return cover;
        }

        private static (int X0, int Y0, int X1, int Y1) Cells(Box box) =>
            ((int)Math.Floor(box.X / Cell), (int)Math.Floor(box.Y / Cell), (int)Math.Floor(box.Right / Cell), (int)Math.Floor(box.Bottom / Cell));
    }
}
