using System;
using System.Collections.Generic;

namespace OutOfDark.Rendering;

/// <summary>What an edge joins, before it is routed.</summary>
internal readonly record struct EdgeRequest(MapEdgeKind Kind, ActivityId From, ActivityId To, FlowId? FlowId, string? Label);

/// <summary>
/// Routes the map's edges around the activity boxes with horizontal and vertical segments only, and spreads the ends
/// that meet one side of a box over that side.
/// </summary>
/// <remarks>
/// <para>
/// Boxes stand in columns (every box of a column has the same left edge and width) and columns never overlap, so the
/// strip between two neighbouring columns — a corridor — holds no box from top to bottom. An edge leaves its first box
/// sideways into the corridor beside it, runs along that corridor to a height where a horizontal line crosses no box of
/// the columns in between, crosses to the corridor beside its second box, and enters that box sideways. Only the
/// horizontal crossing has to be searched for: the heights of the two ends first, then the gaps next to the two boxes
/// and next to the boxes in the way, and at last the strip below every box, which is always free.
/// </para>
/// <para>
/// Ports: on each side of a box, tree links share the middle of the side (they are one trunk); flows get their own
/// evenly spaced points, ordered by the height of their other end so that they do not cross at the box, and never the
/// middle when a tree link uses it. No two flows meet a side at the same point.
/// </para>
/// <para>Time: sorting the ends of each side, plus for each edge a binary search in each column it crosses.</para>
/// </remarks>
internal sealed class EdgeRouter
{
    private const double Epsilon = 1e-9;

    private readonly double[] _columnX;
    private readonly List<Box>[] _columns;
    private readonly double _nodeWidth;
    private readonly double _padding;
    private readonly double _freeY;

    private EdgeRouter(IReadOnlyDictionary<ActivityId, Box> boxes, LayoutOptions options, double height)
    {
        _nodeWidth = options.NodeWidth;
        _padding = options.LanePadding;
        var byX = new Dictionary<double, List<Box>>();
        var bottom = 0.0;
        foreach (var box in boxes.Values)
        {
            if (!byX.TryGetValue(box.X, out var column))
            {
                byX[box.X] = column = [];
            }

            column.Add(box);
            bottom = Math.Max(bottom, box.Bottom);
        }

        _columnX = [.. byX.Keys];
        Array.Sort(_columnX);
        _columns = new List<Box>[_columnX.Length];
        for (var i = 0; i < _columnX.Length; i++)
        {
            var column = byX[_columnX[i]];
            column.Sort((a, b) => a.Y.CompareTo(b.Y));
            _columns[i] = column;
        }

        _freeY = height > bottom ? (bottom + height) / 2 : bottom;
    }

    /// <summary>Routes every request, in order.</summary>
    /// <param name="boxes">Every activity's box.</param>
    /// <param name="requests">The edges: tree links, then flows.</param>
    /// <param name="options">The layout's sizes (node width and lane padding are used).</param>
    /// <param name="height">The drawing's height.</param>
    /// <returns>One routed edge per request, in the same order.</returns>
    public static List<MapEdge> Route(IReadOnlyDictionary<ActivityId, Box> boxes, List<EdgeRequest> requests, LayoutOptions options, double height)
    {
        var router = new EdgeRouter(boxes, options, height);
        var sides = new (Side From, Side To)[requests.Count];
        var ends = new Dictionary<(ActivityId, Side), List<End>>();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var a = boxes[r.From];
            var b = boxes[r.To];
            var s = b.X >= a.Right ? (Side.Right, Side.Left)
                : b.Right <= a.X ? (Side.Left, Side.Right)
                : (Side.Right, Side.Right);
            sides[i] = s;
            AddEnd(ends, (r.From, s.Item1), new End(i, true, r.Kind == MapEdgeKind.Tree, b.Y + (b.Height / 2)));
            AddEnd(ends, (r.To, s.Item2), new End(i, false, r.Kind == MapEdgeKind.Tree, a.Y + (a.Height / 2)));
        }

