using System;
using NodaTime.Testing;
using Xunit;

namespace OutOfDark.Tests;

public class WidgetIdTests
{
    [Fact]
    public void Every_built_in_widget_gets_a_new_id_when_none_is_given()
    {
        var persona = PersonaId.New();
        Widget[] widgets =
        [
            new MetricWidget("Open rate"),
            new EmotionWidget("Inbox", persona, EmotionScore.Negative),
            new LinkWidget("Campaign", new Uri("https://example.com/campaign")),
            new DescriptionWidget("About", "The monthly newsletter."),
            new SolutionWidget("Subject lines", "Nobody opens it", "A/B test subjects", SolutionStatus.Proposed),
            new FeedbackWidget("Voice of the customer"),
        ];

        Assert.All(widgets, w => Assert.NotEqual(default, w.Id));
        Assert.Equal(widgets.Length, new System.Collections.Generic.HashSet<WidgetId>(Array.ConvertAll(widgets, w => w.Id)).Count);
        Assert.NotEqual(new MetricWidget("Open rate").Id, new MetricWidget("Open rate").Id);
    }

    [Fact]
    public void An_emotion_needs_no_to_be_and_no_note()
    {
        var emotion = new EmotionWidget("Inbox", PersonaId.New(), EmotionScore.Negative);

        Assert.Null(emotion.ToBe);
        Assert.Null(emotion.Note);
        Assert.Equal(0, emotion.Gap);
    }

    [Fact]
    public void A_widget_without_an_explicit_id_is_added_under_the_id_it_got()
    {
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Online store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var email = journey.AddActivity(ana, journey.AddPhase(ana, "See"), "Newsletter");
        var metric = new MetricWidget("Open rate") { Unit = "%", Kind = MetricKind.Percentage };

        var id = journey.AddWidget(ana, email, metric);

        Assert.Equal(metric.Id, id);
        Assert.Same(metric, journey.FindWidget(id, out _));
    }
}
