using System.Linq;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Tests.Warnings;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Kpis;

/// <summary>Metrics on the journey itself and on phases: commands, warnings, history and refusals.</summary>
public class JourneyAndPhaseKpiTests
{
    private static readonly Actor Ana = new("ana");
    private readonly RuleHarness _h = new(2026, 10, 10);

    private static MetricWidget Conversion(string title = "Conversion of Think") =>
        new(WidgetId.New(), title) { Unit = "%", Kind = MetricKind.Percentage, Target = 25, WarningThreshold = 18, CriticalThreshold = 12 };

    [Fact]
    public void A_phase_metric_is_listed_on_its_phase_and_measured_by_widget_id()
    {
        var id = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        _h.Observe(id, _h.Today, 21m);
        _h.Journey.CorrectObservation(Ana, id, _h.Today, 20m);

        var metric = Assert.Single(_h.Journey.GetPhase(_h.Think).Metrics);
        Assert.Equal(id, metric.Id);
        Assert.Equal(20m, metric.Observations.Single().Value);
        Assert.Empty(_h.Journey.Metrics);
        Assert.Same(metric, _h.Journey.FindKpi(id, out var phase));
        Assert.Equal(_h.Think, phase);
        Assert.Null(_h.Journey.FindWidget(id, out _));
        Assert.Null(_h.Journey.FindActivityOf(WarningSubject.For(id)));
        Assert.Same(metric, _h.Journey.FindMetric(id, out var activity, out var holder));
        Assert.Null(activity);
        Assert.Equal(_h.Think, holder!.Id);
    }

    [Fact]
    public void Journey_metrics_keep_their_order_and_move_change_and_go_by_widget_id()
    {
        var first = _h.Journey.AddJourneyMetric(Ana, Conversion("Repeat purchase"));
        var second = _h.Journey.AddJourneyMetric(Ana, Conversion("Churn"), position: 0);
        Assert.Equal([second, first], _h.Journey.Metrics.Select(m => m.Id));

        _h.Journey.MoveWidget(Ana, second, 1);
        _h.Journey.ChangeWidget(Ana, _h.Journey.Metrics[0] with { Target = 30 });
        Assert.Equal([first, second], _h.Journey.Metrics.Select(m => m.Id));
        Assert.Equal(30, _h.Journey.Metrics[0].Target);

        _h.Journey.RemoveWidget(Ana, first);
        Assert.Equal([second], _h.Journey.Metrics.Select(m => m.Id));
        Assert.Null(_h.Journey.FindKpi(first, out _));
    }

    [Fact]
    public void Renaming_a_phase_keeps_its_metrics()
    {
        var id = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());

        _h.Journey.ChangePhase(Ana, _h.Think, "Consider", "Compare offers");

