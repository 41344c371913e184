using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class SchemaTests
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(JourneyJsonSchema.ReadText());
    private static readonly SchemaValidator Validator = new(JourneyJsonSchema.ReadText());
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    private static void AssertValid(byte[] utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var errors = Validator.Validate(document.RootElement);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(10)));
    }

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        Assert.Empty(SchemaValidator.MetaSchemaErrors(Schema.RootElement));
    }

    [Fact]
    public void A_misspelt_keyword_is_refused_when_the_schema_is_built()
    {
        // The validator refuses keywords it does not know, so the journey schema building at all (above) proves it
        // uses none; this proves the refusal is really on.
        var refused = Assert.ThrowsAny<Exception>(() => new SchemaValidator("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "require": ["id"] }"""));

        Assert.Contains("require", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_names_every_event_type()
    {
        var types = Schema.RootElement.GetProperty("$defs").EnumerateObject()
            .Where(d => d.Name.StartsWith("event-", StringComparison.Ordinal))
            .Select(d => d.Value.GetProperty("properties").GetProperty("type").GetProperty("const").GetString()!)
            .ToList();

        Assert.Equal(EventTypes.Names, types);
    }

    [Property(Arbitrary = new[] { typeof(ShortJourneyArbitraries) }, MaxTest = 60)]
    public void Every_generated_document_and_event_stream_matches_the_schema(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        AssertValid(Json.SerializeDocument(journey.ToSnapshot()));
        AssertValid(Json.SerializeEventStream(journey.PendingEvents));
    }

    [Fact]
    public void The_sample_journey_and_each_of_its_events_match_the_schema()
    {
        var journey = SampleJourneys.Store();

        AssertValid(Json.SerializeDocument(journey.ToSnapshot()));
        foreach (var e in journey.PendingEvents)
        {
            AssertValid(Json.SerializeEvent(e));
        }
    }

    [Theory]
    [InlineData("colour", "\"blue\"")]
    [InlineData("state", "\"dreamy\"")]
    [InlineData("version", "0")]
    [InlineData("createdAt", "\"yesterday\"")]
    public void The_schema_refuses_what_the_reader_refuses(string property, string value)
    {
        var document = SampleJourneys.DocumentNode();
        document[property] = JsonNode.Parse(value);
        var bytes = SampleJourneys.Bytes(document);

        using var parsed = JsonDocument.Parse(bytes);
        Assert.NotEmpty(Validator.Validate(parsed.RootElement));
        Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(bytes));
    }

    [Fact]
    public void The_schema_refuses_a_metric_without_observations()
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![0]!["widgets"]![0]!.AsObject().Remove("observations");

        using var parsed = JsonDocument.Parse(SampleJourneys.Bytes(document));

        Assert.NotEmpty(Validator.Validate(parsed.RootElement));
    }
}
