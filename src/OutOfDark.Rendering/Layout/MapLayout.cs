using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark.Rendering;

/// <summary>
/// Where everything of an activity map goes: one lane per phase, one box per activity, and the edges (tree links and
/// flows). Plain immutable data with value equality, for the SVG renderer or any bespoke UI.
/// </summary>
/// <param name="Width">The width of the whole drawing.</param>
/// <param name="Height">The height of the whole drawing.</param>
/// <param name="Lanes">One lane per phase, in phase order, left to right.</param>
/// <param name="Nodes">One box per activity, in map order (each parent before its children).</param>
/// <param name="Edges">Tree links (parent to child) first, in map order, then flows in the order they were added.</param>
public sealed record MapLayout(double Width, double Height, ValueList<PhaseLane> Lanes, ValueList<NodeBox> Nodes, ValueList<MapEdge> Edges)
{
    /// <summary>The service-blueprint lanes as horizontal bands, top to bottom; empty unless <see cref="LayoutOptions.ServiceBlueprint"/> is set.</summary>
    public ValueList<BlueprintBand> Bands { get; init; } = ValueList<BlueprintBand>.Empty;

    /// <summary>The blueprint's lines (interaction, visibility, internal interaction) across the map; empty unless <see cref="LayoutOptions.ServiceBlueprint"/> is set.</summary>
    public ValueList<BlueprintLineLayout> Lines { get; init; } = ValueList<BlueprintLineLayout>.Empty;
}

/// <summary>A phase's column of the map.</summary>
/// <param name="PhaseId">The phase.</param>
/// <param name="Index">Its position among the phases.</param>
/// <param name="Bounds">The whole column, header included.</param>
/// <param name="Header">The header box at the top of the column, where the phase's name goes.</param>
public sealed record PhaseLane(PhaseId PhaseId, int Index, Box Bounds, Box Header);

/// <summary>An activity's box.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="PhaseId">The phase the activity lives in (its colour).</param>
/// <param name="LaneIndex">The lane the box is drawn in: the phase of the activity's top-level ancestor.</param>
/// <param name="Depth">0 for a top-level activity, 1 for its children, and so on.</param>
/// <param name="Bounds">Where the box goes.</param>
public sealed record NodeBox(ActivityId ActivityId, PhaseId PhaseId, int LaneIndex, int Depth, Box Bounds)
{
    /// <summary>The activity's service-blueprint lane; its box lies in that lane's band when <see cref="LayoutOptions.ServiceBlueprint"/> is set.</summary>
    public LaneId BlueprintLane { get; init; } = LaneId.Frontstage;
}

/// <summary>What an edge stands for.</summary>
public enum MapEdgeKind
{
    /// <summary>A parent-to-child link of the activity tree.</summary>
    Tree = 0,

    /// <summary>A flow: customers go from one activity to the other.</summary>
    Flow = 1,
}

/// <summary>A line between two activity boxes.</summary>
/// <param name="Kind">A tree link or a flow.</param>
/// <param name="From">The activity it starts at.</param>
/// <param name="To">The activity it ends at.</param>
/// <param name="Start">
/// Where it leaves the first box: a point on its right side, or its left side when the second box lies to the left.
/// Tree links leave from the middle of the side; flows meeting one side get distinct points spread along it.
/// </param>
/// <param name="End">Where it enters the second box: a point on its left side, or its right side when the second box lies to the left or in the same column.</param>
/// <param name="FlowId">The flow, for a flow edge.</param>
/// <param name="Label">The flow's label, if any.</param>
public sealed record MapEdge(MapEdgeKind Kind, ActivityId From, ActivityId To, Point Start, Point End, FlowId? FlowId, string? Label)
{
    /// <summary>
    /// The line to draw: from <see cref="Start"/> to <see cref="End"/> (both included) through its bends, every segment
    /// horizontal or vertical, crossing no activity box (it runs in the gaps between the columns of boxes and crosses a
    /// column only between two boxes). <see cref="ActivityMapLayout.Compute"/> always sets it; empty on an edge made by
    /// hand, which is then drawn straight from <see cref="Start"/> to <see cref="End"/>.
    /// </summary>
    public ValueList<Point> Route { get; init; } = ValueList<Point>.Empty;

