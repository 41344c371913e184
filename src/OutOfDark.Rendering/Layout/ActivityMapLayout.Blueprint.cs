using System;
using System.Collections.Generic;

namespace OutOfDark.Rendering;

/// <summary>The service-blueprint layout: phases as columns, lanes as bands, each activity in its phase's column and its lane's band.</summary>
public static partial class ActivityMapLayout
{
    /// <summary>
    /// Phases are columns left to right, lanes are bands top to bottom (<see cref="Journey.Lanes"/>). In each column and
    /// band, the activities of that phase and lane take consecutive rows in map order, indented one level per depth in the
    /// map; a band is as tall as its fullest column. Boxes never overlap: each has its own row in its cell, and columns
    /// and bands are disjoint. Every lane has a band, even an empty one, so the blueprint's lines always show.
    /// </summary>
    private static MapLayout ComputeBlueprint(Journey journey, LayoutOptions options)
    {
        var pitch = options.NodeHeight + options.RowGap;
        var column = options.NodeWidth + options.LevelGap;
        var lanes = journey.Lanes;
        var laneIndex = new Dictionary<LaneId, int>(lanes.Count);
        for (var i = 0; i < lanes.Count; i++)
        {
            laneIndex[lanes[i].Id] = i;
        }

        var phaseCount = journey.Phases.Count;
        var rows = new int[phaseCount, lanes.Count];
        var maxDepth = new int[phaseCount];
        var depth = new Dictionary<ActivityId, int>(journey.ActivityCount);
        var cells = new List<(Activity Activity, int Phase, int Band, int Row, int Depth)>(journey.ActivityCount);
        foreach (var activity in journey.Activities)
        {
            var d = activity.ParentId is { } parent ? depth[parent] + 1 : 0;
            depth[activity.Id] = d;
            var phase = journey.PhaseIndex(activity.PhaseId);
            var band = laneIndex[activity.Lane];
            cells.Add((activity, phase, band, rows[phase, band]++, d));
            maxDepth[phase] = Math.Max(maxDepth[phase], d);
        }

        var columnX = new double[phaseCount];
        var columnWidth = new double[phaseCount];
        var x = 0.0;
        for (var p = 0; p < phaseCount; p++)
        {
            columnX[p] = x;
            columnWidth[p] = (2 * options.LanePadding) + options.NodeWidth + (maxDepth[p] * column);
            x += columnWidth[p] + options.LaneGap;
        }

        var width = phaseCount == 0 ? 0 : x - options.LaneGap;
        var bandY = new double[lanes.Count];
        var bands = new BlueprintBand[lanes.Count];
        var lines = new List<BlueprintLineLayout>(3);
        var y = options.HeaderHeight;
        for (var b = 0; b < lanes.Count; b++)
        {
            var fullest = 0;
            for (var p = 0; p < phaseCount; p++)
            {
                fullest = Math.Max(fullest, rows[p, b]);
            }

            var height = options.BandLabelHeight + (Math.Max(1, fullest) * pitch) - options.RowGap + (2 * options.LanePadding);
            bandY[b] = y;
            bands[b] = new BlueprintBand(lanes[b].Id, b, new Box(0, y, width, height), new Box(0, y, width, options.BandLabelHeight));
            if (lanes[b].LineAbove is { } line)
            {
                lines.Add(new BlueprintLineLayout(line, new Point(0, y), new Point(width, y)));
            }

            y += height;
        }

        var phaseLanes = new PhaseLane[phaseCount];
        for (var p = 0; p < phaseCount; p++)
        {
            phaseLanes[p] = new PhaseLane(journey.Phases[p].Id, p, new Box(columnX[p], 0, columnWidth[p], y), new Box(columnX[p], 0, columnWidth[p], options.HeaderHeight));
        }

        var nodes = new List<NodeBox>(cells.Count);
        var boxes = new Dictionary<ActivityId, Box>(cells.Count);
        var requests = new List<EdgeRequest>(cells.Count + journey.Flows.Count);
        foreach (var (activity, phase, band, row, d) in cells)
        {
            var box = new Box(
                columnX[phase] + options.LanePadding + (d * column),
                bandY[band] + options.BandLabelHeight + options.LanePadding + (row * pitch),
                options.NodeWidth,
                options.NodeHeight);
            boxes[activity.Id] = box;
            nodes.Add(new NodeBox(activity.Id, activity.PhaseId, phase, d, box) { BlueprintLane = activity.Lane });
            if (activity.ParentId is { } parent)
            {
                requests.Add(new EdgeRequest(MapEdgeKind.Tree, parent, activity.Id, null, null));
            }
        }

        AddFlows(journey, requests);
        var edges = EdgeRouter.Route(boxes, requests, options, y);
        return new MapLayout(width, y, ValueList<PhaseLane>.From(phaseLanes), ValueList<NodeBox>.From(nodes), ValueList<MapEdge>.From(edges))
        {
            Bands = ValueList<BlueprintBand>.From(bands),
            Lines = ValueList<BlueprintLineLayout>.From(lines),
        };
    }
}
