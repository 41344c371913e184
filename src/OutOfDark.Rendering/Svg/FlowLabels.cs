using System;
using System.Collections.Generic;
using OutOfDark.Rendering;

namespace OutOfDark.Rendering;

/// <summary>
/// A flow's label, placed: its one line of text, the box it takes, and the point of its own arrow it belongs to. A plate
/// that does not touch its arrow is drawn with a leader line from <see cref="Anchor"/> to <see cref="LeaderEnd"/>, so a
/// reader can tell which of two neighbouring arrows a label names.
/// </summary>
internal readonly record struct PlacedLabel(string Text, Box Box, Point Anchor)
{
    /// <summary>The farthest a plate may lie from its point on the arrow and still read as touching it, without a leader.</summary>
    public const double Touching = 2;

    /// <summary>Whether the plate lies off its arrow (more than <see cref="Touching"/> from its point) and needs a leader line to it.</summary>
    public bool HasLeader
    {
        get
        {
            var (dx, dy) = (LeaderEnd.X - Anchor.X, LeaderEnd.Y - Anchor.Y);
            return (dx * dx) + (dy * dy) > Touching * Touching;
        }
    }

    /// <summary>The point of the plate's edge nearest <see cref="Anchor"/>, where the leader line meets the plate.</summary>
    public Point LeaderEnd => new(Math.Clamp(Anchor.X, Box.X, Box.Right), Math.Clamp(Anchor.Y, Box.Y, Box.Bottom));
}

/// <summary>
/// Places flow labels on their arrows: one label per labelled flow, its plate centred on a point of the arrow — the
/// arrow's midpoint (by length) first, then points further from it along the arrow — where it covers no activity box
/// (with <see cref="OutlineMargin"/> around it, so no label hides a warning outline) and no other label. Where the arrow
/// offers no such point, the plate moves off the line by up to <see cref="MaxDistance"/>, then further out (up to
/// <see cref="MaxLeader"/>), and is drawn with a leader line to its point on the arrow; where no spot is free, the spot
/// covering no other label and least of the boxes wins, and failing that the least covered one. Boxes and labels are
/// looked up in a grid, so placing is linear in the number of labels and boxes.
/// </summary>
internal static class FlowLabels
{
    /// <summary>The label's font size.</summary>
    public const double FontSize = 10;

    /// <summary>The most characters a label shows; the whole text is the arrow's tooltip.</summary>
    public const int MaxChars = 24;

    /// <summary>The farthest a label's plate lies from its own arrow, in layout units.</summary>
    public const double MaxDistance = 24;

    /// <summary>
    /// The margin kept clear around every activity box: the part of the widest severity outline outside the box (a
    /// critical warning's stroke is 3.5 units wide, centred on the box's edge), so a label never sits on an outline.
    /// </summary>
    public const double OutlineMargin = 1.75;

    /// <summary>The farthest a plate is moved from its arrow when nothing nearer is free; it then has a leader line.</summary>
    public const double MaxLeader = 240;

    /// <summary>
    /// The plate's height: the default gap between two rows of boxes (14) less both boxes' <see cref="OutlineMargin"/>,
    /// so a label fits between two outlined rows.
    /// </summary>
    public const double Height = 10.5;

    /// <summary>An upper estimate of a glyph's width at <see cref="FontSize"/> in the map's sans-serif font.</summary>
    private const double CharWidth = 6.2;

    private const double Padding = 4;

    private const double Cell = 128;

    // Fractions of the arrow's length: the midpoint, then outwards in steps of 4 %, up to 6 % from either end.
    private static readonly double[] Along = AlongSteps();

    // Shifts of the plate's centre across the arrow: on it, then half a plate and a whole plate (plus a gap) either way.
    private static readonly double[] Shifts = [0, -(Height / 2) - 1, (Height / 2) + 1, -Height - 2, Height + 2, -(1.5 * Height) - 3, (1.5 * Height) + 3];

    // Farther shifts, used only when no near spot is free: whole plates (plus gaps) either way, up to MaxLeader.
    private static readonly double[] FarShifts = FarShiftSteps();

