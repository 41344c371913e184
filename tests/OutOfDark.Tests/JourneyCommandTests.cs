using System.Linq;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests;

public class JourneyCommandTests
{
    private readonly FakeClock _clock = FakeClock.At(2026, 10, 1);

    private Journey NewJourney() => Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", _clock);

    [Fact]
    public void Moving_an_activity_under_its_descendant_is_refused()
    {
        var journey = NewJourney();
        var see = journey.AddPhase(new Actor("ana"), "See");
        var parent = journey.AddActivity(new Actor("ana"), see, "Campaign");
        var child = journey.AddActivity(new Actor("ana"), see, "Newsletter", parentId: parent);
        var before = journey.ToSnapshot();

        var ex = Assert.Throws<JourneyRuleException>(() => journey.MoveActivity(new Actor("ana"), parent, see, child));

        Assert.Equal(JourneyRules.MapCycle, ex.Rule);
        Assert.Contains("Campaign", ex.Message);
        Assert.Contains(parent, ex.Subjects);
        Assert.Equal(before, journey.ToSnapshot());
    }

    [Fact]
    public void A_command_that_changes_nothing_records_nothing()
    {
        var journey = NewJourney();
        var version = journey.Version;

        journey.Rename(new Actor("ana"), "Online store");

        Assert.Equal(version, journey.Version);
    }

    [Fact]
    public void Events_are_stamped_with_the_clock_actor_and_reason()
    {
        var journey = NewJourney();
        _clock.Advance(Duration.FromHours(1));

        journey.Rename(new Actor("bo"), "Web shop", reason: "rebrand");

        var e = Assert.IsType<JourneyRenamed>(journey.PendingEvents.Last());
        Assert.Equal(("bo", "rebrand", _clock.Now, journey.Id), (e.Actor, e.Reason, e.OccurredAt, e.JourneyId));
    }

    [Fact]
    public void Replaying_the_events_rebuilds_an_equal_journey()
    {
        var journey = NewJourney();
        var see = journey.AddPhase(new Actor("ana"), "See");
        var persona = journey.AddPersona(new Actor("ana"), "First-time buyer");
        var email = journey.AddActivity(new Actor("ana"), see, "Newsletter", details: ActivityDetails.Empty with { Owner = "ana" });
        var rate = journey.AddWidget(new Actor("ana"), email, new MetricWidget(WidgetId.New(), "Open rate") { Unit = "%", Kind = MetricKind.Percentage, Target = 25, WarningThreshold = 18, CriticalThreshold = 12 });
        journey.RecordObservation(new Actor("ana"), rate, new LocalDate(2026, 10, 1), 21.5m);
        journey.AddWidget(new Actor("ana"), email, new EmotionWidget(WidgetId.New(), "Feels", persona, EmotionScore.Negative, EmotionScore.Positive, null));

        var replayed = Journey.Replay(journey.PendingEvents, _clock);

        Assert.Equal(journey.ToSnapshot(), replayed.ToSnapshot());
    }
}
