using System;
using System.Collections.Generic;
using System.Linq;
using OutOfDark.Rendering;

namespace OutOfDark.Rendering;

/// <summary>
/// A flow's label, placed: its one line of text, the box it takes, and the point of its own arrow it belongs to. A plate
/// that does not touch its arrow is drawn with a leader line from <see cref="Anchor"/> to <see cref="LeaderEnd"/>, so a
/// reader can tell which of two neighbouring arrows a label names.
/// </summary>
/// <param name="Text">The label's one line of text.</param>
/// <param name="Box">The plate.</param>
/// <param name="Anchor">The point of its own arrow nearest the plate.</param>
/// <param name="Apart">
/// Whether the plate lies nearer its own arrow than any other flow's line: <see langword="false"/> only for a plate in a
/// crowd of lines, boxes and labels, where no free spot near its arrow was clear of other flows' lines.
/// </param>
internal readonly record struct PlacedLabel(string Text, Box Box, Point Anchor, bool Apart = true)
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
/// Places flow labels on their own arrows. For each labelled flow, the segments of its routed line are tried longest
/// first; on each, the plate is centred on the segment's midpoint and moved along the segment (outwards from the middle,
/// and to the spots where it just clears a box or another label) until it covers no activity box (with
/// <see cref="OutlineMargin"/> around it, so no label hides a warning outline), no lane header, no other label and no
/// other flow's line, lying on the line or touching it from either side. Where no segment has such a spot, the plate
/// moves across its segment, a step at a time up to <see cref="MaxDistance"/>, and is drawn with a short leader line to
/// the nearest point of its arrow. Only when nothing within that distance is free does it go farther out (up to
/// <see cref="MaxLeader"/>), and where nothing is free at all, the spot covering no other label and least of the boxes
/// wins. Every plate lies nearer its own arrow than any other flow's line unless it had to go that far. Boxes, labels and
/// lines are looked up in grids, so placing is linear in the number of labels, boxes and flows.
/// </summary>
internal static class FlowLabels
{
    /// <summary>The label's font size.</summary>
    public const double FontSize = 10;

    /// <summary>The most characters a label shows; the whole text is the arrow's tooltip.</summary>
    public const int MaxChars = 24;

    /// <summary>The farthest a label's plate lies from its own arrow unless nothing that near is free, in layout units.</summary>
    public const double MaxDistance = 28;

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

    // The gap between a plate beside its line and the line: under PlacedLabel.Touching, so it needs no leader.
    private const double Beside = 1;

    // How far from a segment's middle its plate may be moved along it, so a very long line costs no more than a short one.
    private const double Window = 320;

    /// <summary>Places the label of every labelled flow of <paramref name="layout"/>, in edge order.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>One entry per flow edge with a label, in the order of <see cref="MapLayout.Edges"/>.</returns>
    public static List<PlacedLabel> Place(MapLayout layout)
    {
        var placed = new List<PlacedLabel>();
        Grid? boxes = null;
        Grid? labels = null;
        Lines? lines = null;
        for (var e = 0; e < layout.Edges.Count; e++)
        {
            var edge = layout.Edges[e];
            if (edge is not { Kind: MapEdgeKind.Flow, Label: { } label })
            {
                continue;
            }

            if (boxes is null)
            {
                (boxes, labels, lines) = Obstacles(layout);
            }

            var text = LineWrap.Wrap(label, MaxChars, 1)[0];
            var width = (text.Length * CharWidth) + (2 * Padding);
            var points = edge.Points();
            var (box, apart) = Near(points, e, width, boxes, labels!, lines!, layout) is { } near ? (near, true)
                : Farther(edge, e, width, boxes, labels!, lines!, layout) ?? (Least(points, width, boxes, labels!), false);
            labels!.Add(box);
            placed.Add(new PlacedLabel(text, box, NearestPoint(points, box), apart));
        }

        return placed;
    }

