using System;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Json.Tests;

/// <summary>A small journey with every built-in widget kind, and helpers to edit its document.</summary>
internal static class SampleJourneys
{
    public static Journey Store()
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var journey = Journey.Create(new Actor("ana"), new WorkspaceId(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")), "Online store", clock, new JourneyId(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7")), description: "From ad to repeat order");
        var see = journey.AddPhase(new Actor("ana"), "See", "Notice us");
        var buy = journey.AddPhase(new Actor("ana"), "Buy");
        var persona = journey.AddPersona(new Actor("ana"), "First-time buyer");
        var ad = journey.AddActivity(new Actor("ana"), see, "Social ad", details: ActivityDetails.Empty with { Owner = "bo", Channels = ValueList<string>.Of("social"), PlannedStart = new LocalDate(2026, 10, 1), PlannedEnd = new LocalDate(2026, 11, 1) });
        var landing = journey.AddActivity(new Actor("ana"), see, "Landing page", parentId: ad);
        var checkout = journey.AddActivity(new Actor("ana"), buy, "Checkout", ActivityKind.Milestone);
        journey.AddFlow(new Actor("ana"), ad, landing, "clicks");
        journey.AddFlow(new Actor("ana"), landing, checkout);
        var rate = journey.AddWidget(new Actor("ana"), ad, new MetricWidget(WidgetId.New(), "Click rate") { Unit = "%", Kind = MetricKind.Percentage, Target = 2.5m, WarningThreshold = 1.8m, CriticalThreshold = 1.2m });
        journey.RecordObservation(new Actor("crm"), rate, new LocalDate(2026, 10, 1), 2.10m);
        journey.RecordObservation(new Actor("crm"), rate, new LocalDate(2026, 10, 2), 0.0000000000000000000000000001m);
        journey.AddWidget(new Actor("ana"), ad, new LinkWidget(WidgetId.New(), "Campaign", new Uri("https://example.com/campaign?q=1")));
        journey.AddWidget(new Actor("ana"), landing, new DescriptionWidget(WidgetId.New(), "Notes", "# Landing\n\"quoted\" <b>"));
        journey.AddWidget(new Actor("ana"), landing, new SolutionWidget(WidgetId.New(), "Slow page", "Loads in 6 s", "Compress images", SolutionStatus.InProgress));
        journey.AddWidget(new Actor("ana"), checkout, new EmotionWidget(WidgetId.New(), "Feels", persona, EmotionScore.Negative, EmotionScore.Positive, "Too many fields"));
        var voice = journey.AddWidget(new Actor("ana"), checkout, new FeedbackWidget(WidgetId.New(), "Voice of customer"));
        journey.RecordFeedback(new Actor("ana"), voice, new FeedbackEntry("survey", "Where is PayPal?", Sentiment.Negative, new LocalDate(2026, 10, 3)));
        journey.SnoozeWarning(new Actor("ana"), new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(checkout)), clock.GetCurrentInstant() + Duration.FromDays(3), "after launch");
        journey.SetRuleSettings(new Actor("mia"), MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 2 }, "two bad days before we act");
        journey.SetActivityRuleSettings(new Actor("mia"), checkout, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true });
        journey.SetMetricRuleSettings(new Actor("mia"), rate, StaleMetricRule.RuleId, new StaleMetricSettings { Days = 7 }, "daily feed");
        journey.SetRuleSettings(new Actor("mia"), new RuleId("crm.open-cases"), new UnknownRuleSettings(OpenCasesJson));
        var partners = journey.AddLane(new Actor("ana"), new LaneId("partners"), "Partners", 350);
        journey.SetActivityLane(new Actor("ana"), landing, partners);
        journey.SetActivityLane(new Actor("ana"), checkout, LaneId.CustomerAction);
        var paypal = journey.AddOpportunity(new Actor("ana"), "Offer PayPal", "Customers **ask** for it", "Payments team", OpportunityStatus.Planned, new OpportunityId(Guid.Parse("5b0a1e2c-7a43-4a43-9c1e-3c6f0d2b1a11")));
        journey.ScoreOpportunity(new Actor("ana"), paypal, new OpportunityScores(4, 3, 2));
        journey.LinkOpportunity(new Actor("ana"), paypal, OpportunityLink.ToActivity(checkout));
        journey.LinkOpportunity(new Actor("ana"), paypal, OpportunityLink.ToFeedback(voice, 0));
        journey.LinkOpportunity(new Actor("ana"), paypal, OpportunityLink.ToWarning(new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(checkout))));
        var feels = journey.FindWidget(journey.GetActivity(checkout).Widgets[0].Id, out _)!.Id;
        journey.LinkOpportunity(new Actor("ana"), paypal, OpportunityLink.ToPainPoint(feels));
        journey.AddOpportunity(new Actor("ana"), "Shorter form", id: new OpportunityId(Guid.Parse("5b0a1e2c-7a43-4a43-9c1e-3c6f0d2b1a12")));
        return journey;
    }

    /// <summary>The settings of a rule no serializer here registers, as the sample journey stores them.</summary>
    public const string OpenCasesJson = "{\"max\":10,\"queues\":[\"vip\",\"web\"],\"escalate\":{\"after\":\"P2D\"},\"enabled\":true}";

    public static byte[] Document() => JourneyJsonSerializer.Default.SerializeDocument(Store().ToSnapshot());

    public static JsonObject DocumentNode() => JsonNode.Parse(Document())!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
