using Ardalis.GuardClauses;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace OutOfDark.Rendering;

/// <summary>The service blueprint as a Mermaid flowchart.</summary>
public static partial class MermaidRenderer
{
    /// <summary>
    /// Writes a Mermaid <c>flowchart</c> of the service blueprint: one subgraph per lane, top to bottom
    /// (<see cref="Journey.Lanes"/>), holding its activities in map order, left to right; the flows as arrows (with their
    /// labels); and the blueprint's three lines as labelled links between the lanes they separate
    /// (<c>line of interaction</c>, <c>line of visibility</c>, <c>line of internal interaction</c>). Consecutive lanes
    /// with no line between them are joined by an invisible link, which keeps their order. A lane with no activity shows
    /// one node reading "(no activities)". Tree links of the map are left out: the mindmap shows them.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="System.ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteBlueprint(Journey journey, TextWriter writer)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(writer);
        var ids = new Dictionary<ActivityId, string>(journey.ActivityCount);
        var byLane = new Dictionary<LaneId, List<Activity>>();
        foreach (var activity in journey.Activities)
        {
            ids[activity.Id] = "a" + ids.Count.ToString(CultureInfo.InvariantCulture);
            if (!byLane.TryGetValue(activity.Lane, out var list))
            {
                byLane[activity.Lane] = list = [];
            }

            list.Add(activity);
        }

        writer.Write("flowchart TB\n");
        var lanes = journey.Lanes;
        for (var i = 0; i < lanes.Count; i++)
        {
            writer.Write($"    subgraph l{i}[\"{MermaidText.Safe(lanes[i].Name)}\"]\n        direction LR\n");
            if (byLane.TryGetValue(lanes[i].Id, out var activities))
            {
                foreach (var activity in activities)
                {
                    writer.Write($"        {ids[activity.Id]}[\"{MermaidText.Safe(activity.Name)}\"]\n");
                }
            }
            else
            {
                writer.Write($"        e{i}[\"(no activities)\"]\n");
            }

            writer.Write("    end\n");
        }

        for (var i = 1; i < lanes.Count; i++)
        {
            writer.Write(lanes[i].LineAbove switch
            {
                BlueprintLine.Interaction => $"    l{i - 1} ---|line of interaction| l{i}\n",
                BlueprintLine.Visibility => $"    l{i - 1} ---|line of visibility| l{i}\n",
                BlueprintLine.InternalInteraction => $"    l{i - 1} ---|line of internal interaction| l{i}\n",
                _ => $"    l{i - 1} ~~~ l{i}\n",
            });
        }

        foreach (var flow in journey.Flows)
        {
            writer.Write(flow.Label is { } label
                ? $"    {ids[flow.From]} -->|\"{MermaidText.Safe(label)}\"| {ids[flow.To]}\n"
                : $"    {ids[flow.From]} --> {ids[flow.To]}\n");
        }
    }

    /// <summary>Returns the service blueprint as Mermaid <c>flowchart</c> text (see <see cref="WriteBlueprint"/>).</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The text.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static string ToBlueprint(Journey journey)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteBlueprint(journey, writer);
        return writer.ToString();
    }
}
