using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace OutOfDark.Json;

/// <summary>
/// Lifts schema version 1 to 2, the version in which a journey's rule settings became part of it. Always applied by
/// <see cref="JourneyJsonSerializer"/>; nothing to register.
/// </summary>
/// <remarks>
/// <para>
/// Version 2 is one bump for every change made to the format in it: each change adds one step to
/// <see cref="DocumentSteps"/> and/or <see cref="EventSteps"/>, applied in order, so that a version-1 document goes
/// through all of them once. Steps so far:
/// </para>
/// <list type="number">
/// <item><description>first, a member version 1 never had is refused with its path, for example <c>$.lanes</c> or
/// <c>$.activities[0].widgets[1].segments</c>: <c>ruleSettings</c>, <c>parentJourneyId</c>, <c>lanes</c>,
/// <c>opportunities</c>, <c>pairing</c> and <c>metrics</c> of the journey, <c>metrics</c> of a phase, <c>lane</c> and
/// <c>subJourneyId</c> of an activity, <c>segments</c> of a metric widget, and <c>sampleSize</c> and <c>answers</c> of an
/// observation. A document carrying them was written by version 2: it says so with <c>"schemaVersion": 2</c>, or loses
/// them (<see cref="JourneyFormatException"/>, "member X exists from schema version 2"). The one event step does the same
/// for an event: a type version 1 never wrote is refused at <c>type</c> ("event type X exists from schema version 2"),
/// and the widget of a <c>widget-added</c> / <c>widget-changed</c> is held to the widget and observation members
/// above.</description></item>
/// <item><description><c>ruleSettings</c>: a version-1 document has no rule settings, so it gets an empty list.
/// Version-1 events need no change: no event of version 1 carries settings.</description></item>
/// <item><description><c>warnings</c>: metric rules raise one warning per KPI since version 2, so a status recorded on a
/// metric rule's activity warning becomes the same status on each metric the activity holds
/// (<see cref="MetricWarningSubjects.SplitActivityStatuses"/>). Version-1 events need no change: the journey applies a
/// version-1 lifecycle event of a metric rule about an activity to each of its metrics itself.</description></item>
/// <item><description>portfolio links: a version-1 journey sits under no parent and its activities link to no
/// sub-journey, so the document gets <c>"parentJourneyId": null</c> and each activity <c>"subJourneyId": null</c>
///. Version-1 events need no change: the portfolio events are new.</description></item>
/// <item><description><c>lanes</c>, <c>opportunities</c>, <c>activities[].lane</c>: a version-1 document has no
/// service-blueprint lanes of its own and no opportunities, so it gets empty lists, and each of its activities gets the
/// default lane, <c>frontstage</c> (an activity is something the company does towards the customer, in the customer's
/// sight; a missing lane is not data the user gave, so nothing they gave changes).
/// Version-1 events need no change: a version-1 <c>activity-added</c> makes a frontstage activity, as it does now.</description></item>
/// <item><description><c>pairing</c>: as-is / to-be pairs came in version 2, so a version-1 document gets
/// <c>"pairing": null</c>. Version-1 events need no change.</description></item>
/// </list>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public sealed class JourneyJsonMigrationV1ToV2 : IJourneyJsonMigration
{
    /// <summary>The steps that rewrite a version-1 document, in order.</summary>
    private static readonly IReadOnlyList<Action<JsonObject>> DocumentSteps =
    [
        RefuseVersionTwoMembers,
        AddEmptyRuleSettings,
        MetricWarningSubjects.SplitActivityStatuses,
        AddPortfolioLinks,
        AddLanesAndOpportunities,
        AddNoPairing,
    ];

    /// <summary>The steps that rewrite one version-1 event, in order.</summary>
    private static readonly IReadOnlyList<Action<JsonObject>> EventSteps =
    [
        e => RefuseVersionTwoEvent(e, "$", StreamSays),
    ];

    /// <summary>How a stream's refusal names the version it read, and what to do.</summary>
    internal const string StreamSays = "this stream says \"schemaVersion\": 1. Set \"schemaVersion\" to 2 if a version-2 program wrote it";

    /// <summary>How a single event's refusal names the version it was read at, and what to do.</summary>
    internal const string EventSays = "this event was read at schema version 1. Read it at schema version 2 if a version-2 program wrote it";

    /// <summary>The event types version 1 wrote; every other type came in version 2.</summary>
    private static readonly HashSet<string> VersionOneEventTypes = new(StringComparer.Ordinal)
    {
        "journey-created", "journey-renamed", "journey-description-changed", "journey-owner-changed", "journey-state-changed",
        "phase-added", "phase-changed", "phase-moved", "phase-removed",
        "persona-added", "persona-changed", "persona-removed",
        "activity-added", "activity-changed", "activity-moved", "activity-removed",
        "flow-added", "flow-removed",
        "widget-added", "widget-changed", "widget-moved", "widget-removed",
        "observation-recorded", "observation-corrected", "observation-removed",
        "feedback-recorded",
        "warning-acknowledged", "warning-snoozed", "warning-resolved", "warning-reopened",
    };

    /// <summary>The event types that came in version 2, in the order of <see cref="EventTypes.Names"/>.</summary>
    internal static IEnumerable<string> VersionTwoEventTypes => EventTypes.Names.Where(n => !VersionOneEventTypes.Contains(n));

    /// <summary>
    /// Refuses a version-1 event that version 1 could not have written: an event type that came in version 2 (at
    /// <c>type</c>), or a version-2 member in the widget it carries (<c>widget.segments</c>,
    /// <c>widget.observations[i].sampleSize</c> / <c>answers</c>).
    /// </summary>
    /// <param name="journeyEvent">The event as written.</param>
    /// <param name="path">The event's JSON path, <c>$</c> or <c>$.events[3]</c>.</param>
    /// <param name="says">What the reader was told about the version, and what to do: <see cref="StreamSays"/> or <see cref="EventSays"/>.</param>
    /// <exception cref="JourneyFormatException">The event came in version 2 or carries a version-2 member.</exception>
    internal static void RefuseVersionTwoEvent(JsonObject journeyEvent, string path, string says)
    {
        if (journeyEvent["type"] is JsonValue type && type.TryGetValue<string>(out var name) && !VersionOneEventTypes.Contains(name)
            && EventTypes.Names.Contains(name))
        {
            throw new JourneyFormatException($"Event type \"{name}\" exists from schema version 2; {says}.", path + ".type");
        }

        if (journeyEvent["widget"] is JsonObject widget)
        {
            var widgetPath = path + ".widget";
            Refuse(widget, MetricMembers, widgetPath, says);
            foreach (var (observation, observationPath) in Items(widget["observations"], widgetPath + ".observations"))
            {
                Refuse(observation, ObservationMembers, observationPath, says);
            }
        }
    }

    private JourneyJsonMigrationV1ToV2()
    {
    }

    /// <summary>The one instance the serializer uses.</summary>
    public static JourneyJsonMigrationV1ToV2 Instance { get; } = new();

    /// <inheritdoc />
    public int FromVersion => 1;

    /// <inheritdoc />
    /// <exception cref="JourneyFormatException">The document carries a member version 1 never had; the exception's
    /// path names it.</exception>
    public void MigrateDocument(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var step in DocumentSteps)
        {
            step(document);
        }
    }

    /// <inheritdoc />
    public void MigrateEvent(JsonObject journeyEvent)
    {
        ArgumentNullException.ThrowIfNull(journeyEvent);
        foreach (var step in EventSteps)
        {
            step(journeyEvent);
        }
    }

    /// <summary>The members of the journey document, a phase, an activity, a metric widget and an observation that came in version 2.</summary>
    private static readonly string[] JourneyMembers = ["ruleSettings", "parentJourneyId", "lanes", "opportunities", "pairing", "metrics"];
    private static readonly string[] PhaseMembers = ["metrics"];
    private static readonly string[] ActivityMembers = ["lane", "subJourneyId"];
    private static readonly string[] MetricMembers = ["segments"];
    private static readonly string[] ObservationMembers = ["sampleSize", "answers"];

    private static void RefuseVersionTwoMembers(JsonObject document)
    {
        Refuse(document, JourneyMembers, "$");
        foreach (var (phase, path) in Items(document["phases"], "$.phases"))
        {
            Refuse(phase, PhaseMembers, path);
        }

        foreach (var (activity, path) in Items(document["activities"], "$.activities"))
        {
            Refuse(activity, ActivityMembers, path);
            foreach (var (widget, widgetPath) in Items(activity["widgets"], path + ".widgets"))
            {
                Refuse(widget, MetricMembers, widgetPath);
                foreach (var (observation, observationPath) in Items(widget["observations"], widgetPath + ".observations"))
                {
                    Refuse(observation, ObservationMembers, observationPath);
                }
            }
        }
    }

    private static IEnumerable<(JsonObject Item, string Path)> Items(JsonNode? list, string path)
    {
        if (list is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item)
                {
                    yield return (item, $"{path}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
                }
            }
        }
    }

    private static void Refuse(JsonObject item, string[] members, string path) =>
        Refuse(item, members, path, "this document says \"schemaVersion\": 1. Set \"schemaVersion\" to 2 if a version-2 program wrote it");

    private static void Refuse(JsonObject item, string[] members, string path, string says)
    {
        foreach (var member in members)
        {
            if (item.ContainsKey(member))
            {
                throw new JourneyFormatException($"Member \"{member}\" exists from schema version 2; {says}, or remove the member.", $"{path}.{member}");
            }
        }
    }

    private static void AddPortfolioLinks(JsonObject document)
    {
        if (!document.ContainsKey("parentJourneyId"))
        {
            document["parentJourneyId"] = null;
        }

        if (document["activities"] is JsonArray activities)
        {
            foreach (var activity in activities)
            {
                if (activity is JsonObject a && !a.ContainsKey("subJourneyId"))
                {
                    a["subJourneyId"] = null;
                }
            }
        }
    }

    private static void AddLanesAndOpportunities(JsonObject document)
    {
        if (!document.ContainsKey("lanes"))
        {
            document["lanes"] = new JsonArray();
        }

        if (!document.ContainsKey("opportunities"))
        {
            document["opportunities"] = new JsonArray();
        }

        if (document["activities"] is JsonArray activities)
        {
            foreach (var activity in activities)
            {
                if (activity is JsonObject a && !a.ContainsKey("lane"))
                {
                    a["lane"] = "frontstage";
                }
            }
        }
    }

    private static void AddNoPairing(JsonObject document)
    {
        if (!document.ContainsKey("pairing"))
        {
            document["pairing"] = null;
        }
    }

    private static void AddEmptyRuleSettings(JsonObject document)
    {
        if (!document.ContainsKey("ruleSettings"))
        {
            document["ruleSettings"] = new JsonArray();
        }
    }
}
