using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OutOfDark.Json;

/// <summary>
/// The schema version 1 → 2 step for warnings raised per KPI: in version 1 the metric rules (<c>metric.threshold</c>,
/// <c>metric.trend</c>, <c>metric.stale</c>) raised one warning per activity; from version 2 they raise one per metric
/// widget (subject <c>metric:&lt;widget id&gt;</c>). A status people recorded on such an activity warning becomes the
/// same status on each metric the activity holds.
/// </summary>
/// <remarks>
/// <para>
/// Documents: <see cref="SplitActivityStatuses"/> rewrites the snapshot's <c>warnings</c> list, for the metrics the
/// document's activities hold — the journey at the point the document was written.
/// </para>
/// <para>
/// Event streams need no rewriting, and must not get any: a lifecycle event carries one warning, and splitting it would
/// change the journey's version (its event count). The journey itself applies a version-1 lifecycle event of a metric
/// rule about an activity to each metric the activity holds at that point in the history (see <c>Journey.Apply</c>).
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal static class MetricWarningSubjects
{
    /// <summary>The built-in rules that raised one warning per activity in schema version 1 and raise one per metric since.</summary>
    public static readonly IReadOnlySet<string> MetricRules = new HashSet<string>(StringComparer.Ordinal) { "metric.threshold", "metric.trend", "metric.stale" };

    /// <summary>
    /// Rewrites a version-1 journey document in place: each entry of <c>warnings</c> whose key names a metric rule and an
    /// <c>activity:</c> subject is replaced, where it stood, by one entry per metric widget of that activity (in widget
    /// order) with the subject <c>metric:&lt;widget id&gt;</c> and the same handling, actor, instant, note and snooze.
    /// An activity without metrics loses the entry (no warning of those rules can be about it any more); an entry whose
    /// metric subject already has a status keeps the one already there. Anything the step does not understand (a missing
    /// list, an entry of another shape, an unknown activity) is left as it is for the reader to judge.
    /// </summary>
    /// <param name="document">The document's root object.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public static void SplitActivityStatuses(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document["warnings"] is not JsonArray warnings || document["activities"] is not JsonArray activities)
        {
            return;
        }

        var metricsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (activity?["id"] is JsonValue id && id.TryGetValue<string>(out var activityId) && activity["widgets"] is JsonArray widgets)
            {
                var metrics = new List<string>();
                foreach (var widget in widgets)
                {
                    if (widget?["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k) && k == "metric"
                        && widget["id"] is JsonValue wid && wid.TryGetValue<string>(out var widgetId))
                    {
                        metrics.Add(widgetId);
                    }
                }

                metricsOf[activityId.ToLowerInvariant()] = metrics;
            }
        }

        var seen = new HashSet<(string Rule, string Subject)>();
        var entries = new List<JsonNode?>(warnings);
        warnings.Clear();
        foreach (var entry in entries)
        {
            if (entry?["key"] is JsonObject key && Text(key["rule"]) is { } rule && Text(key["subject"]) is { } subject)
            {
                seen.Add((rule, subject));
            }
        }

        foreach (var entry in entries)
        {
            if (entry is JsonObject status && status["key"] is JsonObject key
                && Text(key["rule"]) is { } rule && MetricRules.Contains(rule)
                && Text(key["subject"]) is { } subject && subject.StartsWith("activity:", StringComparison.Ordinal)
                && metricsOf.TryGetValue(subject["activity:".Length..].ToLowerInvariant(), out var metrics))
            {
                foreach (var metric in metrics)
                {
                    var split = "metric:" + metric.ToLowerInvariant();
                    if (seen.Add((rule, split)))
                    {
                        var copy = (JsonObject)status.DeepClone();
                        copy["key"] = new JsonObject { ["rule"] = rule, ["subject"] = split };
                        warnings.Add((JsonNode)copy);
                    }
                }

                continue;
            }

            warnings.Add(entry);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
