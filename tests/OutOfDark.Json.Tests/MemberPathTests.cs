using System;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>
/// Each kind of invalid member of a version-2 document is refused at that member's JSON path, not at the root: the
/// members of lanes, opportunities, the pairing, the parent journey, and journey and phase metrics with segments.
/// </summary>
public sealed class MemberPathTests
{
    private static readonly Actor Ana = new("ana");

    /// <summary>A journey with every version-2 member: parent, lanes, scored and linked opportunities, a pairing, and
    /// journey and phase metrics with segmented observations, sample sizes and answer counts.</summary>
    internal static Journey Rich()
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var journey = Journey.Create(Ana, new WorkspaceId(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")), "Online store 2027", clock, new JourneyId(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7")));
        journey.SetParent(Ana, new JourneyId(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3300")));
        var see = journey.AddPhase(Ana, "See");
        var buy = journey.AddPhase(Ana, "Buy");
        var ad = journey.AddActivity(Ana, see, "Social ad");
        var checkout = journey.AddActivity(Ana, buy, "Checkout");
        journey.AddLane(Ana, new LaneId("partners"), "Partners", 350);
        journey.AddLane(Ana, new LaneId("it-systems"), "IT systems", 450);
        journey.SetActivityLane(Ana, checkout, new LaneId("partners"));
        var paypal = journey.AddOpportunity(Ana, "Offer PayPal");
        journey.ScoreOpportunity(Ana, paypal, new OpportunityScores(4, 3, 2));
        journey.LinkOpportunity(Ana, paypal, OpportunityLink.ToActivity(checkout));
        var form = journey.AddOpportunity(Ana, "Shorter form");
        journey.ScoreOpportunity(Ana, form, new OpportunityScores(3, 2, 1));
        journey.LinkOpportunity(Ana, form, OpportunityLink.ToActivity(ad));
        var csat = journey.AddPhaseMetric(Ana, buy, new MetricWidget(WidgetId.New(), "CSAT") { Unit = "%", Kind = MetricKind.Csat });
        var firstTime = Segment.Of(("customer", "first-time buyer"));
        var returning = Segment.Of(("customer", "returning"));
        journey.RecordAnswers(Ana, csat, new LocalDate(2026, 10, 1), AnswerDistribution.Of(SurveyScale.Csat, 2, 3, 10, 40, 45), firstTime);
        journey.RecordAnswers(Ana, csat, new LocalDate(2026, 10, 1), AnswerDistribution.Of(SurveyScale.Csat, 1, 1, 8, 30, 60), returning);
        var conversion = journey.AddJourneyMetric(Ana, new MetricWidget(WidgetId.New(), "Conversion") { Unit = "%", Kind = MetricKind.Percentage });
        journey.RecordObservation(Ana, conversion, returning, new Observation(new LocalDate(2026, 10, 1), 3.4m) { SampleSize = 1200 });
        journey.PairWith(Ana, new JourneyId(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301")));
        journey.MatchActivity(Ana, checkout, new ActivityId(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3302")));
        return journey;
    }

    internal static JsonObject RichNode() => JsonNode.Parse(JourneyJsonSerializer.Default.SerializeDocument(Rich().ToSnapshot()))!.AsObject();

    /// <summary>Sets <paramref name="member"/> (a path below <c>$</c>) to <paramref name="json"/>, or, when it starts with
    /// <c>@</c>, to a copy of the value at that path.</summary>
    internal static JsonObject With(JsonObject document, string member, string json)
    {
        var value = json.StartsWith('@') ? At(document, json[1..])!.DeepClone() : JsonNode.Parse(json);
        var cut = member.LastIndexOfAny(['.', '[']);
        var parent = cut < 0 ? document : At(document, member[..cut])!;
        if (member[cut < 0 ? 0 : cut] == '[')
        {
            parent.AsArray()[int.Parse(member[(cut + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[member[(cut + 1)..]] = value;
        }

        return document;
    }

    private static JsonNode? At(JsonNode node, string path)
    {
        foreach (var part in System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]"))
        {
            var text = ((System.Text.RegularExpressions.Match)part).Value;
            node = text[0] == '[' ? node.AsArray()[int.Parse(text[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node.AsObject()[text]!;
        }

        return node;
    }

    [Fact]
    public void An_activity_metric_with_an_observation_out_of_range_is_refused_at_the_observation_value()
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![0]!["widgets"]![0]!["observations"]![1]!["value"] = 140;

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("$.activities[0].widgets[0].observations[1].value", ex.Path);
    }

    [Theory]
    [InlineData("opportunities[0].scores.effort", "9", "$.opportunities[0].scores.effort")]
    [InlineData("opportunities[1].scores.customerValue", "0", "$.opportunities[1].scores.customerValue")]
    [InlineData("opportunities[1].links[0].activity", "\"3f2504e0-4f89-11d3-9a0c-0305e82c33ff\"", "$.opportunities[1].links[0].activity")]
    [InlineData("opportunities[1].id", "@opportunities[0].id", "$.opportunities[1].id")]
    [InlineData("opportunities[0].title", "\"\"", "$.opportunities[0].title")]
    [InlineData("opportunities[1].owner", "\" \"", "$.opportunities[1].owner")]
    [InlineData("lanes[1].id", "\"partners\"", "$.lanes[1].id")]
    [InlineData("lanes[1].id", "\"frontstage\"", "$.lanes[1].id")]
    [InlineData("lanes[0].name", "\"\"", "$.lanes[0].name")]
    [InlineData("lanes[1].order", "2000000", "$.lanes[1].order")]
    [InlineData("activities[1].lane", "\"nowhere\"", "$.activities[1].lane")]
    [InlineData("activities[0].subJourneyId", "@id", "$.activities[0].subJourneyId")]
    [InlineData("pairing.counterpart", "@id", "$.pairing.counterpart")]
    [InlineData("pairing.matches[0].activity", "\"3f2504e0-4f89-11d3-9a0c-0305e82c33ff\"", "$.pairing.matches[0].activity")]
    [InlineData("pairing.matches[0].counterpart", "@activities[0].id", "$.pairing.matches[0].counterpart")]
    [InlineData("parentJourneyId", "@id", "$.parentJourneyId")]
    [InlineData("phases[1].metrics[0].segments[1].observations[0].value", "50", "$.phases[1].metrics[0].segments[1].observations[0].answers")]
    [InlineData("phases[1].metrics[0].segments[1].segment", "@phases[1].metrics[0].segments[0].segment", "$.phases[1].metrics[0].segments[1].segment")]
    [InlineData("phases[1].metrics[0].id", "@metrics[0].id", "$.metrics[0].id")]
    [InlineData("phases[1].metrics[0].segments[0].observations[0].sampleSize", "7", "$.phases[1].metrics[0].segments[0].observations[0].sampleSize")]
    [InlineData("phases[1].metrics[0].metricKind", "\"percentage\"", "$.phases[1].metrics[0].segments[0].observations[0].answers")]
    [InlineData("metrics[0].target", "101", "$.metrics[0].target")]
    [InlineData("metrics[0].segments[0].observations[0].value", "101", "$.metrics[0].segments[0].observations[0].value")]
    [InlineData("pairing.matches[0].counterpart", "\"00000000-0000-0000-0000-000000000000\"", "$.pairing.matches[0].counterpart")]
    [InlineData("pairing.counterpart", "\"00000000-0000-0000-0000-000000000000\"", "$.pairing.counterpart")]
    [InlineData("lanes[1].name", "\"Partners\"", "$.lanes[1].name")]
    [InlineData("phases[1].metrics[0].title", "\"\"", "$.phases[1].metrics[0].title")]
    [InlineData("metrics[0].segments[0].observations[0].sampleSize", "-1", "$.metrics[0].segments[0].observations[0].sampleSize")]
    [InlineData("metrics[0].segments[0].observations[0].sampleSize", "2000000000", "$.metrics[0].segments[0].observations[0].sampleSize")]
    [InlineData("metrics[0].title", "\"\"", "$.metrics[0].title")]
    public void An_invalid_member_is_refused_at_its_path(string member, string json, string path)
    {
        var document = With(RichNode(), member, json);

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.True(path == ex.Path, $"Expected {path}, got {ex.Path}: {ex.Problem}");
        Assert.False(string.IsNullOrWhiteSpace(ex.Problem));
    }
}
