using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class BadInputTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    private static JourneyFormatException Refused(byte[] bytes, JourneyJsonSerializer? serializer = null) =>
        Assert.Throws<JourneyFormatException>(() => (serializer ?? Json).DeserializeDocument(bytes));

    private static JourneyFormatException Refused(JsonNode node) => Refused(SampleJourneys.Bytes(node));

    private static JsonObject Activity(JsonObject document, int index) => document["activities"]![index]!.AsObject();

    [Fact]
    public void Malformed_json_is_refused_with_its_position()
    {
        var ex = Refused(Encoding.UTF8.GetBytes("{\"schemaVersion\": 2, \"name\": \"Store\",\n \"id\": }"));

        Assert.Equal("$.id", ex.Path);
        Assert.Contains("line 2", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"schemaVersion\": 2} trailing")]
    public void Input_that_is_not_a_document_is_refused(string text)
    {
        var ex = Refused(Encoding.UTF8.GetBytes(text));

        Assert.NotNull(ex.Path);
        Assert.False(string.IsNullOrWhiteSpace(ex.Problem));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_at_its_path()
    {
        var document = SampleJourneys.DocumentNode();
        document["name"] = 42;

        var ex = Refused(document);

        Assert.Equal("$.name", ex.Path);
    }

    [Fact]
    public void A_wrong_type_deep_in_a_widget_is_refused_at_its_path()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 0)["widgets"]![0]!["observations"]![1]!["value"] = "high";

        var ex = Refused(document);

        Assert.Equal("$.activities[0].widgets[0].observations[1].value", ex.Path);
        Assert.Contains("must be a number", ex.Message);
    }

    [Fact]
    public void An_unknown_enum_value_is_refused_with_the_valid_ones()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 2)["kind"] = "webinar";

        var ex = Refused(document);

        Assert.Equal("$.activities[2].kind", ex.Path);
        Assert.Contains("\"webinar\" is not an activity kind", ex.Message, StringComparison.Ordinal);
        Assert.Contains("touchpoint, milestone, other", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_written_as_a_number_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        document["state"] = 1;

        var ex = Refused(document);

        Assert.Equal("$.state", ex.Path);
        Assert.Contains("current, future, research", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_widget_kind_of_the_wrong_type_is_refused_at_its_path()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 1)["widgets"]![0]!["kind"] = 7;

        var ex = Refused(document);

        Assert.Equal("$.activities[1].widgets[0].kind", ex.Path);
    }

    [Fact]
    public void Duplicate_activity_ids_are_refused_at_the_second_one()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 2)["id"] = Activity(document, 0)["id"]!.GetValue<string>();

        var ex = Refused(document);

        Assert.Equal("$.activities[2]", ex.Path);
        Assert.Contains("used twice", ex.Message, StringComparison.Ordinal);
        Assert.IsType<JourneyRuleException>(ex.InnerException);
    }

    [Fact]
    public void Duplicate_widget_ids_are_refused()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 2)["widgets"]![0]!["id"] = Activity(document, 0)["widgets"]![0]!["id"]!.GetValue<string>();

        var ex = Refused(document);

        Assert.StartsWith("$.activities[", ex.Path, StringComparison.Ordinal);
        Assert.Contains("already used", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_with_a_cycle_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 0)["parentId"] = Activity(document, 1)["id"]!.GetValue<string>();

        var ex = Refused(document);

        Assert.Matches(@"^\$\.activities\[[01]\]\.parentId$", ex.Path);
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_in_a_missing_phase_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 2)["phaseId"] = Guid.NewGuid().ToString();

        var ex = Refused(document);

        Assert.Equal("$.activities[2].phaseId", ex.Path);
        Assert.Contains("which the journey does not have", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_its_phases_list_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        document.Remove("phases");

        var ex = Refused(document);

        Assert.Equal("$", ex.Path);
        Assert.Contains("missing required properties including: 'phases'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 1).Remove("name");

        var ex = Refused(document);

        Assert.Equal("$.activities[1]", ex.Path);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        document["colour"] = "blue";

        var ex = Refused(document);

        Assert.Contains("colour", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_of_an_activity_is_refused_naming_the_known_ones()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 1)["colour"] = "blue";

        var ex = Refused(document);

        Assert.Equal("$.activities[1].colour", ex.Path);
        Assert.Contains("An activity has no property \"colour\"; it has id, phaseId, parentId, name, kind, details, widgets, createdAt, lastChangedAt, subJourneyId, lane.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_of_an_activitys_details_is_refused_at_its_path()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 2)["details"]!["budget"] = 100;

        var ex = Refused(document);

        Assert.Equal("$.activities[2].details.budget", ex.Path);
        Assert.Contains("details have no property \"budget\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_details_property_is_named()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 0)["details"]!.AsObject().Remove("status");
        Activity(document, 0)["details"]!.AsObject().Remove("tags");

        var ex = Refused(document);

        Assert.Equal("$.activities[0].details", ex.Path);
        Assert.Contains("missing required properties including: 'status', 'tags'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_channel_and_a_null_name_are_refused_at_their_paths()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 1)["details"]!["channels"] = new JsonArray("email", null);
        var channel = Refused(document);

        document = SampleJourneys.DocumentNode();
        Activity(document, 1)["name"] = null;
        var name = Refused(document);

        Assert.Equal("$.activities[1].details.channels[1]", channel.Path);
        Assert.Contains("is null", channel.Message, StringComparison.Ordinal);
        Assert.Equal("$.activities[1].name", name.Path);
        Assert.Contains("An activity's name must be a string; found null.", name.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_in_an_activity_is_refused()
    {
        var text = Encoding.UTF8.GetString(SampleJourneys.Document());
        var at = text.IndexOf("\"lastChangedAt\":", text.IndexOf("\"activities\":", StringComparison.Ordinal), StringComparison.Ordinal);
        text = text.Insert(at, "\"name\":\"Again\",");

        var ex = Refused(Encoding.UTF8.GetBytes(text));

        Assert.Equal("$.activities[0].name", ex.Path);
        Assert.Contains("has the property \"name\" twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_observations_on_one_date_are_refused()
    {
        var document = SampleJourneys.DocumentNode();
        var observations = Activity(document, 0)["widgets"]![0]!["observations"]!;
        observations[1]!["date"] = observations[0]!["date"]!.GetValue<string>();

        var ex = Refused(document);

        Assert.Equal("$.activities[0].widgets[0].observations", ex.Path);
        Assert.Contains("appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_date_is_refused_at_its_path()
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 0)["widgets"]![0]!["observations"]![0]!["date"] = "2026-02-30";

        var ex = Refused(document);

        Assert.Equal("$.activities[0].widgets[0].observations[0].date", ex.Path);
        Assert.Contains("ISO-8601 date", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_beyond_decimal_range_is_refused()
    {
        var text = Encoding.UTF8.GetString(SampleJourneys.Document()).Replace("\"target\":2.5", "\"target\":1e400", StringComparison.Ordinal);

        var ex = Refused(Encoding.UTF8.GetBytes(text));

        Assert.Equal("$.activities[0].widgets[0].target", ex.Path);
        Assert.Contains("decimal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_nested_deeper_than_the_limit_is_refused()
    {
        // A widget of an unknown kind may hold any JSON, so nesting is only limited there by the depth limit.
        var document = SampleJourneys.DocumentNode();
        JsonNode payload = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            payload = new JsonArray(payload);
        }

        Activity(document, 0)["widgets"]!.AsArray().Add(new JsonObject { ["kind"] = "vendor.tree", ["id"] = Guid.NewGuid().ToString(), ["title"] = "Deep", ["tree"] = payload });

        var ex = Refused(Encoding.UTF8.GetBytes(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 200 })));

        Assert.Contains("deeper than the limit of 64 levels", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Path);
    }

    [Fact]
    public void A_document_larger_than_the_limit_is_refused_before_reading()
    {
        var small = new JourneyJsonSerializer(new JourneyJsonOptions { MaxDocumentBytes = 2048 });
        var document = SampleJourneys.Document();

        var ex = Refused(document, small);

        Assert.Equal("$", ex.Path);
        Assert.Contains("limit is 2,048 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_stream_larger_than_the_limit_is_refused_while_reading()
    {
        var small = new JourneyJsonSerializer(new JourneyJsonOptions { MaxDocumentBytes = 2048 });
        using var stream = new System.IO.MemoryStream(SampleJourneys.Document());

        var ex = await Assert.ThrowsAsync<JourneyFormatException>(() => small.DeserializeDocumentAsync(stream));

        Assert.Contains("MaxDocumentBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_from_a_newer_writer_is_refused_with_advice()
    {
        var document = SampleJourneys.DocumentNode();
        document["schemaVersion"] = JourneyJsonSerializer.CurrentSchemaVersion + 1;

        var ex = Refused(document);

        Assert.Equal("$.schemaVersion", ex.Path);
        Assert.Contains("Upgrade OutOfDark.Json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_a_schema_version_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        document.Remove("schemaVersion");

        var ex = Refused(document);

        Assert.Equal("$.schemaVersion", ex.Path);
    }

    [Fact]
    public void An_unknown_event_type_is_refused()
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(
            Encoding.UTF8.GetBytes("{\"type\":\"OutOfDark.Events.JourneyRenamed\",\"name\":\"x\",\"journeyId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"actor\":\"a\",\"reason\":null}")));

        Assert.Contains("OutOfDark.Events.JourneyRenamed", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Path);
    }

    [Fact]
    public void An_event_without_a_type_is_refused()
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(Encoding.UTF8.GetBytes("{\"name\":\"x\"}")));

        Assert.Contains("\"type\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_stream_whose_event_breaks_a_rule_is_refused_at_that_event()
    {
        var journey = SampleJourneys.Store();
        var events = journey.PendingEvents.ToList();
        events.Insert(3, events[1]); // the first phase added twice

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(Json.SerializeEventStream(events)));

        Assert.Equal("$.events[3]", ex.Path);
        Assert.Contains("already used", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_stream_not_starting_with_the_journey_is_refused()
    {
        var events = SampleJourneys.Store().PendingEvents.Skip(1).ToList();

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(Json.SerializeEventStream(events)));

        Assert.Equal("$.events[0]", ex.Path);
        Assert.Contains("JourneyCreated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_event_stream_is_refused()
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"events\":[]}")));

        Assert.Equal("$.events", ex.Path);
    }

    [Fact]
    public void A_null_event_in_a_stream_is_refused()
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"events\":[null]}")));

        Assert.Equal("$.events[0]", ex.Path);
    }

    [Theory]
    [InlineData("effort", "3.0")]
    [InlineData("customerValue", "2.5")]
    [InlineData("businessValue", "\"4\"")]
    public void An_opportunity_score_that_is_not_a_whole_number_is_refused_in_our_words_at_its_path(string score, string json)
    {
        var document = SampleJourneys.DocumentNode();
        document["opportunities"]![0]!["scores"]![score] = JsonNode.Parse(json);

        var ex = Refused(document);

        Assert.Equal($"$.opportunities[0].scores.{score}", ex.Path);
        Assert.StartsWith("An opportunity score is a whole number from 1 to 5, written without a decimal point (3, not 3.0).", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opportunity_scored_event_with_a_fractional_score_is_refused_at_the_score()
    {
        var scored = SampleJourneys.Store().PendingEvents.OfType<OpportunityScored>().First();
        var node = JsonNode.Parse(Json.SerializeEvent(scored))!;
        node["scores"]!["effort"] = JsonNode.Parse("2.0");

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(SampleJourneys.Bytes(node)));

        Assert.Equal("$.scores.effort", ex.Path);
        Assert.StartsWith("An opportunity score is a whole number from 1 to 5", ex.Problem, StringComparison.Ordinal);
    }
}