    private static (Grid Boxes, Grid Labels, Lines Lines) Obstacles(MapLayout layout)
    {
        var boxes = new Grid();
        foreach (var node in layout.Nodes)
        {
            var b = node.Bounds;
            boxes.Add(new Box(b.X - OutlineMargin, b.Y - OutlineMargin, b.Width + (2 * OutlineMargin), b.Height + (2 * OutlineMargin)));
        }

        foreach (var lane in layout.Lanes)
        {
            boxes.Add(lane.Header);
        }

        var lines = new Lines();
        for (var e = 0; e < layout.Edges.Count; e++)
        {
            if (layout.Edges[e].Kind == MapEdgeKind.Flow)
            {
                lines.Add(e, layout.Edges[e].Points());
            }
        }

        return (boxes, new Grid(), lines);
    }

    /// <summary>
    /// The first free plate on or touching the arrow (segments longest first, spots from each one's middle outwards), then
    /// the nearest free plate beside it up to <see cref="MaxDistance"/> away; <see langword="null"/> when there is none.
    /// </summary>
    private static Box? Near(IReadOnlyList<Point> points, int edge, double width, Grid boxes, Grid labels, Lines lines, MapLayout layout)
    {
        var order = new List<int>(points.Count);
        for (var i = 1; i < points.Count; i++)
        {
            order.Add(i);
        }

        order.Sort((a, b) =>
        {
            var c = Length(points[b - 1], points[b]).CompareTo(Length(points[a - 1], points[a]));
            return c != 0 ? c : a.CompareTo(b);
        });

        foreach (var i in order)
        {
            foreach (var box in OnSegment(points[i - 1], points[i], width, boxes, labels))
            {
                if (IsFree(box, points, edge, boxes, labels, lines, layout))
                {
                    return box;
                }
            }
        }

        Box? best = null;
        var bestDistance = double.MaxValue;
        foreach (var i in order)
        {
            // Nearest first: the first free plate beside this segment is the nearest one it offers.
            foreach (var box in BesideSegment(points[i - 1], points[i], width, boxes, labels))
            {
                var distance = DistanceTo(points, box);
                if (distance >= bestDistance)
                {
                    break;
                }

                if (distance <= MaxDistance && IsFree(box, points, edge, boxes, labels, lines, layout))
                {
                    (best, bestDistance) = (box, distance);
                    break;
                }
            }
        }

        return best;
    }

    private static bool IsFree(Box box, IReadOnlyList<Point> points, int edge, Grid boxes, Grid labels, Lines lines, MapLayout layout) =>
        box.X >= 0 && box.Y >= 0 && box.Right <= layout.Width && box.Bottom <= layout.Height
        && labels.Cover(box) == 0 && boxes.Cover(box) == 0 && !lines.AnyOtherWithin(box, edge, DistanceTo(points, box));

    /// <summary>Plates on a segment or touching it from either side, at spots from its middle outwards.</summary>
    private static IEnumerable<Box> OnSegment(Point a, Point b, double width, Grid boxes, Grid labels)
    {
        var horizontal = Math.Abs(a.Y - b.Y) < 1e-9;
        var (half, across) = horizontal ? (width / 2, Height / 2) : (Height / 2, width / 2);
        double[] offsets = [0, -(across + Beside), across + Beside];
        foreach (var along in Stops(a, b, half, width, boxes, labels))
        {
            foreach (var offset in offsets)
            {
                yield return Plate(a, horizontal, along, offset, width);
            }
        }
    }

    /// <summary>
    /// Plates moved across a segment, from touching it up to <see cref="MaxDistance"/> from it in steps of 2 units and to
    /// where they just clear a box or label; nearest the segment first, then nearest its middle.
    /// </summary>
    private static IEnumerable<Box> BesideSegment(Point a, Point b, double width, Grid boxes, Grid labels)
    {
        var horizontal = Math.Abs(a.Y - b.Y) < 1e-9;
        var (half, across) = horizontal ? (width / 2, Height / 2) : (Height / 2, width / 2);
        var gaps = new List<double>();
        for (var gap = Beside; gap <= MaxDistance; gap += 2)
        {
            gaps.Add(gap);
        }

        var line = horizontal ? a.Y : a.X;
        foreach (var o in boxes.Near(Reach(a, b, width)).Concat(labels.Near(Reach(a, b, width))))
        {
            var (low, high) = horizontal ? (o.Y, o.Bottom) : (o.X, o.Right);
            // A plate above (left of) the line whose bottom meets the obstacle's top or whose top meets its bottom, and
            // the same below (right of) it.
            foreach (var gap in (ReadOnlySpan<double>)[line - low, line - high - (2 * across), high - line, low - line - (2 * across)])
            {
                if (gap >= 0 && gap <= MaxDistance && !gaps.Contains(gap))
                {
                    gaps.Add(gap);
                }
            }
        }

        gaps.Sort();
        var stops = Stops(a, b, half, width, boxes, labels);
        foreach (var gap in gaps)
        {
            foreach (var along in stops)
            {
                yield return Plate(a, horizontal, along, -(across + gap), width);
                yield return Plate(a, horizontal, along, across + gap, width);
            }
        }
    }

