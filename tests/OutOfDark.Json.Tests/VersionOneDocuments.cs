using System.Linq;
using System.Text.Json.Nodes;
using OutOfDark.Warnings;

namespace OutOfDark.Json.Tests;

/// <summary>
/// True version-1 documents made from version-2 ones: schema version 1, without any member version 1 never had, and the
/// snapshot a reader makes of one.
/// </summary>
internal static class VersionOneDocuments
{
    /// <summary>A copy of <paramref name="current"/> as version 1 wrote it: <c>schemaVersion</c> 1, and none of the
    /// members that came in version 2 (of the journey, its phases, activities, metric widgets and observations).</summary>
    public static JsonObject Of(JsonObject current)
    {
        var document = current.DeepClone().AsObject();
        document["schemaVersion"] = 1;
        Remove(document, "ruleSettings", "parentJourneyId", "lanes", "opportunities", "pairing", "metrics");
        foreach (var phase in Objects(document["phases"]))
        {
            Remove(phase, "metrics");
        }

        foreach (var activity in Objects(document["activities"]))
        {
            Remove(activity, "lane", "subJourneyId");
            foreach (var widget in Objects(activity["widgets"]))
            {
                Remove(widget, "segments");
                foreach (var observation in Objects(widget["observations"]))
                {
                    Remove(observation, "sampleSize", "answers");
                }
            }
        }

        return document;
    }

    /// <summary>What reading <see cref="Of"/> a document of <paramref name="current"/> gives: the journey without what
    /// version 2 added, its activities in the default lane.</summary>
    public static JourneySnapshot Expected(JourneySnapshot current) => current with
    {
        RuleSettings = ValueList<RuleSettingsEntry>.Empty,
        ParentJourneyId = null,
        Lanes = ValueList<Lane>.Empty,
        Opportunities = ValueList<Opportunity>.Empty,
        Pairing = null,
        Metrics = ValueList<MetricWidget>.Empty,
        Phases = ValueList<Phase>.From(current.Phases.Select(p => p with { Metrics = ValueList<MetricWidget>.Empty })),
        Activities = ValueList<Activity>.From(current.Activities.Select(a => a with
        {
            Lane = LaneId.Frontstage,
            SubJourneyId = null,
            Widgets = ValueList<Widget>.From(a.Widgets.Select(w => w is MetricWidget m
                ? m with { Segments = ValueList<SegmentSeries>.Empty, Observations = ObservationSeries.From(m.Observations.Select(o => new Observation(o.Date, o.Value))) }
                : w)),
        })),
    };

    private static JsonObject[] Objects(JsonNode? list) => list is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    private static void Remove(JsonObject item, params string[] members)
    {
        foreach (var member in members)
        {
            item.Remove(member);
        }
    }
}
