using System;
using System.Collections.Generic;
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
/// <item><description><c>ruleSettings</c>: a version-1 document has no rule settings, so it gets an empty list (an
/// existing member is kept). Version-1 events need no change: no event of version 1 carries settings.</description></item>
/// <item><description><c>warnings</c>: metric rules raise one warning per KPI since version 2, so a status recorded on a
/// metric rule's activity warning becomes the same status on each metric the activity holds
/// (<see cref="MetricWarningSubjects.SplitActivityStatuses"/>). Version-1 events need no change: the journey applies a
/// version-1 lifecycle event of a metric rule about an activity to each of its metrics itself.</description></item>
/// <item><description>portfolio links: a version-1 journey sits under no parent and its activities link to no
/// sub-journey, so the document gets <c>"parentJourneyId": null</c> and each activity <c>"subJourneyId": null</c>
/// (existing members are kept). Version-1 events need no change: the portfolio events are new.</description></item>
/// <item><description><c>lanes</c>, <c>opportunities</c>, <c>activities[].lane</c>: a version-1 document has no
/// service-blueprint lanes of its own and no opportunities, so it gets empty lists, and each of its activities gets the
/// default lane, <c>frontstage</c> (an activity is something the company does towards the customer, in the customer's
/// sight; a missing lane is not data the user gave, so nothing they gave changes). Existing members are kept.
/// Version-1 events need no change: a version-1 <c>activity-added</c> makes a frontstage activity, as it does now.</description></item>
/// <item><description><c>pairing</c>: as-is / to-be pairs came in version 2, so a version-1 document gets
/// <c>"pairing": null</c> (an existing member is kept). Version-1 events need no change.</description></item>
/// </list>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public sealed class JourneyJsonMigrationV1ToV2 : IJourneyJsonMigration
{
    /// <summary>The steps that rewrite a version-1 document, in order.</summary>
    private static readonly IReadOnlyList<Action<JsonObject>> DocumentSteps =
    [
        AddEmptyRuleSettings,
        MetricWarningSubjects.SplitActivityStatuses,
        AddPortfolioLinks,
        AddLanesAndOpportunities,
        AddNoPairing,
    ];

    /// <summary>The steps that rewrite one version-1 event, in order.</summary>
    private static readonly IReadOnlyList<Action<JsonObject>> EventSteps = [];

    private JourneyJsonMigrationV1ToV2()
    {
    }

    /// <summary>The one instance the serializer uses.</summary>
    public static JourneyJsonMigrationV1ToV2 Instance { get; } = new();

    /// <inheritdoc />
    public int FromVersion => 1;

    /// <inheritdoc />
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
