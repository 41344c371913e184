using System;
using System.Collections.Generic;
using OutOfDark.Rendering;

namespace OutOfDark.Rendering;

/// <summary>A flow's label, placed: its one line of text and the box it takes.</summary>
internal readonly record struct PlacedLabel(string Text, Box Box);

/// <summary>
/// Places flow labels on their arrows: one label per labelled flow, its plate centred on a point of the arrow — the
/// arrow's midpoint (by length) first, then points further from it along the arrow — where it covers no activity box and
/// no other label. Where the arrow offers no such point, the plate may move off the line by up to
/// <see cref="MaxDistance"/>; where no spot within that distance is free, the spot covering no other label and least of
/// the boxes wins, and failing that the least covered one. Boxes and labels are looked up in a grid, so placing is
/// linear in the number of labels and boxes.
/// </summary>
internal static class FlowLabels
{
    /// <summary>The label's font size.</summary>
    public const double FontSize = 10;

    /// <summary>The most characters a label shows; the whole text is the arrow's tooltip.</summary>
    public const int MaxChars = 24;

    /// <summary>The farthest a label's plate lies from its own arrow, in layout units.</summary>
    public const double MaxDistance = 24;

    /// <summary>The plate's height.</summary>
    public const double Height = 14;

    /// <summary>An upper estimate of a glyph's width at <see cref="FontSize"/> in the map's sans-serif font.</summary>
    private const double CharWidth = 6.2;

    private const double Padding = 4;

    private const double Cell = 128;

    // Fractions of the arrow's length: the midpoint, then outwards in steps of 4 %, up to 6 % from either end.
    private static readonly double[] Along = AlongSteps();

    // Shifts of the plate's centre across the arrow: on it, then half a plate and a whole plate (plus a gap) either way.
    private static readonly double[] Shifts = [0, -(Height / 2) - 1, (Height / 2) + 1, -Height - 2, Height + 2, -(1.5 * Height) - 3, (1.5 * Height) + 3];

    /// <summary>Places the label of every labelled flow of <paramref name="layout"/>, in edge order.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>One entry per flow edge with a label, in the order of <see cref="MapLayout.Edges"/>.</returns>
    public static List<PlacedLabel> Place(MapLayout layout)
    {
        var placed = new List<PlacedLabel>();
        Grid? boxes = null;
        Grid? labels = null;
        foreach (var edge in layout.Edges)
        {
            if (edge is not { Kind: MapEdgeKind.Flow, Label: { } label })
            {
                continue;
            }

            if (boxes is null)
            {
                boxes = new Grid();
                labels = new Grid();
                foreach (var node in layout.Nodes)
                {
                    boxes.Add(node.Bounds);
                }
            }

            var text = LineWrap.Wrap(label, MaxChars, 1)[0];
            var width = (text.Length * CharWidth) + (2 * Padding);
            var best = Best(edge, width, boxes, labels!);
            labels!.Add(best);
            placed.Add(new PlacedLabel(text, best));
        }

        return placed;
    }

    /// <summary>The plate for one arrow: the first free candidate, else the least covered, labels weighing far more than boxes.</summary>
    private static Box Best(MapEdge edge, double width, Grid boxes, Grid labels)
    {
        var points = edge.Points();
        Box? best = null;
        var bestCost = double.MaxValue;
        foreach (var shift in Shifts)
        {
            foreach (var t in Along)
            {
                var p = edge.PointAlong(t);
                // Across the arrow: up and down on a horizontal stretch, left and right on a vertical one.
                var vertical = IsOnVertical(points, p);
                var aside = shift == 0 ? 0 : Math.Sign(shift) * ((width / 2) + Math.Abs(shift) - (Height / 2));
                var box = vertical
                    ? new Box(p.X - (width / 2) + aside, p.Y - (Height / 2), width, Height)
                    : new Box(p.X - (width / 2), p.Y + shift - (Height / 2), width, Height);

                var onLabels = labels.Cover(box);
                var cost = (onLabels * 1e6) + boxes.Cover(box);
                if (cost == 0)
                {
                    return box;
                }

                if (cost < bestCost)
                {
                    (best, bestCost) = (box, cost);
                }
            }
        }

        return best!.Value;
    }

    private static bool IsOnVertical(IReadOnlyList<Point> points, Point p)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (Math.Abs(a.X - b.X) < 1e-9 && Math.Abs(p.X - a.X) < 1e-6 && p.Y >= Math.Min(a.Y, b.Y) - 1e-6 && p.Y <= Math.Max(a.Y, b.Y) + 1e-6)
            {
                return Math.Abs(a.Y - b.Y) > 1e-9;
            }
        }

        return false;
    }

    /// <summary>The shortest distance between a box and a polyline (0 when they touch or cross).</summary>
    public static double DistanceTo(IReadOnlyList<Point> points, Box box)
    {
        var best = double.MaxValue;
        for (var i = 1; i < points.Count; i++)
        {
            best = Math.Min(best, SegmentToBox(points[i - 1], points[i], box));
        }

        return best;
    }

    // Axis-parallel segments only (the layout's routes): the segment is itself a thin box.
    private static double SegmentToBox(Point a, Point b, Box box)
    {
        var dx = Math.Max(0, Math.Max(box.X - Math.Max(a.X, b.X), Math.Min(a.X, b.X) - box.Right));
        var dy = Math.Max(0, Math.Max(box.Y - Math.Max(a.Y, b.Y), Math.Min(a.Y, b.Y) - box.Bottom));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static double[] AlongSteps()
    {
        var steps = new List<double> { 0.5 };
        for (var d = 0.04; d <= 0.44 + 1e-9; d += 0.04)
        {
            steps.Add(0.5 - d);
            steps.Add(0.5 + d);
        }

        return [.. steps];
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
