using System.Linq;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public class MetricRuleTests
{
    private readonly RuleHarness _h = new(2026, 10, 10);

    [Fact]
    public void A_value_exactly_at_the_warning_threshold_raises_nothing()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 18m);

        Assert.Null(_h.Run(BuiltInRules.MetricThreshold, rate).Warning);
    }

    [Fact]
    public void Falling_below_the_warning_threshold_raises_a_warning_a_manager_can_read()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 9, 24), 20m);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 17m);
        _h.Observe(rate, new LocalDate(2026, 10, 8), 15m);
        _h.Observe(rate, new LocalDate(2026, 10, 9), 12m);

        var warning = _h.Run(BuiltInRules.MetricThreshold, rate).Warning!;

        Assert.Equal(WarningSeverity.Warning, warning.Severity);
        Assert.Equal("Open rate fell to 12 % — warning threshold 18 %, 3 observations below since 2026-10-01", warning.Message);
        Assert.Equal(new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(rate)), warning.Key);
        Assert.Equal(12m, warning.Evidence[1].Number);
        Assert.Contains("warning threshold=18", RuleHarness.Evidence(warning));
    }

    [Fact]
    public void Falling_below_the_critical_threshold_is_critical()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 11.99m);

        var warning = _h.Run(BuiltInRules.MetricThreshold, rate).Warning!;

        Assert.Equal(WarningSeverity.Critical, warning.Severity);
        Assert.Equal("Open rate fell to 11.99 % — critical threshold 12 %, 1 observation below since 2026-10-01", warning.Message);
    }

    [Fact]
    public void A_lower_is_better_metric_warns_when_it_rises_past_its_threshold()
    {
        var returns = _h.Activity("Returns");
        var churn = _h.Metric(returns, "Churn", target: 2, warning: 5, critical: 8, direction: MetricDirection.LowerIsBetter);
        _h.Observe(churn, new LocalDate(2026, 10, 1), 5m);
        Assert.Null(_h.Run(BuiltInRules.MetricThreshold, churn).Warning);

        _h.Observe(churn, new LocalDate(2026, 10, 2), 6m);

        var warning = _h.Run(BuiltInRules.MetricThreshold, churn).Warning!;
        Assert.Equal("Churn rose to 6 % — warning threshold 5 %, 1 observation above since 2026-10-02", warning.Message);
    }

    [Fact]
    public void A_minimum_run_waits_for_enough_observations_in_a_row()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        var settings = new MetricThresholdSettings { MinimumRun = 2 };
        _h.Observe(rate, new LocalDate(2026, 10, 1), 20m);
        _h.Observe(rate, new LocalDate(2026, 10, 2), 17m);
        Assert.Null(_h.Run(BuiltInRules.MetricThreshold, rate, settings).Warning);

        _h.Observe(rate, new LocalDate(2026, 10, 3), 16m);

        Assert.Equal(WarningSeverity.Warning, _h.Run(BuiltInRules.MetricThreshold, rate, settings).Warning!.Severity);
    }

    [Fact]
    public void Off_target_values_raise_info_only_when_asked()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 24m);

        Assert.Null(_h.Run(BuiltInRules.MetricThreshold, rate).Warning);
        var warning = _h.Run(BuiltInRules.MetricThreshold, rate, new MetricThresholdSettings { FlagOffTarget = true }).Warning!;
        Assert.Equal(WarningSeverity.Info, warning.Severity);
        Assert.StartsWith("Open rate fell to 24 % — target 25 %", warning.Message);
    }

    [Fact]
    public void Two_failing_metrics_on_one_activity_are_two_warnings_each_about_its_own_metric()
    {
        var email = _h.Activity("Newsletter");
        var open = _h.Metric(email);
        var click = _h.Metric(email, "Click rate", target: 5, warning: 3, critical: 1);
        _h.Observe(open, new LocalDate(2026, 10, 1), 17m);
        _h.Observe(click, new LocalDate(2026, 10, 1), 0.5m);

        var warnings = _h.Engine().View();

        Assert.Equal(
            [
                "Critical · Newsletter · Click rate fell to 0.5 % — critical threshold 1 %, 1 observation below since 2026-10-01 (Open)",
                "Warning · Newsletter · Open rate fell to 17 % — warning threshold 18 %, 1 observation below since 2026-10-01 (Open)",
            ],
            warnings.Where(w => w.Key.Rule == MetricThresholdRule.RuleId).Select(w => w.ToString()));
        Assert.Equal([WarningSubject.For(click), WarningSubject.For(open)], warnings.Where(w => w.Key.Rule == MetricThresholdRule.RuleId).Select(w => w.Key.Subject));
        Assert.All(warnings.Where(w => w.Key.Rule == MetricThresholdRule.RuleId), w => Assert.Equal(email, w.ActivityId));
        Assert.Equal(["Click rate", "Open rate"], warnings.Where(w => w.Key.Rule == MetricThresholdRule.RuleId).Select(w => w.Metric));
    }

    [Fact]
    public void A_fall_of_exactly_the_limit_within_the_window_raises_a_trend_warning()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 9, 3), 25m);
        _h.Observe(rate, new LocalDate(2026, 9, 20), 23m);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 20m);

        var warning = _h.Run(BuiltInRules.MetricTrend, rate).Warning!;

        Assert.Equal("Open rate fell 20 % in 28 days, from 25 % on 2026-09-03 to 20 % on 2026-10-01 — limit 20 %", warning.Message);
    }

    [Fact]
    public void A_fall_just_under_the_limit_raises_no_trend_warning()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 9, 3), 25m);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 20.01m);

        Assert.Null(_h.Run(BuiltInRules.MetricTrend, rate).Warning);
    }

    [Fact]
    public void Observations_before_the_window_do_not_count_for_the_trend()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, new LocalDate(2026, 9, 2), 30m);
        _h.Observe(rate, new LocalDate(2026, 9, 20), 21m);
        _h.Observe(rate, new LocalDate(2026, 10, 1), 20m);

        Assert.Null(_h.Run(BuiltInRules.MetricTrend, rate).Warning);
        Assert.NotNull(_h.Run(BuiltInRules.MetricTrend, rate, new MetricTrendSettings { WindowDays = 29 }).Warning);
    }

    [Fact]
    public void A_lower_is_better_metric_trends_worse_when_it_rises()
    {
        var support = _h.Activity("Support call");
        var wait = _h.Metric(support, "Wait time", target: 60, warning: 120, critical: 300, direction: MetricDirection.LowerIsBetter, kind: MetricKind.Score, unit: "s");
        _h.Observe(wait, new LocalDate(2026, 9, 20), 100m);
        _h.Observe(wait, new LocalDate(2026, 10, 1), 150m);

        Assert.Equal("Wait time rose 50 % in 11 days, from 100 s on 2026-09-20 to 150 s on 2026-10-01 — limit 20 %", _h.Run(BuiltInRules.MetricTrend, wait).Warning!.Message);
    }

    [Fact]
    public void Data_exactly_the_limit_old_is_not_stale_and_the_rule_says_when_it_will_be()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, _h.Today.PlusDays(-30), 20m);

        var result = _h.Run(BuiltInRules.StaleMetric, rate);

        Assert.Null(result.Warning);
        Assert.Equal(Instant.FromUtc(2026, 10, 11, 0, 0), result.RecheckAt);
    }

    [Fact]
    public void Data_one_day_past_the_limit_is_stale()
    {
        var email = _h.Activity("Newsletter");
        var rate = _h.Metric(email);
        _h.Observe(rate, _h.Today.PlusDays(-31), 20m);

        Assert.Equal("Open rate has had no observation since 2026-09-09 — limit 30 days", _h.Run(BuiltInRules.StaleMetric, rate).Warning!.Message);
    }

    [Fact]
    public void Metrics_of_retired_activities_and_metrics_without_data_are_never_stale()
    {
        var old = _h.Activity("Old flyer", details: ActivityDetails.Empty with { Status = ActivityStatus.Retired });
        var flyerRate = _h.Metric(old);
        _h.Observe(flyerRate, new LocalDate(2020, 1, 1), 20m);
        var fresh = _h.Activity("New page");
        var pageRate = _h.Metric(fresh);

        Assert.Null(_h.Run(BuiltInRules.StaleMetric, flyerRate).Warning);
        var result = _h.Run(BuiltInRules.StaleMetric, pageRate);
        Assert.Null(result.Warning);
        Assert.Null(result.RecheckAt);
    }
}
