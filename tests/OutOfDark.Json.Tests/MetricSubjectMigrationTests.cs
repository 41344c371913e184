using System;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>Version-1 acknowledgements of metric rules on an activity become acknowledgements of each of its metrics.</summary>
public sealed class MetricSubjectMigrationTests
{
    private static readonly Actor Ana = new("ana");

    private static (Journey Journey, ActivityId Email, WidgetId Open, WidgetId Click, ActivityId Page) Journey()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 10, 1, 9, 0));
        var journey = OutOfDark.Journey.Create(Ana, WorkspaceId.New(), "Online store", clock);
        var see = journey.AddPhase(Ana, "See");
        var email = journey.AddActivity(Ana, see, "Newsletter", ActivityKind.Touchpoint);
        var open = journey.AddWidget(Ana, email, new MetricWidget(WidgetId.New(), "Open rate") { Unit = "%", WarningThreshold = 18 });
        journey.AddWidget(Ana, email, new DescriptionWidget(WidgetId.New(), "About", "Weekly"));
        var click = journey.AddWidget(Ana, email, new MetricWidget(WidgetId.New(), "Click rate") { Unit = "%", WarningThreshold = 3 });
        var page = journey.AddActivity(Ana, see, "Landing page", ActivityKind.Touchpoint);
        return (journey, email, open, click, page);
    }

    private static JsonObject Status(string rule, string subject, string note) => new()
    {
        ["key"] = new JsonObject { ["rule"] = rule, ["subject"] = subject },
        ["handling"] = "acknowledged",
        ["by"] = "ana",
        ["at"] = "2026-10-01T10:00:00Z",
        ["note"] = note,
        ["snoozedUntil"] = null,
    };

    /// <summary>The journey as a version-1 document (no member of version 2) with the given warning statuses.</summary>
    private static JsonObject VersionOne(Journey journey, params JsonObject[] statuses)
    {
        var document = VersionOneDocuments.Of(JsonNode.Parse(JourneyJsonSerializer.Default.SerializeDocument(journey.ToSnapshot()))!.AsObject());
        document["warnings"] = new JsonArray(statuses);
        return document;
    }

    [Fact]
    public void A_version_1_document_status_of_a_metric_rule_on_an_activity_becomes_one_per_metric_of_that_activity()
    {
        var (journey, email, open, click, page) = Journey();
        var document = VersionOne(
            journey,
            Status("metric.threshold", $"activity:{email}", "on it"),
            Status("activity.no-owner", $"activity:{email}", "asked Bo"),
            Status("metric.stale", $"activity:{page}", "no data yet"),
            Status("crm.open-cases", $"activity:{email}", "custom rules stay"));

        var read = JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document));

        Assert.Equal(
            [
                $"metric.threshold@metric:{open} on it",
                $"metric.threshold@metric:{click} on it",
                $"activity.no-owner@activity:{email} asked Bo",
                $"crm.open-cases@activity:{email} custom rules stay",
            ],
            read.Warnings.Select(w => $"{w.Key} {w.Note}"));
        Assert.All(read.Warnings, w => Assert.Equal((WarningHandling.Acknowledged, "ana", Instant.FromUtc(2026, 10, 1, 10, 0)), (w.Handling, w.By, w.At)));
    }

    [Fact]
    public void A_metric_status_already_in_a_version_1_document_is_kept()
    {
        var (journey, email, open, click, _) = Journey();
        var document = VersionOne(journey, Status("metric.trend", $"metric:{open}", "own"), Status("metric.trend", $"activity:{email}", "shared"));

        var read = JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document));

        Assert.Equal([$"metric.trend@metric:{open} own", $"metric.trend@metric:{click} shared"], read.Warnings.Select(w => $"{w.Key} {w.Note}"));
    }

    [Fact]
    public void An_event_stream_acknowledging_a_metric_rule_on_an_activity_loads_as_acknowledgements_of_the_metrics_it_held_then()
    {
        var (journey, email, open, click, _) = Journey();
        journey.AcknowledgeWarning(Ana, new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(email)), "seen");
        var later = journey.AddWidget(Ana, email, new MetricWidget(WidgetId.New(), "Bounce rate") { Unit = "%" });
        var stream = JourneyJsonSerializer.Default.SerializeEventStream(journey.PendingEvents);

        var replayed = JourneyJsonSerializer.Default.ReplayEventStream(stream, new FakeClock(Instant.FromUtc(2026, 10, 2, 0, 0)));

        Assert.Equal(journey.Version, replayed.Version);
        Assert.Equal([$"metric.threshold@metric:{open}", $"metric.threshold@metric:{click}"], replayed.WarningStatuses.Select(s => s.Key.ToString()));
        Assert.Null(replayed.FindWarningStatus(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(later))));
        Assert.Contains("\"subject\":\"activity:", System.Text.Encoding.UTF8.GetString(stream), StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_subject_round_trips_and_a_mistyped_kind_names_every_kind()
    {
        var (journey, _, open, _, _) = Journey();
        journey.AcknowledgeWarning(Ana, new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(open)));
        var bytes = JourneyJsonSerializer.Default.SerializeDocument(journey.ToSnapshot());

        Assert.Equal(journey.ToSnapshot(), JourneyJsonSerializer.Default.DeserializeDocument(bytes));
        var document = JsonNode.Parse(bytes)!.AsObject();
        document["warnings"]![0]!["key"]!["subject"] = $"kpi:{open}";
        var refused = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));
        Assert.Contains("expected journey:, phase:, activity: or metric: followed by a GUID", refused.Message, StringComparison.Ordinal);
    }
}
