using System;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>The messages people see when the journey refuses a command: one per rule.</summary>
public class JourneyRefusalTests
{
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
    private readonly Journey _journey;
    private readonly PhaseId _see;
    private readonly ActivityId _email;

    public JourneyRefusalTests()
    {
        _journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", _clock);
        _see = _journey.AddPhase(new Actor("ana"), "See");
        _email = _journey.AddActivity(new Actor("ana"), _see, "Newsletter");
    }

    private JourneyRuleException Refused(Action command) => _journey.Refused(command);

    [Fact]
    public void An_empty_activity_name_is_refused()
    {
        var ex = Refused(() => _journey.AddActivity(new Actor("ana"), _see, ""));
        var spaces = Refused(() => _journey.AddActivity(new Actor("ana"), _see, "  "));

        Assert.Equal((JourneyRules.InvalidValue, "The activity name must not be empty."), (ex.Rule, ex.Message));
        Assert.Equal(
            (JourneyRules.InvalidValue, "The activity name has no visible character (only white space, format characters such as U+200B or combining marks); type a name."),
            (spaces.Rule, spaces.Message));
    }

    [Fact]
    public void An_activity_in_a_missing_phase_is_refused()
    {
        var missing = PhaseId.New();

        var ex = Refused(() => _journey.AddActivity(new Actor("ana"), missing, "Blog post"));

        Assert.Equal(JourneyRules.UnknownPhase, ex.Rule);
        Assert.Equal($"Journey 'Online store' has no phase {missing}.", ex.Message);
    }

    [Fact]
    public void Removing_a_phase_that_holds_activities_is_refused()
    {
        var ex = Refused(() => _journey.RemovePhase(new Actor("ana"), _see));

        Assert.Equal(JourneyRules.PhaseNotEmpty, ex.Rule);
        Assert.Contains("Phase 'See'", ex.Message);
        Assert.Contains("still holds 1 activity; move or remove it first", ex.Message);
    }

    [Fact]
    public void A_flow_from_an_activity_to_itself_is_refused()
    {
        var ex = Refused(() => _journey.AddFlow(new Actor("ana"), _email, _email));

        Assert.Equal(JourneyRules.InvalidFlow, ex.Rule);
        Assert.Contains("both ends are 'Newsletter'", ex.Message);
    }

    [Fact]
    public void A_second_flow_between_the_same_activities_is_refused()
    {
        var page = _journey.AddActivity(new Actor("ana"), _see, "Product page");
        _journey.AddFlow(new Actor("ana"), _email, page);

        var ex = Refused(() => _journey.AddFlow(new Actor("ana"), _email, page));

        Assert.Equal(JourneyRules.InvalidFlow, ex.Rule);
        Assert.Contains("A flow from 'Newsletter' to 'Product page' already exists", ex.Message);
    }

    [Fact]
    public void Thresholds_against_the_metrics_direction_are_refused()
    {
        var metric = new MetricWidget(WidgetId.New(), "Open rate") { Kind = MetricKind.Percentage, Target = 25, WarningThreshold = 30 };

        var ex = Refused(() => _journey.AddWidget(new Actor("ana"), _email, metric));

        Assert.Equal(JourneyRules.InvalidWidget, ex.Rule);
        Assert.Equal($"Widget 'Open rate' ({metric.Id}): The warning threshold 30 must not be better than the target 25 for a metric where higher is better. If lower values are better for this metric, set Direction = MetricDirection.LowerIsBetter; otherwise put the warning threshold below the target.", ex.Message);
    }

