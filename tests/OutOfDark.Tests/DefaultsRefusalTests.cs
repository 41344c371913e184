using System;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>Values that were accepted silently and are refused now: blank widget titles, empty ids, observations from the future.</summary>
public class DefaultsRefusalTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
    private readonly Journey _journey;
    private readonly PhaseId _see;
    private readonly ActivityId _email;

    public DefaultsRefusalTests()
    {
        _journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        _see = _journey.AddPhase(Ana, "See");
        _email = _journey.AddActivity(Ana, _see, "Newsletter");
    }

    private JourneyRuleException Refused(Action command) => _journey.Refused(command);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_widget_title_is_refused_as_a_blank_activity_name_is(string title)
    {
        var metric = new MetricWidget(title);

        var ex = Refused(() => _journey.AddWidget(Ana, _email, metric));

        Assert.Equal(JourneyRules.InvalidWidget, ex.Rule);
        Assert.Equal($"Widget {metric.Id} needs a title that is not empty or white space and at most 500 characters, as activity names do.", ex.Message);
    }

    [Fact]
    public void A_widget_title_cannot_be_blanked_by_a_change()
    {
        var metric = new MetricWidget("Open rate");
        _journey.AddWidget(Ana, _email, metric);

        var ex = Refused(() => _journey.ChangeWidget(Ana, metric with { Title = "" }));

        Assert.Equal(JourneyRules.InvalidWidget, ex.Rule);
    }

    [Fact]
    public void A_journey_in_the_default_workspace_is_refused()
    {
        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Create(Ana, default, "Online store", _clock));

        Assert.Equal(JourneyRules.InvalidValue, ex.Rule);
        Assert.Equal("A journey's workspace id must not be default(WorkspaceId), the empty GUID: pass the workspace's own id (WorkspaceId.New() once per workspace, then keep it).", ex.Message);
    }

    [Fact]
    public void A_journey_with_the_default_id_is_refused()
    {
        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock, id: default(JourneyId)));

        Assert.Equal((JourneyRules.InvalidValue, "A journey's id must not be the empty GUID."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Default_ids_passed_for_new_phases_personas_activities_and_flows_are_refused()
    {
        var blog = _journey.AddActivity(Ana, _see, "Blog");

        Assert.Equal("A phase's id must not be default(PhaseId), the empty GUID: omit the id to get a new one, or pass PhaseId.New().", Refused(() => _journey.AddPhase(Ana, "Think", id: default(PhaseId))).Message);
        Assert.Equal("A persona's id must not be default(PersonaId), the empty GUID: omit the id to get a new one, or pass PersonaId.New().", Refused(() => _journey.AddPersona(Ana, "Buyer", id: default(PersonaId))).Message);
        Assert.Equal("An activity's id must not be default(ActivityId), the empty GUID: omit the id to get a new one, or pass ActivityId.New().", Refused(() => _journey.AddActivity(Ana, _see, "Ads", id: default(ActivityId))).Message);
        Assert.Equal("A flow's id must not be default(FlowId), the empty GUID: omit the id to get a new one, or pass FlowId.New().", Refused(() => _journey.AddFlow(Ana, _email, blog, id: default(FlowId))).Message);
        Assert.Equal(JourneyRules.InvalidValue, Refused(() => _journey.AddPhase(Ana, "Think", id: default(PhaseId))).Rule);
    }

    [Fact]
    public void An_observation_dated_after_tomorrow_is_refused_saying_how_to_record_it()
    {
        var metric = _journey.AddWidget(Ana, _email, new MetricWidget("Open rate") { Unit = "%", Kind = MetricKind.Percentage });

        var ex = Refused(() => _journey.RecordObservation(Ana, metric, new LocalDate(2030, 1, 1), 21m));

        Assert.Equal(JourneyRules.ObservationDate, ex.Rule);
        Assert.Equal($"Metric 'Open rate' ({metric}) cannot record an observation on 2030-01-01: that is after today (2026-10-01 UTC, with one day of slack for time zones). Record a value on the day it was measured, once that day has come; a value aimed for belongs in the metric's Target.", ex.Message);
    }

    [Fact]
    public void An_observation_for_tomorrow_is_accepted_for_hosts_ahead_of_utc()
    {
        var metric = _journey.AddWidget(Ana, _email, new MetricWidget("Open rate") { Unit = "%", Kind = MetricKind.Percentage });

        _journey.RecordObservation(Ana, metric, new LocalDate(2026, 10, 2), 21m);
        Refused(() => _journey.RecordObservation(Ana, metric, new LocalDate(2026, 10, 3), 21m));

        _clock.Advance(Duration.FromDays(1));
        _journey.RecordObservation(Ana, metric, new LocalDate(2026, 10, 3), 22m);
        Assert.Equal(2, ((MetricWidget)_journey.FindWidget(metric, out _)!).Observations.Count);
    }
}