    private static readonly double[] AllShifts = [.. Shifts, .. FarShifts];

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
                    var b = node.Bounds;
                    boxes.Add(new Box(b.X - OutlineMargin, b.Y - OutlineMargin, b.Width + (2 * OutlineMargin), b.Height + (2 * OutlineMargin)));
                }
            }

            var text = LineWrap.Wrap(label, MaxChars, 1)[0];
            var width = (text.Length * CharWidth) + (2 * Padding);
            var (box, anchor) = Best(edge, width, boxes, labels!) ?? Farther(edge, width, boxes, labels!, layout) ?? Least(edge, width, boxes, labels!);
            labels!.Add(box);
            placed.Add(new PlacedLabel(text, box, anchor));
        }

        return placed;
    }

    /// <summary>The first free plate on or beside the arrow (up to <see cref="MaxDistance"/>, then farther out across it), or <see langword="null"/>.</summary>
    private static (Box Box, Point Anchor)? Best(MapEdge edge, double width, Grid boxes, Grid labels)
    {
        foreach (var (box, p) in Candidates(edge, width))
        {
            if (labels.Cover(box) == 0 && boxes.Cover(box) == 0)
            {
                return (box, p);
            }
        }

        return null;
    }

    /// <summary>
    /// The free plate nearest the arrow's midpoint, in any direction, up to <see cref="MaxLeader"/> away and inside the
    /// drawing, or <see langword="null"/>: for an arrow that runs through a crowd of boxes.
    /// </summary>
    private static (Box Box, Point Anchor)? Farther(MapEdge edge, double width, Grid boxes, Grid labels, MapLayout layout)
    {
        const double step = 6;
        var anchor = edge.PointAlong(0.5);
        for (var ring = 1; ring * step <= MaxLeader; ring++)
        {
            (Box Box, Point Anchor)? nearest = null;
            var nearestDistance = double.MaxValue;
            for (var i = -ring; i <= ring; i++)
            {
                for (var j = -ring; j <= ring; j++)
                {
                    if (Math.Max(Math.Abs(i), Math.Abs(j)) != ring)
                    {
                        continue;
                    }

                    var (dx, dy) = (i * step, j * step);
                    var distance = Math.Sqrt((dx * dx) + (dy * dy));
                    var box = new Box(anchor.X + dx - (width / 2), anchor.Y + dy - (Height / 2), width, Height);
                    if (distance > MaxLeader || distance >= nearestDistance || box.X < 0 || box.Y < 0 || box.Right > layout.Width || box.Bottom > layout.Height)
                    {
                        continue;
                    }

                    if (labels.Cover(box) == 0 && boxes.Cover(box) == 0)
                    {
                        (nearest, nearestDistance) = ((box, anchor), distance);
                    }
                }
            }

            if (nearest is not null)
            {
                return nearest;
            }
        }

        return null;
    }

    /// <summary>When no plate is free: the near candidate covering least, labels weighing far more than boxes.</summary>
    private static (Box Box, Point Anchor) Least(MapEdge edge, double width, Grid boxes, Grid labels)
    {
        (Box, Point)? best = null;
        var bestCost = double.MaxValue;
        foreach (var (box, p) in Candidates(edge, width))
        {
            var cost = (labels.Cover(box) * 1e6) + boxes.Cover(box);
            if (cost < bestCost)
            {
                (best, bestCost) = ((box, p), cost);
            }
        }

        return best!.Value;
    }

    /// <summary>Plates centred on points along the arrow (midpoint first), then shifted across it, nearest first.</summary>
    private static IEnumerable<(Box Box, Point Anchor)> Candidates(MapEdge edge, double width)
    {
        var points = edge.Points();
        foreach (var shift in AllShifts)
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
                yield return (box, p);
            }
        }
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

    private static double[] FarShiftSteps()
    {
        var steps = new List<double>();
        for (var d = (2 * Height) + 4; d <= MaxLeader; d += (Height / 2) + 1)
        {
            steps.Add(-d);
            steps.Add(d);
        }

        return [.. steps];
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
