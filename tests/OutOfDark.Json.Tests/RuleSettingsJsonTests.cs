using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Events;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>An integrator's settings record, as a host would register it.</summary>
public sealed record OpenCasesSettings : RuleSettings
{
    public int Max { get; init; } = 10;

    public System.Collections.Generic.IReadOnlyList<string> Queues { get; init; } = [];

    public Escalation? Escalate { get; init; }
}

/// <summary>A nested member of the integrator's settings.</summary>
public sealed record Escalation(string After);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(OpenCasesSettings))]
internal sealed partial class OpenCasesContext : JsonSerializerContext
{
}

[Properties(Arbitrary = new[] { typeof(JourneyArbitraries) })]
public sealed class RuleSettingsJsonTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [Property]
    public void Rule_settings_survive_a_trip_through_documents_and_events_as_typed_records(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        var fromDocument = Json.DeserializeJourney(Json.SerializeDocument(journey.ToSnapshot()), new FakeClock(JourneyScenario.Start));
        var fromEvents = Json.ReplayEventStream(Json.SerializeEventStream(journey.PendingEvents), new FakeClock(JourneyScenario.Start));

        Assert.Equal(journey.RuleSettingsEntries, fromDocument.RuleSettingsEntries);
        Assert.Equal(journey.RuleSettingsEntries, fromEvents.RuleSettingsEntries);
        Assert.All(fromDocument.RuleSettingsEntries, e => Assert.Equal(e.Rule.Value == "custom.rule", e.Settings is UnknownRuleSettings));
    }

    [Fact]
    public void Settings_of_a_rule_nobody_registered_survive_loading_and_saving_unchanged()
    {
        var bytes = SampleJourneys.Document();

        var read = Json.DeserializeDocument(bytes);

        var kept = Assert.IsType<UnknownRuleSettings>(read.RuleSettings.Single(e => e.Rule.Value == "crm.open-cases").Settings);
        Assert.Equal(SampleJourneys.OpenCasesJson, kept.Content);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(Json.SerializeDocument(read)));
    }

    [Fact]
    public void Settings_of_a_rule_nobody_registered_keep_their_content_but_not_their_spacing_or_string_escapes()
    {
        var document = SampleJourneys.DocumentNode();
        var index = document["ruleSettings"]!.AsArray().Select((e, i) => (e, i)).Single(x => (string?)x.e!["rule"] == "crm.open-cases").i;
        const string given = "{ \"note\": \"caf\u00e9 <b>\", \"max\": 1.50 }";
        document["ruleSettings"]![index]!["settings"] = new JsonObject { ["placeholder"] = 1 };
        var bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleJourneys.Bytes(document)).Replace("{\"placeholder\":1}", given, StringComparison.Ordinal));

        var kept = Assert.IsType<UnknownRuleSettings>(Json.DeserializeDocument(bytes).RuleSettings.Single(e => e.Rule.Value == "crm.open-cases").Settings);
        var again = Assert.IsType<UnknownRuleSettings>(Json.DeserializeDocument(Json.SerializeDocument(Json.DeserializeDocument(bytes))).RuleSettings.Single(e => e.Rule.Value == "crm.open-cases").Settings);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(given), JsonNode.Parse(kept.Content)), kept.Content);
        Assert.Equal("{\"note\":\"caf\\u00E9 \\u003Cb\\u003E\",\"max\":1.50}", kept.Content);
        Assert.Equal(kept, again);
    }

    [Fact]
    public void A_registered_rule_reads_its_settings_as_its_own_record()
    {
        var options = new JourneyJsonOptions();
        options.RuleSettings.Register(new RuleId("crm.open-cases"), OpenCasesContext.Default.OpenCasesSettings);
        var json = new JourneyJsonSerializer(options);

        var read = json.DeserializeDocument(SampleJourneys.Document());

        var settings = Assert.IsType<OpenCasesSettings>(read.RuleSettings.Single(e => e.Rule.Value == "crm.open-cases").Settings);
        Assert.Equal(10, settings.Max);
        Assert.Equal(["vip", "web"], settings.Queues);
        Assert.Equal("P2D", settings.Escalate?.After);
    }

    [Fact]
    public void Settings_that_do_not_fit_their_rule_are_refused_at_their_path()
    {
        var document = SampleJourneys.DocumentNode();
        document["ruleSettings"]![0]!["settings"]!["minimumRun"] = "two";

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("$.ruleSettings[0].settings.minimumRun", ex.Path);
        Assert.Contains("metric.threshold", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_rule_s_settings_under_a_built_in_rule_are_refused_at_their_path()
    {
        var document = SampleJourneys.DocumentNode();
        Assert.Equal("activity.no-owner", (string?)document["ruleSettings"]![1]!["rule"]);
        document["ruleSettings"]![0]!["settings"] = document["ruleSettings"]![1]!["settings"]!.DeepClone();

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.StartsWith("$.ruleSettings[0].settings", ex.Path, StringComparison.Ordinal);
        Assert.Contains("metric.threshold", ex.Message, StringComparison.Ordinal);
        Assert.Contains("acceptTeam", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_rule_s_settings_need_every_member()
    {
        var document = SampleJourneys.DocumentNode();
        document["ruleSettings"]![0]!["settings"]!.AsObject().Remove("flagOffTarget");

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.StartsWith("$.ruleSettings[0].settings", ex.Path, StringComparison.Ordinal);
        Assert.Contains("flagOffTarget", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_out_of_range_in_a_document_are_refused_at_their_entry()
    {
        var document = SampleJourneys.DocumentNode();
        document["ruleSettings"]![0]!["settings"]!["minimumRun"] = 0;

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("$.ruleSettings[0]", ex.Path);
        Assert.Contains("MinimumRun is 0; it must be from 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_change_event_that_does_not_follow_from_the_journey_is_refused_at_its_path()
    {
        var events = SampleJourneys.Store().PendingEvents.ToList();
        var change = events.OfType<RuleSettingsChanged>().First();
        events[events.IndexOf(change)] = change with { Previous = new MetricThresholdSettings { MinimumRun = 5 } };

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(Json.SerializeEventStream(events)));

        Assert.Equal($"$.events[{events.IndexOf(events.OfType<RuleSettingsChanged>().First())}]", ex.Path);
        Assert.Contains("does not follow from the journey's state", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_document_loads_with_no_rule_settings()
    {
        var current = SampleJourneys.DocumentNode();

        var read = Json.DeserializeDocument(SampleJourneys.Bytes(VersionOne(current)));

        Assert.Empty(read.RuleSettings);
        Assert.Equal(VersionOneDocuments.Expected(Json.DeserializeDocument(SampleJourneys.Bytes(current))), read);
        Assert.Contains("\"schemaVersion\":2", Encoding.UTF8.GetString(Json.SerializeDocument(read)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_event_stream_and_a_version_1_event_load()
    {
        var versionOne = VersionOneEventTests.VersionOneEvents(SampleJourneys.Store().PendingEvents);
        var events = versionOne.Select(e => Json.DeserializeEvent(SampleJourneys.Bytes(e!))).ToList();
        var stream = new JsonObject { ["schemaVersion"] = 1, ["events"] = versionOne };

        var read = Json.DeserializeEventStream(SampleJourneys.Bytes(stream));
        var single = Json.DeserializeEvent(Json.SerializeEvent(events[1]), schemaVersion: 1);

        Assert.Equal(events, read);
        Assert.Equal(events[1], single);
    }

    [Fact]
    public void A_version_1_document_that_breaks_the_version_1_rules_is_still_refused()
    {
        var document = VersionOne(SampleJourneys.DocumentNode());
        document.Remove("warnings");

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Contains("warnings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_of_an_unregistered_type_cannot_be_written()
    {
        var journey = SampleJourneys.Store();
        journey.SetRuleSettings(new Actor("mia"), new RuleId("crm.other"), new OpenCasesSettings());

        var ex = Assert.Throws<InvalidOperationException>(() => Json.SerializeDocument(journey.ToSnapshot()));

        Assert.Contains("JourneyJsonOptions.RuleSettings.Register", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_migration_cannot_be_registered_twice()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JourneyJsonSerializer(new JourneyJsonOptions { Migrations = { JourneyJsonMigrationV1ToV2.Instance } }));

        Assert.Contains("JourneyJsonMigrationV1ToV2", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The document as version 1 wrote it: without rule settings or any other member of version 2.</summary>
    private static JsonObject VersionOne(JsonObject current) => VersionOneDocuments.Of(current);
}