    /// <summary>The points to draw through: <see cref="Route"/>, or <see cref="Start"/> and <see cref="End"/> when it is empty.</summary>
    /// <returns>At least two points.</returns>
    public IReadOnlyList<Point> Points() => Route.Count >= 2 ? Route : [Start, End];

    /// <summary>The point halfway along the drawn line (by length).</summary>
    /// <returns>A point on the line.</returns>
    public Point Midpoint() => PointAlong(0.5);

    /// <summary>The point at a fraction of the drawn line's length from <see cref="Start"/>.</summary>
    /// <param name="fraction">0 for <see cref="Start"/>, 1 for <see cref="End"/>; clamped to that range.</param>
    /// <returns>A point on the line.</returns>
    public Point PointAlong(double fraction)
    {
        var points = Points();
        var total = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            total += Distance(points[i - 1], points[i]);
        }

        var left = Math.Clamp(fraction, 0, 1) * total;
        for (var i = 1; i < points.Count; i++)
        {
            var length = Distance(points[i - 1], points[i]);
            if (left <= length && length > 0)
            {
                var t = left / length;
                return new Point(points[i - 1].X + ((points[i].X - points[i - 1].X) * t), points[i - 1].Y + ((points[i].Y - points[i - 1].Y) * t));
            }

            left -= length;
        }

        return points[^1];
    }

    private static double Distance(Point a, Point b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}

/// <summary>Sizes and gaps of the layout, in layout units.</summary>
public sealed record LayoutOptions
{
    /// <summary>The default sizes, tuned for 12-pixel text.</summary>
    public static LayoutOptions Default { get; } = new();

    /// <summary>The width of an activity box.</summary>
    public double NodeWidth { get; init; } = 180;

    /// <summary>The height of an activity box.</summary>
    public double NodeHeight { get; init; } = 46;

    /// <summary>The horizontal gap between a parent's box and its children's.</summary>
    public double LevelGap { get; init; } = 36;

    /// <summary>The vertical gap between two boxes of the same level.</summary>
    public double RowGap { get; init; } = 14;

    /// <summary>The gap between two lanes.</summary>
    public double LaneGap { get; init; } = 16;

    /// <summary>The padding inside a lane, around its boxes.</summary>
    public double LanePadding { get; init; } = 16;

    /// <summary>The height of a lane's header.</summary>
    public double HeaderHeight { get; init; } = 56;

    /// <summary>
    /// Whether to split the map into service-blueprint bands (customer actions, frontstage, backstage, support
    /// processes and the journey's own lanes, top to bottom), each activity in its lane's band, with the blueprint's
    /// lines between them. Off by default: the tidy tree per phase.
    /// </summary>
    public bool ServiceBlueprint { get; init; }

    /// <summary>The height of a band's label strip, above its boxes, in blueprint mode.</summary>
    public double BandLabelHeight { get; init; } = 22;

    /// <summary>Checks that every size is positive and every gap is not negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or gap is out of range.</exception>
    public void Validate()
    {
        Guard.Against.OutOfRange(NodeWidth, nameof(NodeWidth), double.Epsilon, double.PositiveInfinity, "NodeWidth must be a positive number of pixels.");
        Guard.Against.OutOfRange(NodeHeight, nameof(NodeHeight), double.Epsilon, double.PositiveInfinity, "NodeHeight must be a positive number of pixels.");
        Guard.Against.OutOfRange(HeaderHeight, nameof(HeaderHeight), double.Epsilon, double.PositiveInfinity, "HeaderHeight must be a positive number of pixels.");
        Guard.Against.OutOfRange(LevelGap, nameof(LevelGap), 0d, double.PositiveInfinity, "LevelGap must be 0 or more pixels.");
        Guard.Against.OutOfRange(RowGap, nameof(RowGap), 0d, double.PositiveInfinity, "RowGap must be 0 or more pixels.");
        Guard.Against.OutOfRange(LaneGap, nameof(LaneGap), 0d, double.PositiveInfinity, "LaneGap must be 0 or more pixels.");
        Guard.Against.OutOfRange(LanePadding, nameof(LanePadding), 0d, double.PositiveInfinity, "LanePadding must be 0 or more pixels.");
        Guard.Against.OutOfRange(BandLabelHeight, nameof(BandLabelHeight), 0d, double.PositiveInfinity, "BandLabelHeight must be 0 or more pixels.");
    }
}
