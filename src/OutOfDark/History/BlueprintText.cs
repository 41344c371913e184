using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OutOfDark.Events;

namespace OutOfDark;

/// <summary>The history's sentences for lanes and opportunities, naming things as they were just before the event.</summary>
internal static class BlueprintText
{
    public static string Describe(JourneyEvent e, Journey? before, Func<ActivityId, string> activity)
    {
        string L(LaneId id) => before?.FindLane(id) is { } lane ? $"\"{lane.Name}\"" : $"'{id}'";
        string O(OpportunityId id) => before?.FindOpportunity(id) is { } o ? $"\"{o.Title}\"" : id.ToString();
        string Link(OpportunityLink link) => before is null ? link.ToString() : before.DescribeLink(link);
        return e switch
        {
            LaneAdded x => $"Added lane \"{x.Name}\" ({x.LaneId}) at order {x.Order}",
            LaneChanged x => before?.FindLane(x.LaneId) is { } old && old.Name != x.Name
                ? $"Renamed lane \"{old.Name}\" to \"{x.Name}\"" + (old.Order != x.Order ? $" and moved it to order {x.Order}" : "")
                : $"Moved lane \"{x.Name}\" to order {x.Order}",
            LaneRemoved x => $"Removed lane {L(x.LaneId)}",
            ActivityLaneChanged x => $"Moved activity {activity(x.ActivityId)} to {LaneWords(before?.FindLane(x.LaneId), x.LaneId)}",
            OpportunityAdded x => $"Added opportunity \"{x.Title}\"" + (x.Status == OpportunityStatus.Idea ? "" : $" ({Status(x.Status)})"),
            OpportunityChanged x => $"Changed opportunity {O(x.OpportunityId)}: {Changes(x, before?.FindOpportunity(x.OpportunityId))}",
            OpportunityScored { Scores: { } s } x => $"Scored opportunity {O(x.OpportunityId)}: customer value {s.CustomerValue}, business value {s.BusinessValue}, effort {s.Effort} (priority {OpportunityPriority.Compute(s).ToString(CultureInfo.InvariantCulture)})",
            OpportunityScored x => $"Cleared the scores of opportunity {O(x.OpportunityId)}",
            OpportunityLinked x => $"Linked opportunity {O(x.OpportunityId)} to {Link(x.Link)}",
            OpportunityUnlinked x => $"Unlinked opportunity {O(x.OpportunityId)} from {Link(x.Link)}",
            OpportunityRemoved x => $"Removed opportunity {O(x.OpportunityId)}",
            _ => e.GetType().Name,
        };
    }

    /// <summary>The end of a removal's sentence naming the opportunities that lose links, or nothing.</summary>
    public static string Unlinked(IReadOnlyList<Opportunity>? opportunities) =>
        opportunities is null || opportunities.Count == 0 ? ""
        : $", unlinking it from opportunit{(opportunities.Count == 1 ? "y" : "ies")} {string.Join(", ", opportunities.Select(o => $"\"{o.Title}\""))}";

    /// <summary>"backstage", "the lane \"Partners\"": built-in lanes read as the words of the blueprint.</summary>
    private static string LaneWords(Lane? lane, LaneId id) =>
        id == LaneId.CustomerAction ? "customer actions"
        : id == LaneId.Frontstage ? "frontstage"
        : id == LaneId.Backstage ? "backstage"
        : id == LaneId.SupportProcess ? "support processes"
        : lane is null ? $"lane '{id}'" : $"lane \"{lane.Name}\"";

    private static string Status(OpportunityStatus status) => status switch
    {
        OpportunityStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Changes(OpportunityChanged x, Opportunity? old)
    {
        if (old is null)
        {
            return "new values";
        }

        var parts = new List<string>();
        if (old.Title != x.Title)
        {
            parts.Add($"title \"{old.Title}\" → \"{x.Title}\"");
        }

        if (old.Status != x.Status)
        {
            parts.Add($"status {Status(old.Status)} → {Status(x.Status)}");
        }

        if (old.Owner != x.Owner)
        {
            parts.Add($"owner {(old.Owner is null ? "(none)" : $"\"{old.Owner}\"")} → {(x.Owner is null ? "(none)" : $"\"{x.Owner}\"")}");
        }

        if (old.Description != x.Description)
        {
            parts.Add("description");
        }

        return parts.Count == 0 ? "no visible change" : string.Join("; ", parts);
    }
}