        var starts = new Point[requests.Count];
        var stops = new Point[requests.Count];
        foreach (var ((activity, side), list) in ends)
        {
            var box = boxes[activity];
            var x = side == Side.Right ? box.Right : box.X;
            foreach (var (end, y) in Ports(box, list))
            {
                if (end.IsStart)
                {
                    starts[end.Edge] = new Point(x, y);
                }
                else
                {
                    stops[end.Edge] = new Point(x, y);
                }
            }
        }

        var edges = new List<MapEdge>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var route = router.Path(boxes[r.From], sides[i].From, starts[i], boxes[r.To], sides[i].To, stops[i]);
            edges.Add(new MapEdge(r.Kind, r.From, r.To, starts[i], stops[i], r.FlowId, r.Label) { Route = route });
        }

        return edges;
    }

    private static void AddEnd(Dictionary<(ActivityId, Side), List<End>> ends, (ActivityId, Side) key, End end)
    {
        if (!ends.TryGetValue(key, out var list))
        {
            ends[key] = list = [];
        }

        list.Add(end);
    }

    /// <summary>The height of each end on one side of a box: tree links in the middle, flows spread over the rest.</summary>
    private static IEnumerable<(End End, double Y)> Ports(Box box, List<End> list)
    {
        var middle = box.Y + (box.Height / 2);
        var flows = new List<End>(list.Count);
        var tree = false;
        foreach (var end in list)
        {
            if (end.IsTree)
            {
                tree = true;
                yield return (end, middle);
            }
            else
            {
                flows.Add(end);
            }
        }

        if (flows.Count == 0)
        {
            yield break;
        }

        flows.Sort((a, b) => a.OtherY != b.OtherY ? a.OtherY.CompareTo(b.OtherY) : a.Edge != b.Edge ? a.Edge.CompareTo(b.Edge) : a.IsStart.CompareTo(b.IsStart));
        var slots = flows.Count;
        var skip = -1;
        if (tree)
        {
            // One slot more for the tree's middle, and one more again so that the middle slot is the side's middle.
            slots = flows.Count + 1;
            if (slots % 2 == 0)
            {
                slots++;
            }

            skip = slots / 2;
        }

        var slot = 0;
        foreach (var end in flows)
        {
            if (slot == skip)
            {
                slot++;
            }

            yield return (end, box.Y + (box.Height * (slot + 1) / (slots + 1)));
            slot++;
        }
    }

    private ValueList<Point> Path(Box a, Side fromSide, Point start, Box b, Side toSide, Point end)
    {
        var cx1 = fromSide == Side.Right ? CorridorRight(a) : CorridorLeft(a);
        var cx2 = toSide == Side.Left ? CorridorLeft(b) : CorridorRight(b);
        double y;
        if (Math.Abs(cx1 - cx2) < Epsilon)
        {
            y = start.Y;
        }
        else
        {
            y = FindCrossing(Math.Min(cx1, cx2), Math.Max(cx1, cx2), start.Y, end.Y, a, b);
        }

        var points = new List<Point>(6) { start };
        Add(points, new Point(cx1, start.Y));
        Add(points, new Point(cx1, y));
        Add(points, new Point(cx2, y));
        Add(points, new Point(cx2, end.Y));
        Add(points, end);
        return ValueList<Point>.From(points);
    }

    /// <summary>Appends a point, dropping repeats and merging a straight run into one segment.</summary>
    private static void Add(List<Point> points, Point p)
    {
        var last = points[^1];
        if (Math.Abs(last.X - p.X) < Epsilon && Math.Abs(last.Y - p.Y) < Epsilon)
        {
            return;
        }

        if (points.Count >= 2)
        {
            var before = points[^2];
            var straight = (Math.Abs(before.X - last.X) < Epsilon && Math.Abs(last.X - p.X) < Epsilon)
                || (Math.Abs(before.Y - last.Y) < Epsilon && Math.Abs(last.Y - p.Y) < Epsilon);
            if (straight)
            {
                points[^1] = p;
                return;
            }
        }

        points.Add(p);
    }

    /// <summary>A height where a horizontal line from <paramref name="left"/> to <paramref name="right"/> crosses no box.</summary>
    private double FindCrossing(double left, double right, double y1, double y2, Box a, Box b)
    {
        if (IsFree(left, right, y1))
        {
            return y1;
        }

        if (IsFree(left, right, y2))
        {
            return y2;
        }

        // The gaps right above and below each end's box, then beside the boxes in the way at both ends' heights.
        Span<double> near = [a.Y - Gap(a, up: true), a.Bottom + Gap(a, up: false), b.Y - Gap(b, up: true), b.Bottom + Gap(b, up: false)];
        var best = double.NaN;
        foreach (var y in near)
        {
            Consider(left, right, y, y1, y2, ref best);
        }

        if (!double.IsNaN(best))
        {
            return best;
        }

        var first = FirstColumnAfter(left);
        for (var c = first; c < _columnX.Length && _columnX[c] + _nodeWidth <= right + Epsilon; c++)
        {
            foreach (var target in (ReadOnlySpan<double>)[y1, y2])
            {
                var i = BoxAt(c, target);
                if (i >= 0)
                {
                    var box = _columns[c][i];
                    Consider(left, right, box.Y - Gap(c, i, up: true), y1, y2, ref best);
                    Consider(left, right, box.Bottom + Gap(c, i, up: false), y1, y2, ref best);
                }
            }

            if (!double.IsNaN(best))
            {
                return best;
            }
        }

        return _freeY;
    }

    private void Consider(double left, double right, double y, double y1, double y2, ref double best)
    {
        if (y < 0 || !IsFree(left, right, y))
        {
            return;
        }

        var cost = Math.Abs(y - y1) + Math.Abs(y - y2);
        if (double.IsNaN(best) || cost < Math.Abs(best - y1) + Math.Abs(best - y2))
        {
            best = y;
        }
    }

    /// <summary>Half the free space above (or below) a box in its column, capped at the lane padding for the column's first (or last) box.</summary>
    private double Gap(Box box, bool up)
    {
        var c = Array.BinarySearch(_columnX, box.X);
        var i = BoxAt(c, box.Y + (box.Height / 2));
        return Gap(c, i, up);
    }

    private double Gap(int column, int index, bool up)
    {
        var boxes = _columns[column];
        var box = boxes[index];
        if (up)
        {
            return index > 0 ? (box.Y - boxes[index - 1].Bottom) / 2 : Math.Min(_padding, box.Y) / 2;
        }

        return index + 1 < boxes.Count ? (boxes[index + 1].Y - box.Bottom) / 2 : _padding / 2;
    }

    /// <summary>Whether a horizontal line at <paramref name="y"/> from <paramref name="left"/> to <paramref name="right"/> passes through no box's inside.</summary>
    private bool IsFree(double left, double right, double y)
    {
        for (var c = FirstColumnAfter(left); c < _columnX.Length && _columnX[c] < right - Epsilon; c++)
        {
            if (BoxAt(c, y) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first column whose right edge lies right of <paramref name="x"/>.</summary>
    private int FirstColumnAfter(double x)
    {
        int lo = 0, hi = _columnX.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_columnX[mid] + _nodeWidth <= x + Epsilon)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the box of column <paramref name="column"/> whose inside holds height <paramref name="y"/>, or -1.</summary>
    private int BoxAt(int column, double y)
    {
        var boxes = _columns[column];
        int lo = 0, hi = boxes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (boxes[mid].Y < y - Epsilon)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // lo is the first box starting at or below y; the one before it is the only one that can hold y.
        return lo > 0 && y < boxes[lo - 1].Bottom - Epsilon ? lo - 1 : -1;
    }

    /// <summary>The middle of the corridor right of a box's column.</summary>
    private double CorridorRight(Box box)
    {
        var c = Array.BinarySearch(_columnX, box.X);
        return c + 1 < _columnX.Length ? (box.Right + _columnX[c + 1]) / 2 : box.Right + (_padding / 2);
    }

    /// <summary>The middle of the corridor left of a box's column.</summary>
    private double CorridorLeft(Box box)
    {
        var c = Array.BinarySearch(_columnX, box.X);
        return c > 0 ? (_columnX[c - 1] + _nodeWidth + box.X) / 2 : box.X - (Math.Min(_padding, box.X) / 2);
    }

    private enum Side
    {
        Left,
        Right,
    }

    private readonly record struct End(int Edge, bool IsStart, bool IsTree, double OtherY);
}