    /// <summary>A plate centred at <paramref name="along"/> on the segment's axis and <paramref name="offset"/> across it.</summary>
    private static Box Plate(Point a, bool horizontal, double along, double offset, double width) =>
        horizontal
            ? new Box(along - (width / 2), a.Y + offset - (Height / 2), width, Height)
            : new Box(a.X + offset - (width / 2), along - (Height / 2), width, Height);

    /// <summary>
    /// Positions of a plate's centre along a segment (x on a horizontal one, y on a vertical one): its middle, then steps
    /// of 2 units outwards, and the spots where the plate's edge meets a nearby box's or label's edge; nearest the middle
    /// first, none farther than <see cref="Window"/> from it. A plate at any of them still overlaps the segment's span.
    /// </summary>
    private static List<double> Stops(Point a, Point b, double half, double width, Grid boxes, Grid labels)
    {
        var horizontal = Math.Abs(a.Y - b.Y) < 1e-9;
        var (lo, hi) = horizontal ? (Math.Min(a.X, b.X), Math.Max(a.X, b.X)) : (Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y));
        var middle = (lo + hi) / 2;
        var (min, max) = (Math.Max(lo - half, middle - Window), Math.Min(hi + half, middle + Window));
        const double step = 2;
        var stops = new List<double> { middle };
        for (var d = step; middle - d >= min || middle + d <= max; d += step)
        {
            stops.Add(middle - d);
            stops.Add(middle + d);
        }

        foreach (var o in boxes.Near(Reach(a, b, width)).Concat(labels.Near(Reach(a, b, width))))
        {
            var (low, high) = horizontal ? (o.X, o.Right) : (o.Y, o.Bottom);
            stops.Add(low - half);
            stops.Add(high + half);
        }

