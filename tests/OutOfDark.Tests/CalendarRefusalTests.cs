using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>Dates outside the ISO calendar are refused at the command, naming the calendar and the conversion.</summary>
public class CalendarRefusalTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public void An_observation_dated_in_another_calendar_is_refused_leaving_the_journey_unchanged()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 11, 1, 9, 0, 0));
        var activity = journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Ads");
        var metric = journey.AddWidget(Ana, activity, new MetricWidget("Revenue"));
        journey.RecordObservation(Ana, metric, new LocalDate(2026, 10, 1), 5m);
        var version = journey.Version;

        var error = Assert.Throws<JourneyRuleException>(() => journey.RecordObservation(Ana, metric, new LocalDate(2020, 1, 1, CalendarSystem.Julian), 1m));

        Assert.Equal(JourneyRules.InvalidValue, error.Rule);
        Assert.Contains("Julian calendar; dates are kept in the ISO calendar. Convert it first: date.WithCalendar(CalendarSystem.Iso).", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(version, journey.Version);
    }

    [Fact]
    public void Planned_dates_and_feedback_dates_in_another_calendar_are_refused()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 11, 1, 9, 0, 0));
        var see = journey.AddPhase(Ana, "See");
        var julian = new LocalDate(2026, 1, 1, CalendarSystem.Julian);

        Assert.Throws<JourneyRuleException>(() => journey.AddActivity(Ana, see, "Ads", ActivityKind.Touchpoint, ActivityDetails.Empty with { PlannedStart = julian }));
        var activity = journey.AddActivity(Ana, see, "Ads");
        var feedback = journey.AddWidget(Ana, activity, new FeedbackWidget("Voices"));
        var error = Assert.Throws<JourneyRuleException>(() => journey.RecordFeedback(Ana, feedback, new FeedbackEntry("survey", "slow", Sentiment.Negative, julian)));
        Assert.Contains("ISO calendar", error.Message, System.StringComparison.Ordinal);
    }
}