    [Fact]
    public void Thresholds_against_a_lower_is_better_metric_suggest_higher_is_better()
    {
        var metric = new MetricWidget("Response time") { Unit = "h", Direction = MetricDirection.LowerIsBetter, Target = 4, WarningThreshold = 8, CriticalThreshold = 6 };

        var ex = Refused(() => _journey.AddWidget(new Actor("ana"), _email, metric));

        Assert.EndsWith("The critical threshold 6 must not be better than the warning threshold 8 for a metric where lower is better. If higher values are better for this metric, set Direction = MetricDirection.HigherIsBetter; otherwise put the critical threshold above the warning threshold.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_phase_that_holds_two_activities_says_so_in_the_plural()
    {
        _journey.AddActivity(new Actor("ana"), _see, "Blog");

        var ex = Refused(() => _journey.RemovePhase(new Actor("ana"), _see));

        Assert.Contains("still holds 2 activities; move or remove them first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_in_descriptions_take_the_singular_for_one()
    {
        Assert.EndsWith("1 phase, 1 activity, 0 flows", _journey.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("1 observation 2026-09-30", ObservationSeries.Empty.Add(new Observation(new LocalDate(2026, 9, 30), 1)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_observation_on_the_same_date_is_refused()
    {
        var metric = _journey.AddWidget(new Actor("ana"), _email, new MetricWidget(WidgetId.New(), "Open rate") { Kind = MetricKind.Percentage });
        _journey.RecordObservation(new Actor("ana"), metric, new LocalDate(2026, 10, 1), 20);

        var ex = Refused(() => _journey.RecordObservation(new Actor("ana"), metric, new LocalDate(2026, 10, 1), 21));

        Assert.Equal(JourneyRules.ObservationDate, ex.Rule);
        Assert.Contains("already has an observation on 2026-10-01; correct it instead", ex.Message);
    }

    [Fact]
    public void A_percentage_above_100_is_refused()
    {
        var metric = _journey.AddWidget(new Actor("ana"), _email, new MetricWidget(WidgetId.New(), "Open rate") { Kind = MetricKind.Percentage });

        var ex = Refused(() => _journey.RecordObservation(new Actor("ana"), metric, new LocalDate(2026, 10, 1), 120));

        Assert.Contains("A percentage must be between 0 and 100; got 120.", ex.Message);
    }

    [Fact]
    public void An_observation_on_a_link_is_refused()
    {
        var link = _journey.AddWidget(new Actor("ana"), _email, new LinkWidget(WidgetId.New(), "Campaign", new Uri("https://example.com")));

        var ex = Refused(() => _journey.RecordObservation(new Actor("ana"), link, new LocalDate(2026, 10, 1), 1));

        Assert.Equal(JourneyRules.WrongWidgetKind, ex.Rule);
        Assert.Contains("it is a link widget", ex.Message);
    }

    [Fact]
    public void A_widget_cannot_change_its_kind()
    {
        var id = _journey.AddWidget(new Actor("ana"), _email, new DescriptionWidget(WidgetId.New(), "About", "text"));

        var ex = Refused(() => _journey.ChangeWidget(new Actor("ana"), new LinkWidget(id, "About", new Uri("https://example.com"))));

        Assert.Equal(JourneyRules.WrongWidgetKind, ex.Rule);
        Assert.Contains("is a description widget and cannot become a link widget", ex.Message);
    }

    [Fact]
    public void An_emotion_for_a_missing_persona_is_refused()
    {
        var ex = Refused(() => _journey.AddWidget(new Actor("ana"), _email, new EmotionWidget(WidgetId.New(), "Feels", PersonaId.New(), EmotionScore.Negative, null, null)));

        Assert.Equal(JourneyRules.UnknownPersona, ex.Rule);
    }

    [Fact]
    public void A_persona_in_use_cannot_be_removed()
    {
        var persona = _journey.AddPersona(new Actor("ana"), "Buyer");
        var widget = _journey.AddWidget(new Actor("ana"), _email, new EmotionWidget(WidgetId.New(), "Feels", persona, EmotionScore.Negative, null, null));

        var ex = Refused(() => _journey.RemovePersona(new Actor("ana"), persona));

        Assert.Equal(JourneyRules.PersonaInUse, ex.Rule);
        // Names in the sentence, ids in the subjects: people read it, programs take the ids.
        Assert.Equal("Persona 'Buyer' is still used by emotion widget 'Feels' on activity 'Newsletter'; remove or change that widget first.", ex.Message);
        Assert.Equal(new object[] { persona, widget }, ex.Subjects);
    }

    [Fact]
    public void A_schedule_ending_before_it_starts_is_refused()
    {
        var details = ActivityDetails.Empty with { PlannedStart = new LocalDate(2026, 10, 5), PlannedEnd = new LocalDate(2026, 10, 1) };

        var ex = Refused(() => _journey.AddActivity(new Actor("ana"), _see, "Launch", details: details));

        Assert.Equal(JourneyRules.InvalidSchedule, ex.Rule);
        Assert.Equal("Activity 'Launch' is planned to end on 2026-10-01, before it starts on 2026-10-05.", ex.Message);
    }

    [Fact]
    public void A_snooze_into_the_past_is_refused()
    {
        var key = new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(_email));

        var ex = Refused(() => _journey.SnoozeWarning(new Actor("ana"), key, _clock.GetCurrentInstant() - Duration.FromHours(1)));

        Assert.Equal(JourneyRules.InvalidSnooze, ex.Rule);
    }

    [Fact]
    public void A_warning_about_something_outside_the_journey_is_refused()
    {
        var key = new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(ActivityId.New()));

        var ex = Refused(() => _journey.AcknowledgeWarning(new Actor("ana"), key));

        Assert.Contains("which is not part of journey 'Online store'", ex.Message);
    }

    [Fact]
    public void Removing_an_activity_removes_its_subtree_flows_and_warning_statuses()
    {
        var child = _journey.AddActivity(new Actor("ana"), _see, "Issue 1", parentId: _email);
        var other = _journey.AddActivity(new Actor("ana"), _see, "Product page");
        _journey.AddFlow(new Actor("ana"), child, other);
        _journey.AcknowledgeWarning(new Actor("ana"), new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(child)));

        _journey.RemoveActivity(new Actor("ana"), _email);

        Assert.Equal([other], [.. System.Linq.Enumerable.Select(_journey.Activities, a => a.Id)]);
        Assert.Empty(_journey.Flows);
        Assert.Empty(_journey.WarningStatuses);
        JourneyInvariants.Check(_journey);
    }

    [Fact]
    public void Applying_an_event_of_another_journey_is_refused()
    {
        var other = Journey.Create(new Actor("bo"), WorkspaceId.New(), "Other", _clock);
        other.Rename(new Actor("bo"), "Renamed");

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Replay([.. _journey.PendingEvents, other.PendingEvents[^1]], _clock));

        Assert.Equal(JourneyRules.WrongJourney, ex.Rule);
    }
}
