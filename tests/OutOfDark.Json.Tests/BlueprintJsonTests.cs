using System;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>Lanes and opportunities in the JSON format: the version-1 migration and refusals at their paths.</summary>
public sealed class BlueprintJsonTests
{
    [Fact]
    public void A_version_1_document_reads_with_frontstage_activities_and_no_lanes_or_opportunities()
    {
        var document = VersionOneDocuments.Of(SampleJourneys.DocumentNode());

        var read = JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document));

        Assert.All(read.Activities, a => Assert.Equal(LaneId.Frontstage, a.Lane));
        Assert.Empty(read.Lanes);
        Assert.Empty(read.Opportunities);
        Assert.Equal(SampleJourneys.Store().ToSnapshot().Activities.Select(a => a.Name), read.Activities.Select(a => a.Name));
    }

    [Fact]
    public void A_version_2_document_keeps_its_lanes_and_opportunities()
    {
        var snapshot = SampleJourneys.Store().ToSnapshot();

        var read = JourneyJsonSerializer.Default.DeserializeDocument(JourneyJsonSerializer.Default.SerializeDocument(snapshot));

        Assert.Equal(snapshot, read);
        Assert.Equal(["frontstage", "partners", "customer-action"], read.Activities.Select(a => a.Lane.Value));
        Assert.Equal(4, read.Opportunities[0].Links.Count);
    }

    [Fact]
    public void A_lane_id_that_is_not_a_key_is_refused_at_its_path()
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![1]!["lane"] = "Back Office";

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("$.activities[1].lane", ex.Path);
        Assert.Contains("The lane id \"Back Office\" holds 'B' at index 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_in_a_lane_the_document_does_not_define_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        document["lanes"] = new JsonArray();

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Contains("sits in lane 'partners', which the journey does not have", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opportunity_score_outside_1_to_5_is_refused()
    {
        var document = SampleJourneys.DocumentNode();
        document["opportunities"]![0]!["scores"]!["effort"] = 9;

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Contains("The effort score is 9; scores are whole numbers from 1 to 5", ex.Message, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("lanes", "$.lanes[0].zzz", "Unknown member \"zzz\"; allowed here: id, name, order.")]
    [InlineData("opportunity", "$.opportunities[0].zzz", "Unknown member \"zzz\"; allowed here: ")]
    [InlineData("scores", "$.opportunities[0].scores.zzz", "Unknown member \"zzz\"; allowed here: customerValue, businessValue, effort.")]
    [InlineData("link", "$.opportunities[0].links[0].zzz", "Unknown member \"zzz\"; allowed here: kind, activity, widget, entry, warning.")]
    public void An_unknown_member_of_a_lane_or_opportunity_is_refused_in_our_words_at_its_path(string where, string path, string message)
    {
        var document = SampleJourneys.DocumentNode();
        var target = where switch
        {
            "lanes" => document["lanes"]![0]!,
            "opportunity" => document["opportunities"]![0]!,
            "scores" => document["opportunities"]![0]!["scores"]!,
            _ => document["opportunities"]![0]!["links"]![0]!,
        };
        target["zzz"] = 1;

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", ex.Message, StringComparison.Ordinal);
    }
}
