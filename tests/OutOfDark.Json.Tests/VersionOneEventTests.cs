using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>
/// A version-1 event stream, or one event read at version 1, holds only what version 1 wrote: an event type or a member
/// that came in version 2 is refused where it stands, not silently read.
/// </summary>
public sealed class VersionOneEventTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    /// <summary>The event types version 1 wrote (its EventTypes table), written out here as the oracle.</summary>
    private static readonly string[] VersionOneTypes =
    [
        "journey-created", "journey-renamed", "journey-description-changed", "journey-owner-changed", "journey-state-changed",
        "phase-added", "phase-changed", "phase-moved", "phase-removed", "persona-added", "persona-changed", "persona-removed",
        "activity-added", "activity-changed", "activity-moved", "activity-removed", "flow-added", "flow-removed",
        "widget-added", "widget-changed", "widget-moved", "widget-removed",
        "observation-recorded", "observation-corrected", "observation-removed", "feedback-recorded",
        "warning-acknowledged", "warning-snoozed", "warning-resolved", "warning-reopened",
    ];

    /// <summary>Every event type that came in version 2.</summary>
    private static readonly string[] VersionTwoTypes =
    [
        "measurement-recorded", "measurement-corrected", "measurement-removed",
        "kpi-added", "kpi-changed", "kpi-moved", "kpi-removed",
        "kpi-measurement-recorded", "kpi-measurement-corrected", "kpi-measurement-removed",
        "rule-settings-changed", "journey-parent-changed", "sub-journey-linked", "feedback-removed",
        "lane-added", "lane-changed", "lane-removed", "activity-lane-changed",
        "opportunity-added", "opportunity-changed", "opportunity-scored", "opportunity-linked", "opportunity-unlinked", "opportunity-removed",
        "journey-paired", "journey-unpaired", "activity-matched", "activity-unmatched",
        "activity-reordered", "persona-moved", "flow-relabelled",
    ];

    public static TheoryData<string> VersionTwoTypeData() => new(VersionTwoTypes);

    /// <summary>The sample journey's events as version 1 wrote them: only version-1 types, without version-2 members.</summary>
    internal static JsonArray VersionOneEvents(IEnumerable<JourneyEvent> events)
    {
        var array = new JsonArray();
        foreach (var e in events)
        {
            var node = JsonNode.Parse(Json.SerializeEvent(e))!.AsObject();
            if (!VersionOneTypes.Contains((string)node["type"]!))
            {
                continue;
            }

            if (node["widget"] is JsonObject widget)
            {
                widget.Remove("segments");
                foreach (var observation in (widget["observations"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    observation.Remove("sampleSize");
                    observation.Remove("answers");
                }
            }

            array.Add(node);
        }

        return array;
    }

    private static JsonObject VersionOneStream() =>
        new() { ["schemaVersion"] = 1, ["events"] = VersionOneEvents(SampleJourneys.Store().PendingEvents) };

    [Fact]
    public void Every_event_type_is_either_from_version_1_or_listed_as_from_version_2()
    {
        Assert.Equal(EventTypes.Names.OrderBy(n => n, StringComparer.Ordinal), VersionOneTypes.Concat(VersionTwoTypes).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(VersionTwoTypes.OrderBy(n => n, StringComparer.Ordinal), JourneyJsonMigrationV1ToV2.VersionTwoEventTypes.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_version_1_stream_of_version_1_events_still_replays()
    {
        var stream = VersionOneStream();

        var journey = Json.ReplayEventStream(SampleJourneys.Bytes(stream), FakeClock.FromUtc(2026, 10, 2, 0, 0, 0));

        Assert.Equal(((JsonArray)stream["events"]!).Count, journey.Version);
        Assert.Equal(2, journey.Phases.Count);
    }

    [Theory]
    [MemberData(nameof(VersionTwoTypeData))]
    public void A_version_1_stream_with_a_version_2_event_type_is_refused_at_its_type(string type)
    {
        var stream = VersionOneStream();
        var events = (JsonArray)stream["events"]!;
        var at = events.Count - 1;
        var e = events[at]!.DeepClone().AsObject();
        e["type"] = type;
        events.Insert(at, e);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(SampleJourneys.Bytes(stream)));

        Assert.Equal($"$.events[{at}].type", ex.Path);
        Assert.Equal($"Event type \"{type}\" exists from schema version 2; this stream says \"schemaVersion\": 1. Set \"schemaVersion\" to 2 if a version-2 program wrote it.", ex.Problem);
        Assert.Throws<JourneyFormatException>(() => Json.ReplayEventStream(SampleJourneys.Bytes(stream), FakeClock.FromUtc(2026, 10, 2, 0, 0, 0)));
    }

    [Theory]
    [MemberData(nameof(VersionTwoTypeData))]
    public void A_version_2_event_type_read_at_version_1_is_refused_at_its_type(string type)
    {
        var e = new JsonObject { ["type"] = type, ["journeyId"] = Guid.NewGuid().ToString() };

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(SampleJourneys.Bytes(e), schemaVersion: 1));

        Assert.Equal("$.type", ex.Path);
        Assert.Equal($"Event type \"{type}\" exists from schema version 2; this event was read at schema version 1. Read it at schema version 2 if a version-2 program wrote it.", ex.Problem);
    }

    [Fact]
    public void A_version_2_event_read_at_version_2_still_reads()
    {
        var journey = SampleJourneys.Store();
        var lane = journey.PendingEvents.OfType<LaneAdded>().First();

        Assert.Equal(lane, Json.DeserializeEvent(Json.SerializeEvent(lane), schemaVersion: 2));
    }

    [Theory]
    [InlineData("segments", "[]", "widget.segments")]
    [InlineData("observations[0].sampleSize", "40", "widget.observations[0].sampleSize")]
    [InlineData("observations[0].answers", "null", "widget.observations[0].answers")]
    public void A_version_1_widget_event_with_a_version_2_member_is_refused_at_the_member(string member, string json, string path)
    {
        var stream = VersionOneStream();
        var events = (JsonArray)stream["events"]!;
        var at = events.Select((e, i) => (e, i)).First(p => (string?)p.e!["type"] == "widget-added" && (string?)p.e!["widget"]!["kind"] == "metric").i;
        var widget = events[at]!["widget"]!.AsObject();
        if (member.StartsWith("observations", StringComparison.Ordinal))
        {
            widget["observations"] = new JsonArray(new JsonObject { ["date"] = "2026-09-30", ["value"] = 1.5m });
        }

        var target = member.Contains('.') ? widget["observations"]![0]!.AsObject() : widget;
        target[member[(member.LastIndexOf('.') + 1)..]] = JsonNode.Parse(json);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(SampleJourneys.Bytes(stream)));
        var single = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(SampleJourneys.Bytes(events[at]!), schemaVersion: 1));

        var name = path[(path.LastIndexOf('.') + 1)..];
        Assert.Equal($"$.events[{at}].{path}", ex.Path);
        Assert.Equal($"Member \"{name}\" exists from schema version 2; this stream says \"schemaVersion\": 1. Set \"schemaVersion\" to 2 if a version-2 program wrote it, or remove the member.", ex.Problem);
        Assert.Equal($"$.{path}", single.Path);
        Assert.StartsWith($"Member \"{name}\" exists from schema version 2; this event was read at schema version 1.", single.Problem, StringComparison.Ordinal);
    }
}
