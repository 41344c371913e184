using System;
using System.Linq;
using System.Text.Json.Nodes;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>The portfolio's members and events in the JSON format: written, read back, and lifted from version 1.</summary>
public class PortfolioJsonTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;
    private static readonly Actor Ana = new("ana");

    [Fact]
    public void A_parent_a_sub_journey_link_and_a_feedback_removal_round_trip_as_document_and_as_events()
    {
        var journey = SampleJourneys.Store();
        var parent = new JourneyId(new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
        var activity = journey.Activities[0];
        journey.SetParent(Ana, parent, "the brand's journeys");
        journey.LinkSubJourney(Ana, activity.Id, JourneyId.New());
        var feedback = journey.AddWidget(Ana, activity.Id, new FeedbackWidget("Voice of customer"));
        journey.RecordFeedback(Ana, feedback, new FeedbackEntry("survey", "Too slow", Sentiment.Negative, new LocalDate(2026, 1, 2)));
        journey.RemoveFeedback(Ana, feedback, 0);

        var document = Json.SerializeDocument(journey.ToSnapshot());
        var events = Json.DeserializeEventStream(Json.SerializeEventStream(journey.PendingEvents));

        Assert.Equal(journey.ToSnapshot(), Json.DeserializeDocument(document));
        Assert.Equal(journey.PendingEvents, events);
        var node = JsonNode.Parse(document)!.AsObject();
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", (string?)node["parentJourneyId"]);
        Assert.Contains("{\"type\":\"feedback-removed\",\"activityId\":", System.Text.Encoding.UTF8.GetString(Json.SerializeEvent(journey.PendingEvents[^1])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_document_gets_no_parent_and_no_sub_journey_links()
    {
        var current = SampleJourneys.DocumentNode();
        var versionOne = VersionOneDocuments.Of(current);

        var read = Json.DeserializeDocument(SampleJourneys.Bytes(versionOne));

        Assert.Null(read.ParentJourneyId);
        Assert.All(read.Activities, a => Assert.Null(a.SubJourneyId));
        Assert.Equal(VersionOneDocuments.Expected(Json.DeserializeDocument(SampleJourneys.Bytes(current))), read);
    }

    [Fact]
    public void A_version_2_document_without_parent_journey_id_is_refused_naming_it()
    {
        var document = SampleJourneys.DocumentNode();
        document.Remove("parentJourneyId");

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Contains("parentJourneyId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_naming_itself_as_its_parent_is_refused_with_the_journey_rule()
    {
        var document = SampleJourneys.DocumentNode();
        document["parentJourneyId"] = (string?)document["id"];

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal(JourneyRules.JourneyCycle, Assert.IsType<JourneyRuleException>(ex.InnerException).Rule);
    }
}