        Assert.Equal(id, Assert.Single(_h.Journey.GetPhase(_h.Think).Metrics).Id);
    }

    [Fact]
    public void Metric_rules_warn_about_phase_and_journey_metrics_and_the_view_names_where_they_sit()
    {
        var phaseKpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        var journeyKpi = _h.Journey.AddJourneyMetric(Ana, Conversion("Repeat purchase"));
        _h.Observe(phaseKpi, _h.Today, 10m);
        _h.Observe(journeyKpi, _h.Today, 10m);
        var engine = _h.Engine();
        engine.EvaluateAll();

        var items = engine.View(new WarningQuery { Rule = MetricThresholdRule.RuleId }).ToList();
        var onPhase = Assert.Single(items, i => i.Key.Subject == WarningSubject.For(phaseKpi));
        Assert.Equal(("Think", (PhaseId?)_h.Think, (ActivityId?)null, "Conversion of Think"), (onPhase.SubjectName, onPhase.PhaseId, onPhase.ActivityId, onPhase.Metric));
        var onJourney = Assert.Single(items, i => i.Key.Subject == WarningSubject.For(journeyKpi));
        Assert.Equal(("Online store", (PhaseId?)null, (ActivityId?)null, "Repeat purchase"), (onJourney.SubjectName, onJourney.PhaseId, onJourney.ActivityId, onJourney.Metric));
        Assert.Equal(WarningSeverity.Critical, onPhase.Warning.Severity);
    }

    [Fact]
    public void Incremental_evaluation_follows_observations_and_removal_of_a_phase_metric()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        var engine = _h.Engine();
        engine.EvaluateAll();
        var key = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(kpi));
        Assert.Null(engine.Find(key));

        _h.Observe(kpi, _h.Today, 10m);
        engine.Refresh();
        Assert.NotNull(engine.Find(key));

        _h.Journey.AcknowledgeWarning(Ana, key, "on it");
        _h.Journey.RemoveWidget(Ana, kpi);
        engine.Refresh();
        Assert.Null(engine.Find(key));
        Assert.Null(_h.Journey.FindWarningStatus(key));
    }

    [Fact]
    public void Rule_settings_can_be_tuned_for_a_phase_metric()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        _h.Observe(kpi, _h.Today, 10m);
        var engine = _h.Engine();
        engine.EvaluateAll();
        var key = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(kpi));
        Assert.NotNull(engine.Find(key));

        _h.Journey.SetMetricRuleSettings(Ana, kpi, MetricThresholdRule.RuleId, new MetricThresholdSettings { Enabled = false });
        engine.Refresh();

        Assert.Null(engine.Find(key));
    }

    [Fact]
    public void History_names_the_journey_or_the_phase_a_metric_sits_on()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        var journeyKpi = _h.Journey.AddJourneyMetric(Ana, Conversion("Repeat purchase"));
        var before = Journey.Replay(_h.Journey.PendingEvents, _h.Clock);
        _h.Observe(kpi, _h.Today, 21m);
        _h.Journey.MoveWidget(Ana, journeyKpi, 0);
        _h.Journey.RemoveWidget(Ana, journeyKpi);
        var events = _h.Journey.PendingEvents;

        Assert.Equal("Added metric \"Conversion of Think\" to phase \"Think\"", EventDescriber.Describe(events.OfType<KpiAdded>().First(), before));
        Assert.Equal("Added metric \"Repeat purchase\" to the journey", EventDescriber.Describe(events.OfType<KpiAdded>().Last(), before));
        Assert.Equal("Recorded 21 % for metric \"Conversion of Think\" of phase \"Think\" on 2026-10-10", EventDescriber.Describe(events.OfType<KpiMeasurementRecorded>().Single(), before));
        Assert.Equal("Removed metric \"Repeat purchase\" of the journey", EventDescriber.Describe(events.OfType<KpiRemoved>().Single(), before));
    }

    [Fact]
    public void A_snapshot_restores_journey_and_phase_metrics()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        _h.Journey.AddJourneyMetric(Ana, Conversion("Repeat purchase"));
        _h.Observe(kpi, _h.Today, 21m);

        var restored = Journey.FromSnapshot(_h.Journey.ToSnapshot(), _h.Clock);

        Assert.Equal(_h.Journey.ToSnapshot(), restored.ToSnapshot());
        Assert.NotNull(restored.FindKpi(kpi, out _));
        Assert.Throws<JourneyRuleException>(() => restored.AddJourneyMetric(Ana, Conversion() with { Id = kpi }));
    }

    [Fact]
    public void Adding_to_an_unknown_phase_is_refused()
    {
        var ghost = PhaseId.New();
        var ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.AddPhaseMetric(Ana, ghost, Conversion()));
        Assert.Equal(JourneyRules.UnknownPhase, ex.Rule);
        Assert.Equal($"Journey 'Online store' has no phase {ghost}.", ex.Message);
    }

    [Fact]
    public void An_id_used_by_an_activity_widget_or_another_metric_is_refused()
    {
        var onActivity = _h.Metric(_h.Activity("Checkout"));
        var onPhase = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());

        var ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.AddJourneyMetric(Ana, Conversion() with { Id = onActivity }));
        Assert.Equal(JourneyRules.DuplicateId, ex.Rule);
        Assert.Equal($"Widget id {onActivity} is already used on activity 'Checkout'.", ex.Message);

        ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.AddPhaseMetric(Ana, _h.Do, Conversion() with { Id = onPhase }));
        Assert.Equal($"Widget id {onPhase} is already used by a metric on phase 'Think'.", ex.Message);

        ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.AddWidget(Ana, _h.Activity("Search"), Conversion() with { Id = onPhase }));
        Assert.Equal($"Widget id {onPhase} is already used by a metric on phase 'Think'.", ex.Message);
    }

    [Fact]
    public void A_position_past_the_end_is_refused()
    {
        var ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.AddJourneyMetric(Ana, Conversion(), position: 1));
        Assert.Equal(JourneyRules.InvalidPosition, ex.Rule);
        Assert.Equal("Position 1 is outside the metrics of journey 'Online store': use 0 to 0.", ex.Message);

        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.MoveWidget(Ana, kpi, 3));
        Assert.Equal("Position 3 is outside the phase metric list: use 0 to 0.", ex.Message);
    }

    [Fact]
    public void A_metric_on_the_journey_or_a_phase_cannot_become_another_kind_of_widget_or_take_feedback()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());

        var ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.ChangeWidget(Ana, new DescriptionWidget(kpi, "Notes", "text")));
        Assert.Equal(JourneyRules.WrongWidgetKind, ex.Rule);
        Assert.Equal($"Widget 'Conversion of Think' ({kpi}) is a metric on phase 'Think' and cannot become a description widget: the journey and its phases hold metrics only.", ex.Message);

        ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.RecordFeedback(Ana, kpi, new FeedbackEntry("survey", "slow", Sentiment.Negative, _h.Today)));
        Assert.Equal($"Cannot record feedback on widget 'Conversion of Think' ({kpi}): it is a metric on phase 'Think'.", ex.Message);
    }

    [Fact]
    public void An_observation_that_does_not_fit_a_phase_metric_is_refused_as_on_an_activity()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        _h.Observe(kpi, _h.Today, 21m);

        var ex = Assert.Throws<JourneyRuleException>(() => _h.Observe(kpi, _h.Today, 22m));
        Assert.Equal(JourneyRules.ObservationDate, ex.Rule);
        Assert.Equal($"Metric 'Conversion of Think' ({kpi}) already has an observation for all customers on 2026-10-10; correct it instead of recording another.", ex.Message);

        ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.RemoveObservation(Ana, kpi, _h.Today.PlusDays(-3)));
        Assert.Equal($"Metric 'Conversion of Think' ({kpi}) has no observation for all customers on 2026-10-07.", ex.Message);
    }

    [Fact]
    public void A_phase_holding_metrics_cannot_be_removed_until_they_are()
    {
        var phase = _h.Journey.AddPhase(Ana, "Care");
        var kpi = _h.Journey.AddPhaseMetric(Ana, phase, Conversion("CSAT of Care"));

        var ex = Assert.Throws<JourneyRuleException>(() => _h.Journey.RemovePhase(Ana, phase));
        Assert.Equal(JourneyRules.PhaseNotEmpty, ex.Rule);
        Assert.Equal($"Phase 'Care' ({phase}) still holds 1 metric ('CSAT of Care'); remove it with RemoveWidget first, so that no measured data goes unnoticed.", ex.Message);

        _h.Journey.RemoveWidget(Ana, kpi);
        _h.Journey.RemovePhase(Ana, phase);
        Assert.Null(_h.Journey.FindPhase(phase));
    }

    [Fact]
    public void An_event_naming_the_wrong_place_is_refused_on_replay()
    {
        var kpi = _h.Journey.AddPhaseMetric(Ana, _h.Think, Conversion());
        var events = _h.Journey.PendingEvents.ToList();
        var wrong = new KpiRemoved(null, kpi) { JourneyId = _h.Journey.Id, OccurredAt = events[^1].OccurredAt, Actor = "ana" };

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Replay([.. events, wrong], _h.Clock));
        Assert.Equal(JourneyRules.UnknownWidget, ex.Rule);
        Assert.Equal($"Journey 'Online store' has no metric {kpi}.", ex.Message);
    }
}
