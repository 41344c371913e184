using System.Linq;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>Settings of metric rules per KPI: the journey's and the host's KPI overrides, and what a change checks again.</summary>
public sealed class KpiSettingsTests
{
    private static readonly Actor Mia = new("mia");
    private static readonly MetricThresholdSettings Off = new() { Enabled = false };
    private readonly RuleHarness _h = new(2026, 10, 10);

    private (ActivityId Email, WidgetId Open, WidgetId Click, WidgetId Visits) ThreeFailingMetrics()
    {
        var email = _h.Activity("Newsletter");
        var open = _h.Metric(email);
        var click = _h.Metric(email, "Click rate", target: 5, warning: 3, critical: 1);
        var visits = _h.Metric(_h.Activity("Landing page"), "Visit rate");
        _h.Observe(open, _h.Today, 17m);
        _h.Observe(click, _h.Today, 2m);
        _h.Observe(visits, _h.Today, 16m);
        return (email, open, click, visits);
    }

    private static WidgetId[] Warned(WarningEngine engine) =>
        engine.Warnings.Where(w => w.Key.Rule == MetricThresholdRule.RuleId).Select(w => w.Key.Subject.MetricId!.Value).OrderBy(m => m.Value).ToArray();

    private static WidgetId[] Sorted(params WidgetId[] ids) => ids.OrderBy(m => m.Value).ToArray();

    [Fact]
    public void A_KPI_override_changes_only_that_metrics_warning()
    {
        var (_, open, click, visits) = ThreeFailingMetrics();
        var engine = _h.Engine();
        engine.EvaluateAll();
        Assert.Equal(Sorted(open, click, visits), Warned(engine));

        _h.Journey.SetMetricRuleSettings(Mia, click, MetricThresholdRule.RuleId, Off, "click rate is reported by the CRM");
        var refresh = engine.Refresh();

        Assert.Equal((false, 1, 1), (refresh.Full, refresh.Checks, refresh.Cleared));
        Assert.Equal(Sorted(open, visits), Warned(engine));
        var fresh = _h.Engine();
        fresh.EvaluateAll();
        Assert.Equal(Warned(fresh), Warned(engine));
    }

    [Fact]
    public void An_activity_override_of_a_metric_rule_checks_that_activitys_metrics_and_journey_settings_every_metric()
    {
        var (email, open, click, visits) = ThreeFailingMetrics();
        var engine = _h.Engine();
        engine.EvaluateAll();

        _h.Journey.SetActivityRuleSettings(Mia, email, MetricThresholdRule.RuleId, Off);
        var activity = engine.Refresh();
        Assert.Equal((false, 2, 2), (activity.Full, activity.Checks, activity.Cleared));
        Assert.Equal([visits], Warned(engine));

        _h.Journey.SetRuleSettings(Mia, MetricThresholdRule.RuleId, new MetricThresholdSettings { FlagOffTarget = true });
        var everywhere = engine.Refresh();
        Assert.Equal((false, 3), (everywhere.Full, everywhere.Checks));
        Assert.Equal([visits], Warned(engine));

        _h.Journey.SetMetricRuleSettings(Mia, open, MetricThresholdRule.RuleId, new MetricThresholdSettings());
        engine.Refresh();
        Assert.Equal(Sorted(open, visits), Warned(engine));
        Assert.DoesNotContain(click, Warned(engine));
    }

    [Fact]
    public void Effective_settings_of_a_KPI_explain_the_KPI_layer_above_its_activitys()
    {
        var (email, _, click, visits) = ThreeFailingMetrics();
        var host = WarningSettings.Default.With(MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 2 });
        var engine = _h.Engine(settings: host);
        _h.Journey.SetActivityRuleSettings(Mia, email, MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 3 });
        _h.Journey.SetMetricRuleSettings(Mia, click, MetricThresholdRule.RuleId, Off, "click rate is reported by the CRM");

        var onClick = engine.EffectiveSettings(MetricThresholdRule.RuleId, WarningSubject.For(click));
        var onVisits = engine.EffectiveSettings(MetricThresholdRule.RuleId, WarningSubject.For(visits));

        Assert.Equal(Off, onClick.Settings);
        Assert.Equal([SettingsLayer.RuleDefault, SettingsLayer.Host, SettingsLayer.Activity, SettingsLayer.Metric], onClick.Sources.Select(s => s.Layer));
        Assert.Equal("From the journey's override for this KPI, set by mia on 2026-10-10: click rate is reported by the CRM. It replaces the journey's override for this activity and the host's settings and the rule's defaults.", onClick.Explain());
        Assert.Equal((SettingsLayer.Host, 2), (onVisits.Layer, ((MetricThresholdSettings)onVisits.Settings).MinimumRun));
        var ex = Assert.Throws<System.ArgumentException>(() => engine.EffectiveSettings(MetricThresholdRule.RuleId, WarningSubject.For(email)));
        Assert.StartsWith("Rule 'metric.threshold' looks at metrics (KPIs), not at activity:", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_KPI_override_lies_above_the_hosts_activity_override_and_below_the_journeys_settings()
    {
        var (email, open, click, visits) = ThreeFailingMetrics();
        var host = WarningSettings.Default
            .WithOverride(email, MetricThresholdRule.RuleId, Off)
            .WithMetricOverride(open, MetricThresholdRule.RuleId, new MetricThresholdSettings());
        var engine = _h.Engine(settings: host);
        engine.EvaluateAll();
        Assert.Equal(Sorted(open, visits), Warned(engine));
        Assert.Equal([SettingsLayer.RuleDefault, SettingsLayer.HostActivity, SettingsLayer.HostMetric], engine.EffectiveSettings(MetricThresholdRule.RuleId, WarningSubject.For(open)).Sources.Select(s => s.Layer));

        _h.Journey.SetActivityRuleSettings(Mia, email, MetricThresholdRule.RuleId, Off);
        engine.Refresh();
        Assert.Equal([visits], Warned(engine));
        Assert.Equal(SettingsLayer.Activity, engine.EffectiveSettings(MetricThresholdRule.RuleId, WarningSubject.For(open)).Layer);
        var fresh = _h.Engine(settings: host);
        fresh.EvaluateAll();
        Assert.Equal(Warned(fresh), Warned(engine));
        Assert.Throws<System.ArgumentException>(() => _h.Engine(settings: WarningSettings.Default.WithMetricOverride(click, NoOwnerRule.RuleId, new NoOwnerSettings())));
    }
}