        stops.RemoveAll(s => s < min || s > max);
        stops.Sort((x, y) =>
        {
            var c = Math.Abs(x - middle).CompareTo(Math.Abs(y - middle));
            return c != 0 ? c : x.CompareTo(y);
        });
        return stops;
    }

    /// <summary>
    /// The area where obstacles can meet a plate of <paramref name="width"/> on or beside the segment: the segment's
    /// stretch within <see cref="Window"/> of its middle, widened by the plate and <see cref="MaxDistance"/>.
    /// </summary>
    private static Box Reach(Point a, Point b, double width)
    {
        var pad = width + MaxDistance;
        var (mx, my) = ((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        var (hx, hy) = (Math.Min(Math.Abs(a.X - b.X) / 2, Window), Math.Min(Math.Abs(a.Y - b.Y) / 2, Window));
        return new Box(mx - hx - pad, my - hy - pad, (2 * (hx + pad)), (2 * (hy + pad)));
    }

    private static double Length(Point a, Point b) => Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y);

    /// <summary>
    /// The free plate nearest the arrow's midpoint, in any direction, up to <see cref="MaxLeader"/> away and inside the
    /// drawing, preferring one nearer its own arrow than any other flow's line (<c>Apart</c>); <see langword="null"/>
    /// when none is free: for an arrow that runs through a crowd of boxes. One pass: rings of growing size around the
    /// midpoint, remembering the nearest free plate until a ring holds one that is also apart.
    /// </summary>
    private static (Box Box, bool Apart)? Farther(MapEdge edge, int index, double width, Grid boxes, Grid labels, Lines lines, MapLayout layout)
    {
        var points = edge.Points();
        const double step = 6;
        var anchor = edge.PointAlong(0.5);
        Box? free = null;
        for (var ring = 1; ring * step <= MaxLeader; ring++)
        {
            Box? nearest = null;
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
                        free ??= box;
                        if (!lines.AnyOtherWithin(box, index, DistanceTo(points, box)))
                        {
                            (nearest, nearestDistance) = (box, distance);
                        }
                    }
                }
            }

            if (nearest is { } apart)
            {
                return (apart, true);
            }
        }

        return free is { } crowded ? (crowded, false) : null;
    }

    /// <summary>When no plate is free: the plate on or touching the arrow covering least, labels weighing far more than boxes.</summary>
    private static Box Least(IReadOnlyList<Point> points, double width, Grid boxes, Grid labels)
    {
        Box? best = null;
        var bestCost = double.MaxValue;
        for (var i = 1; i < points.Count; i++)
        {
            foreach (var box in OnSegment(points[i - 1], points[i], width, boxes, labels))
            {
                var cost = (labels.Cover(box) * 1e6) + boxes.Cover(box);
                if (cost < bestCost)
                {
                    (best, bestCost) = (box, cost);
                }
            }
        }

        return best!.Value;
    }

    /// <summary>The point of a polyline of horizontal and vertical segments nearest a box (the middle of the stretch nearest it when several are).</summary>
    public static Point NearestPoint(IReadOnlyList<Point> points, Box box)
    {
        var best = points[0];
        var bestDistance = double.MaxValue;
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var p = new Point(Closest(Math.Min(a.X, b.X), Math.Max(a.X, b.X), box.X, box.Right), Closest(Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y), box.Y, box.Bottom));
            var d = SegmentToBox(p, p, box);
            if (d < bestDistance - 1e-9)
            {
                (best, bestDistance) = (p, d);
            }
        }

        return best;
    }

    // The value in [lo, hi] nearest the range [from, to]: the middle of their overlap, or the nearer end.
    private static double Closest(double lo, double hi, double from, double to)
    {
        var (l, h) = (Math.Max(lo, from), Math.Min(hi, to));
        return l <= h ? (l + h) / 2 : to < lo ? lo : hi;
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

        /// <summary>The boxes in the grid cells <paramref name="area"/> touches (a box in several of them comes once per cell).</summary>
        public IEnumerable<Box> Near(Box area)
        {
            var (x0, y0, x1, y1) = Cells(area);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    if (_cells.TryGetValue((x, y), out var list))
                    {
                        foreach (var box in list)
                        {
                            yield return box;
                        }
                    }
                }
            }
        }

        public static (int X0, int Y0, int X1, int Y1) Cells(Box box) =>
            ((int)Math.Floor(box.X / Cell), (int)Math.Floor(box.Y / Cell), (int)Math.Floor(box.Right / Cell), (int)Math.Floor(box.Bottom / Cell));
    }

    /// <summary>The segments of every flow's line, bucketed by the grid cells they touch, with the index of their edge.</summary>
    private sealed class Lines
    {
        private readonly Dictionary<(int X, int Y), List<(int Edge, Point A, Point B)>> _cells = [];

        public void Add(int edge, IReadOnlyList<Point> points)
        {
            for (var i = 1; i < points.Count; i++)
            {
                var (a, b) = (points[i - 1], points[i]);
                var span = new Box(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y));
                var (x0, y0, x1, y1) = Grid.Cells(span);
                for (var x = x0; x <= x1; x++)
                {
                    for (var y = y0; y <= y1; y++)
                    {
                        if (!_cells.TryGetValue((x, y), out var list))
                        {
                            list = [];
                            _cells.Add((x, y), list);
                        }

                        list.Add((edge, a, b));
                    }
                }
            }
        }

        /// <summary>Whether a line of another edge than <paramref name="edge"/> comes within <paramref name="distance"/> of <paramref name="box"/>.</summary>
        public bool AnyOtherWithin(Box box, int edge, double distance)
        {
            var area = new Box(box.X - distance, box.Y - distance, box.Width + (2 * distance), box.Height + (2 * distance));
            var (x0, y0, x1, y1) = Grid.Cells(area);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    if (_cells.TryGetValue((x, y), out var list))
                    {
                        foreach (var (other, a, b) in list)
                        {
                            if (other != edge && SegmentToBox(a, b, box) <= distance)
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }
    }
}
