using System.Linq;
using NodaTime;
using OutOfDark;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests;

public class HistoryTests
{
    private readonly FakeClock _clock = FakeClock.At(2026, 10, 1);

    [Fact]
    public void The_history_of_an_activity_says_who_did_what_when_and_why()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", _clock);
        var see = journey.AddPhase(new Actor("ana"), "See");
        var email = journey.AddActivity(new Actor("ana"), see, "Newsletter");
        var other = journey.AddActivity(new Actor("ana"), see, "Blog post");
        _clock.Advance(Duration.FromDays(1));
        journey.ChangeActivityDetails(new Actor("bo"), email, d => d with { Owner = "Marketing", Status = ActivityStatus.Active }, "launch");
        var rate = journey.AddWidget(new Actor("bo"), email, new MetricWidget(WidgetId.New(), "Open rate") { Unit = "%", Kind = MetricKind.Percentage });
        journey.RecordObservation(new Actor("crm-sync"), rate, new LocalDate(2026, 10, 1), 21.5m);
        journey.RenameActivity(new Actor("ana"), other, "Blog");

        var entries = new JourneyHistory(journey.PendingEvents, _clock).ForActivity(email).Select(e => e.ToString()).ToList();

        Assert.Equal(
        [
            "v3 2026-10-01T09:00:00Z ana: Added touchpoint \"Newsletter\" to phase \"See\"",
            "v5 2026-10-02T09:00:00Z bo: Changed activity \"Newsletter\": status Planned → Active; owner (none) → \"Marketing\" (launch)",
            "v6 2026-10-02T09:00:00Z bo: Added metric \"Open rate\" to activity \"Newsletter\"",
            "v7 2026-10-02T09:00:00Z crm-sync: Recorded 21.5 % for metric \"Open rate\" on 2026-10-01",
        ], entries);
    }

    [Fact]
    public void A_diff_lists_the_changes_and_the_activities_added_removed_and_changed()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", _clock);
        var see = journey.AddPhase(new Actor("ana"), "See");
        var email = journey.AddActivity(new Actor("ana"), see, "Newsletter");
        var blog = journey.AddActivity(new Actor("ana"), see, "Blog post");
        var v = journey.Version;
        journey.RemoveActivity(new Actor("bo"), blog, "dropped");
        journey.RenameActivity(new Actor("bo"), email, "Weekly newsletter");
        journey.AddActivity(new Actor("bo"), see, "Social ad");

        var diff = new JourneyHistory(journey.PendingEvents, _clock).Diff(v, journey.Version);

        Assert.Equal(["Social ad"], diff.ActivitiesAdded.Select(a => a.Name));
        Assert.Equal(["Blog post"], diff.ActivitiesRemoved.Select(a => a.Name));
        Assert.Equal(["Weekly newsletter"], diff.ActivitiesChanged.Select(a => a.Name));
        var text = diff.ToString();
        Assert.StartsWith($"From v{v} to v{journey.Version}: 3 changes; 1 activities added, 1 removed, 1 changed", text);
        Assert.Contains("bo: Removed activity \"Blog post\" (dropped)", text);
        Assert.Contains("bo: Changed activity \"Newsletter\": name \"Newsletter\" → \"Weekly newsletter\"", text);
    }

    [Fact]
    public void The_journey_as_of_an_instant_before_it_existed_is_null()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", _clock);

        var history = new JourneyHistory(journey.PendingEvents, _clock);

        Assert.Null(history.AsOf(_clock.Now - Duration.FromSeconds(1)));
        Assert.Equal(1, history.AsOf(_clock.Now)!.Version);
    }

    [Fact]
    public void Feedback_in_history_names_its_sentiment_in_words()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", _clock);
        var see = journey.AddPhase(new Actor("ana"), "See");
        var email = journey.AddActivity(new Actor("ana"), see, "Newsletter");
        var voc = journey.AddWidget(new Actor("ana"), email, new FeedbackWidget(WidgetId.New(), "Voice of the customer"));
        journey.RecordFeedback(new Actor("crm-sync"), voc, new FeedbackEntry("NPS survey", "Too many mails", Sentiment.VeryNegative, new LocalDate(2026, 9, 30)));

        var last = new JourneyHistory(journey.PendingEvents, _clock).Entries[^1];

        Assert.Equal("Recorded very negative feedback from \"NPS survey\" on feedback \"Voice of the customer\"", last.Description);
    }
}
