using System;
using System.Text.Json.Nodes;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>A version-1 document carrying a member version 1 never had is refused at that member, not silently read.</summary>
public sealed class VersionOneStrictnessTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [Fact]
    public void A_true_version_1_document_of_a_journey_with_every_version_2_member_reads_without_them()
    {
        var current = MemberPathTests.RichNode();

        var read = Json.DeserializeDocument(SampleJourneys.Bytes(VersionOneDocuments.Of(current)));

        Assert.Equal(VersionOneDocuments.Expected(Json.DeserializeDocument(SampleJourneys.Bytes(current))), read);
    }

    [Theory]
    [InlineData("ruleSettings", "[]", "$.ruleSettings")]
    [InlineData("parentJourneyId", "null", "$.parentJourneyId")]
    [InlineData("lanes", "[]", "$.lanes")]
    [InlineData("opportunities", "[]", "$.opportunities")]
    [InlineData("pairing", "null", "$.pairing")]
    [InlineData("metrics", "[]", "$.metrics")]
    [InlineData("phases[1].metrics", "[]", "$.phases[1].metrics")]
    [InlineData("activities[2].lane", "\"frontstage\"", "$.activities[2].lane")]
    [InlineData("activities[0].subJourneyId", "null", "$.activities[0].subJourneyId")]
    [InlineData("activities[0].widgets[0].segments", "[]", "$.activities[0].widgets[0].segments")]
    [InlineData("activities[0].widgets[0].observations[1].sampleSize", "40", "$.activities[0].widgets[0].observations[1].sampleSize")]
    [InlineData("activities[0].widgets[0].observations[0].answers", "null", "$.activities[0].widgets[0].observations[0].answers")]
    public void A_version_1_document_with_a_version_2_member_is_refused_at_the_member(string member, string json, string path)
    {
        var document = MemberPathTests.With(VersionOneDocuments.Of(SampleJourneys.DocumentNode()), member, json);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith($"Member \"{path[(path.LastIndexOf('.') + 1)..]}\" exists from schema version 2", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_says_how_to_fix_the_document()
    {
        var document = VersionOneDocuments.Of(SampleJourneys.DocumentNode());
        document["lanes"] = new JsonArray();

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("Member \"lanes\" exists from schema version 2; this document says \"schemaVersion\": 1. Set \"schemaVersion\" to 2 if a version-2 program wrote it, or remove the member. (at $.lanes)", ex.Message);
    }
}
