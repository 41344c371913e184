using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark.Rendering;

/// <summary>Lays out a journey's activity map as a tidy tree per phase: the data behind the SVG map.</summary>
/// <remarks>
/// <para>
/// Phases are lanes from left to right, in phase order. Each top-level activity's tree goes in the lane of its phase and
/// grows to the right, one level per column; leaves take consecutive rows and a parent sits halfway between its first
/// and last child. A child stays in its parent's tree even when it lives in another phase (its box keeps its own phase,
/// for the colour). Boxes never overlap: boxes of one level have disjoint rows, levels and lanes have disjoint columns.
/// </para>
/// <para>Deterministic (the same journey and options give an equal layout) and linear in the number of activities and flows. Thread-safe.</para>
/// </remarks>
public static partial class ActivityMapLayout
{
    /// <summary>Lays out the journey's activity map.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="options">Sizes and gaps; <see cref="LayoutOptions.Default"/> when omitted.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size or gap in <paramref name="options"/> is out of range.</exception>
    public static MapLayout Compute(Journey journey, LayoutOptions? options = null)
    {
        Guard.Against.Null(journey);
        options ??= LayoutOptions.Default;
        options.Validate();
        if (options.ServiceBlueprint)
        {
            return ComputeBlueprint(journey, options);
        }

        var pitch = options.NodeHeight + options.RowGap;
        var column = options.NodeWidth + options.LevelGap;
        var placements = new Dictionary<ActivityId, Placement>(journey.ActivityCount);
        var rootsByPhase = new Dictionary<PhaseId, List<Activity>>();
        foreach (var root in journey.RootActivities)
        {
            if (!rootsByPhase.TryGetValue(root.PhaseId, out var list))
            {
                rootsByPhase[root.PhaseId] = list = [];
            }

            list.Add(root);
        }

        var phaseCount = journey.Phases.Count;
        var laneDepth = new int[phaseCount];
        var laneRows = new int[phaseCount];
        var stack = new Stack<Frame>();
        for (var lane = 0; lane < phaseCount; lane++)
        {
            if (!rootsByPhase.TryGetValue(journey.Phases[lane].Id, out var roots))
            {
                continue;
            }

            var row = 0;
            var maxDepth = 0;
            foreach (var root in roots)
            {
                stack.Push(new Frame(root, 0, journey.ChildrenOf(root.Id)));
                while (stack.Count > 0)
                {
                    var frame = stack.Pop();
                    if (frame.Next < frame.Children.Count)
                    {
                        var child = frame.Children[frame.Next];
                        stack.Push(frame with { Next = frame.Next + 1 });
                        stack.Push(new Frame(child, frame.Depth + 1, journey.ChildrenOf(child.Id)));
                        continue;
                    }

                    var center = frame.Children.Count == 0
                        ? row++
                        : (placements[frame.Children[0].Id].Center + placements[frame.Children[^1].Id].Center) / 2;
                    placements[frame.Activity.Id] = new Placement(lane, frame.Depth, center);
                    maxDepth = Math.Max(maxDepth, frame.Depth);
                }
            }

            laneDepth[lane] = maxDepth;
            laneRows[lane] = row;
        }

        var maxRows = 0;
        foreach (var rows in laneRows)
        {
            maxRows = Math.Max(maxRows, rows);
        }

        var bodyHeight = Math.Max(1, maxRows) * pitch - options.RowGap + (2 * options.LanePadding);
        var height = options.HeaderHeight + bodyHeight;
        var laneX = new double[phaseCount];
        var lanes = new PhaseLane[phaseCount];
        var x = 0.0;
        for (var lane = 0; lane < phaseCount; lane++)
        {
            var width = (2 * options.LanePadding) + options.NodeWidth + (laneDepth[lane] * column);
            laneX[lane] = x;
            lanes[lane] = new PhaseLane(
                journey.Phases[lane].Id,
                lane,
                new Box(x, 0, width, height),
                new Box(x, 0, width, options.HeaderHeight));
            x += width + options.LaneGap;
        }

        var totalWidth = phaseCount == 0 ? 0 : x - options.LaneGap;
        var nodes = new List<NodeBox>(journey.ActivityCount);
        var boxes = new Dictionary<ActivityId, Box>(journey.ActivityCount);
        var requests = new List<EdgeRequest>(journey.ActivityCount + journey.Flows.Count);
        foreach (var activity in journey.Activities)
        {
            var place = placements[activity.Id];
            var box = new Box(
                laneX[place.Lane] + options.LanePadding + (place.Depth * column),
                options.HeaderHeight + options.LanePadding + (place.Center * pitch),
                options.NodeWidth,
                options.NodeHeight);
            boxes[activity.Id] = box;
            nodes.Add(new NodeBox(activity.Id, activity.PhaseId, place.Lane, place.Depth, box) { BlueprintLane = activity.Lane });
            if (activity.ParentId is { } parent)
            {
                requests.Add(new EdgeRequest(MapEdgeKind.Tree, parent, activity.Id, null, null));
            }
        }

        AddFlows(journey, requests);
        var edges = EdgeRouter.Route(boxes, requests, options, height);
        return new MapLayout(totalWidth, height, ValueList<PhaseLane>.From(lanes), ValueList<NodeBox>.From(nodes), ValueList<MapEdge>.From(edges));
    }

    private static void AddFlows(Journey journey, List<EdgeRequest> requests)
    {
        foreach (var flow in journey.Flows)
        {
            requests.Add(new EdgeRequest(MapEdgeKind.Flow, flow.From, flow.To, flow.Id, flow.Label));
        }
    }

    private readonly record struct Placement(int Lane, int Depth, double Center);

    private readonly record struct Frame(Activity Activity, int Depth, IReadOnlyList<Activity> Children, int Next = 0);
}
