using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary><c>metric.baseline</c>: the latest value against the mean of the previous days.</summary>
public class BaselineRuleTests
{
    private readonly RuleHarness _h = new(2026, 10, 10);

    private WidgetId Rate(params decimal[] daily)
    {
        var rate = _h.Metric(_h.Activity("Newsletter"), target: null, warning: null, critical: null);
        for (var i = 0; i < daily.Length; i++)
        {
            _h.Observe(rate, new LocalDate(2026, 10, 1).PlusDays(i), daily[i]);
        }

        return rate;
    }

    [Fact]
    public void A_latest_value_a_fifth_below_the_baseline_raises_a_warning_with_the_baseline_in_the_evidence()
    {
        var rate = Rate(20, 21, 19, 20, 21, 19, 20, 16);

        var warning = _h.Run(BuiltInRules.MetricBaseline, rate).Warning!;

        Assert.Equal(WarningSeverity.Warning, warning.Severity);
        Assert.Equal("Open rate fell to 16 % on 2026-10-08, 20 % below its 28-day mean of 20 %, 4.9 standard deviations — limit 20 % or 3 standard deviations", warning.Message);
        Assert.Equal(
            ["metric=Open rate", "latest value=16", "observed on=2026-10-08", "baseline mean=20", "baseline standard deviation=0.816496580927726", "baseline from=2026-10-01", "baseline to=2026-10-07",
             "baseline observations=7", "window days=28", "change percent=20.0", "change in standard deviations=4.9", "limit percent=20", "limit standard deviations=3"],
            RuleHarness.Evidence(warning));
    }

    [Fact]
    public void A_drop_past_k_standard_deviations_raises_even_when_small_in_percent()
    {
        var rate = Rate(50, 50.1m, 49.9m, 50, 50.1m, 49.9m, 50, 49);

        var warning = _h.Run(BuiltInRules.MetricBaseline, rate).Warning!;

        Assert.Contains("2 % below", warning.Message, System.StringComparison.Ordinal);
        Assert.Null(_h.Run(BuiltInRules.MetricBaseline, rate, new MetricBaselineSettings { StandardDeviations = null }).Warning);
    }

    [Fact]
    public void A_lower_is_better_metric_is_judged_when_it_rises()
    {
        var wait = _h.Metric(_h.Activity("Support call"), "Wait time", target: null, warning: null, critical: null, direction: MetricDirection.LowerIsBetter, kind: MetricKind.Score, unit: "s");
        foreach (var (value, day) in new decimal[] { 100, 110, 90, 100, 105, 95, 100 }.Select((v, i) => (v, i)))
        {
            _h.Observe(wait, new LocalDate(2026, 10, 1).PlusDays(day), value);
        }

        _h.Observe(wait, new LocalDate(2026, 10, 8), 80);
        Assert.Null(_h.Run(BuiltInRules.MetricBaseline, wait).Warning);
        _h.Journey.CorrectObservation(new Actor("ana"), wait, new LocalDate(2026, 10, 8), 130);
        Assert.StartsWith("Wait time rose to 130 s on 2026-10-08, 30 % above its 28-day mean of 100 s", _h.Run(BuiltInRules.MetricBaseline, wait).Warning!.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Too_little_history_and_observations_outside_the_window_are_not_judged()
    {
        var rate = Rate(20, 20, 20, 20, 20, 10);
        Assert.Null(_h.Run(BuiltInRules.MetricBaseline, rate).Warning);
        Assert.NotNull(_h.Run(BuiltInRules.MetricBaseline, rate, new MetricBaselineSettings { MinimumObservations = 5 }).Warning);
        Assert.Null(_h.Run(BuiltInRules.MetricBaseline, rate, new MetricBaselineSettings { MinimumObservations = 5, BaselineDays = 4 }).Warning);
    }

    [Fact]
    public void Settings_out_of_range_or_with_no_limit_say_what_to_set()
    {
        Assert.Equal("ChangePercent and StandardDeviations are both null; set at least one of them (or set Enabled to false).",
            new MetricBaselineSettings { ChangePercent = null, StandardDeviations = null }.Validate());
        Assert.Equal("BaselineDays is 0; it must be from 1 to 3660.", new MetricBaselineSettings { BaselineDays = 0 }.Validate());
        Assert.Equal("MinimumObservations is 1; it must be from 2 to 100000.", new MetricBaselineSettings { MinimumObservations = 1 }.Validate());
        Assert.Null(new MetricBaselineSettings().Validate());
    }

    /// <summary>Baselines of 2 to 12 daily values and a latest value, all from 1 to 100.</summary>
    public static class Histories
    {
        public static Arbitrary<decimal[]> Values() =>
            Gen.Choose(3, 13).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 100).Select(v => (decimal)v), n)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Histories) }, MaxTest = 200)]
    public bool A_latest_value_not_worse_than_the_baseline_mean_never_raises_and_one_past_the_percent_limit_always_does(decimal[] values)
    {
        var h = new RuleHarness(2026, 10, 10);
        var rate = h.Metric(h.Activity("Newsletter"), target: null, warning: null, critical: null, kind: MetricKind.Score, unit: "");
        for (var i = 0; i < values.Length; i++)
        {
            h.Observe(rate, new LocalDate(2026, 9, 1).PlusDays(i), values[i]);
        }

        var settings = new MetricBaselineSettings { MinimumObservations = 2, ChangePercent = 20 };
        var mean = values[..^1].Average();
        var latest = values[^1];
        var raised = h.Run(BuiltInRules.MetricBaseline, rate, settings).Warning is not null;
        return latest >= mean ? !raised : (mean - latest) / mean * 100 < 20 || raised;
    }
}
