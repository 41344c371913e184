using System;
using System.Linq;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>A warning per KPI: metric rules raise about the metric, each handled, and each cleared, on its own.</summary>
public class KpiWarningTests
{
    private readonly RuleHarness _h = new(2026, 10, 10);

    private (ActivityId Email, WidgetId Open, WidgetId Click) TwoFailingMetrics()
    {
        var email = _h.Activity("Newsletter");
        var open = _h.Metric(email);
        var click = _h.Metric(email, "Click rate", target: 5, warning: 3, critical: 1);
        _h.Observe(open, _h.Today, 17m);
        _h.Observe(click, _h.Today, 2m);
        return (email, open, click);
    }

    [Fact]
    public void Each_failing_metric_is_acknowledged_on_its_own()
    {
        var (_, open, click) = TwoFailingMetrics();
        var engine = _h.Engine();
        var openKey = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(open));
        var clickKey = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(click));

        engine.Acknowledge(new Actor("ana"), openKey, "new subject lines next week");

        Assert.Equal(WarningState.Acknowledged, engine.StateOf(openKey));
        Assert.Equal(WarningState.Open, engine.StateOf(clickKey));
        Assert.Equal(["Newsletter"], engine.View(WarningQuery.NeedsAttention with { Rule = MetricThresholdRule.RuleId, States = [WarningState.Open] }).Select(i => i.SubjectName));
    }

    [Fact]
    public void Workspace_rows_name_each_failing_metric_and_the_activity_it_sits_on()
    {
        TwoFailingMetrics();
        var engine = _h.Engine();

        var rows = WorkspaceWarningProjector.RowsOf(engine).Where(r => r.Key.Rule == MetricThresholdRule.RuleId).Select(r => r.SubjectName).Order(StringComparer.Ordinal);

        Assert.Equal(["Click rate on Newsletter", "Open rate on Newsletter"], rows);
    }

    [Fact]
    public void A_metric_that_recovers_clears_only_its_own_warning()
    {
        var (_, open, click) = TwoFailingMetrics();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var observer = new RecordingObserver();
        engine.Subscribe(observer);

        _h.Clock.Advance(Duration.FromDays(1));
        _h.Observe(open, _h.Today, 22m);
        engine.Refresh();

        Assert.Null(engine.Find(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(open))));
        Assert.NotNull(engine.Find(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(click))));
        Assert.Equal(["cleared metric.threshold"], observer.Log);
    }

    [Fact]
    public void Removing_a_metric_clears_its_warnings_and_forgets_their_statuses()
    {
        var (email, open, click) = TwoFailingMetrics();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var openKey = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(open));
        engine.Acknowledge(new Actor("ana"), openKey);

        _h.Journey.RemoveWidget(new Actor("ana"), open);
        var result = engine.Refresh();

        Assert.False(result.Full);
        Assert.Null(engine.Find(openKey));
        Assert.Null(_h.Journey.FindWarningStatus(openKey));
        Assert.NotNull(engine.Find(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(click))));
        Assert.Equal(email, _h.Journey.FindActivityOf(WarningSubject.For(click))!.Id);
    }

    [Fact]
    public void Activity_facts_stay_activity_warnings()
    {
        var email = _h.Activity("Newsletter", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });
        _h.Observe(_h.Metric(email), _h.Today, 17m);

        var engine = _h.Engine();

        var noOwner = Assert.Single(engine.View(new WarningQuery { Rule = NoOwnerRule.RuleId }));
        Assert.Equal(WarningSubject.For(email), noOwner.Key.Subject);
        Assert.Equal((email, (string?)null), (noOwner.ActivityId!.Value, noOwner.Metric));
    }

    [Fact]
    public void The_view_lists_an_activitys_own_warning_before_its_metrics_in_widget_order()
    {
        var email = _h.Activity("Newsletter", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });
        var open = _h.Metric(email, "Open rate", target: null, warning: null, critical: null);
        var click = _h.Metric(email, "Click rate", target: null, warning: null, critical: null);
        _h.Observe(open, _h.Today.PlusDays(-40), 20m);
        _h.Observe(click, _h.Today.PlusDays(-40), 20m);

        var view = _h.Engine().View(new WarningQuery { MinimumSeverity = WarningSeverity.Warning });

        Assert.Equal(
            ["activity.no-owner " + WarningSubject.For(email), "metric.stale " + WarningSubject.For(open), "metric.stale " + WarningSubject.For(click)],
            view.Where(i => i.ActivityId == email).Select(i => $"{i.Key.Rule} {i.Key.Subject}"));
    }

    [Fact]
    public void An_acknowledgement_of_a_metric_rule_on_an_activity_applies_to_each_metric_it_holds_then()
    {
        var (email, open, click) = TwoFailingMetrics();
        var legacy = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(email));

        _h.Journey.AcknowledgeWarning(new Actor("ana"), legacy, "seen");
        var later = _h.Metric(email, "Bounce rate", direction: MetricDirection.LowerIsBetter, target: 1, warning: 2, critical: 5);

        Assert.Null(_h.Journey.FindWarningStatus(legacy));
        Assert.Equal("seen", _h.Journey.FindWarningStatus(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(open)))!.Note);
        Assert.Equal("seen", _h.Journey.FindWarningStatus(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(click)))!.Note);
        Assert.Null(_h.Journey.FindWarningStatus(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(later))));
    }

    [Fact]
    public void A_status_on_a_widget_that_is_not_a_metric_is_refused()
    {
        var email = _h.Activity("Newsletter");
        var feels = _h.Emotion(email, -1);

        var refused = Assert.Throws<JourneyRuleException>(() =>
            _h.Journey.AcknowledgeWarning(new Actor("ana"), new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(feels))));

        Assert.Contains($"metric:{feels}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not part of journey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_warnings_acknowledgement_is_in_its_activitys_history_and_names_the_metric()
    {
        var (email, open, _) = TwoFailingMetrics();
        _h.Journey.AcknowledgeWarning(new Actor("bo"), new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(open)), "on it");

        var entry = new JourneyHistory(_h.Journey.PendingEvents, _h.Clock).ForActivity(email).Last();

        Assert.Equal("bo", entry.Actor);
        Assert.Contains("metric.threshold on metric \"Open rate\" of activity \"Newsletter\"", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_subject_reads_as_kind_and_widget_id()
    {
        var id = new WidgetId(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        var subject = WarningSubject.For(id);

        Assert.Equal("metric:0f8fad5b-d9cb-469f-a165-70867728950e", subject.ToString());
        Assert.Equal(id, subject.MetricId);
        Assert.Null(subject.ActivityId);
    }
}
