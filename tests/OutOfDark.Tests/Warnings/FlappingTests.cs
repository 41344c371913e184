using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>Flapping: hysteresis on the threshold rule, and acknowledgements that carry over a quick re-raise.</summary>
public class FlappingTests
{
    // Around the warning threshold 18: below, inside, below, inside, …
    private static readonly decimal[] Oscillating = [17m, 19m, 17m, 19m, 17m, 19m];

    private static IEnumerable<bool> Presence(decimal[] series, MetricThresholdSettings settings)
    {
        var h = new RuleHarness(2026, 10, 1);
        var rate = h.Metric(h.Activity("Newsletter"), critical: null);
        for (var i = 0; i < series.Length; i++)
        {
            h.Observe(rate, new LocalDate(2026, 9, 1).PlusDays(i), series[i]);
            yield return h.Run(BuiltInRules.MetricThreshold, rate, settings).Warning is not null;
        }
    }

    [Fact]
    public void By_default_an_oscillating_metric_raises_and_clears_on_every_observation()
    {
        Assert.Equal([true, false, true, false, true, false], Presence(Oscillating, new MetricThresholdSettings()));
    }

    [Fact]
    public void With_clear_after_the_warning_stays_until_enough_observations_are_back_inside()
    {
        Assert.Equal([true, true, true, true, true, true], Presence(Oscillating, new MetricThresholdSettings { ClearAfter = 2 }));
        Assert.Equal([true, true, true, false], Presence([17m, 19m, 19m, 19m], new MetricThresholdSettings { ClearAfter = 3 }));
    }

    [Fact]
    public void With_a_clear_band_values_just_inside_the_threshold_keep_the_warning()
    {
        var settings = new MetricThresholdSettings { ClearBand = 1.5m };

        Assert.Equal([true, true, true, true, true, false], Presence([17m, 19m, 17m, 19m, 19.4m, 19.5m], settings));
        Assert.Equal([false, false], Presence([19m, 18.5m], settings));
    }

    [Fact]
    public void A_held_warning_says_the_metric_is_back_and_what_clears_it()
    {
        var h = new RuleHarness(2026, 10, 1);
        var rate = h.Metric(h.Activity("Newsletter"), critical: null);
        h.Observe(rate, new LocalDate(2026, 9, 1), 17m);
        h.Observe(rate, new LocalDate(2026, 9, 2), 19m);

        var warning = h.Run(BuiltInRules.MetricThreshold, rate, new MetricThresholdSettings { ClearAfter = 3 }).Warning!;
        var banded = h.Run(BuiltInRules.MetricThreshold, rate, new MetricThresholdSettings { ClearBand = 2 }).Warning!;

        Assert.Equal(WarningSeverity.Warning, warning.Severity);
        Assert.Equal("Open rate is back to 19 % on 2026-09-02 but was 17 % on 2026-09-01, below its warning threshold 18 % — clears after 3 observations back inside, 1 so far", warning.Message);
        Assert.Contains("last past it on=2026-09-01", RuleHarness.Evidence(warning));
        Assert.Equal("Open rate is back to 19 % on 2026-09-02 but was 17 % on 2026-09-01, below its warning threshold 18 % — clears after 1 observation at or above 20 %, 0 so far", banded.Message);
    }

    [Fact]
    public void Hysteresis_settings_out_of_range_are_refused_by_the_engine()
    {
        var h = new RuleHarness();

        var refused = Assert.Throws<System.ArgumentException>(() =>
            h.Engine(settings: WarningSettings.Default.With(MetricThresholdRule.RuleId, new MetricThresholdSettings { ClearAfter = 0 })));

        Assert.Contains("ClearAfter is 0; it must be from 1 to 1000", refused.Message, System.StringComparison.Ordinal);
        Assert.NotNull(new MetricThresholdSettings { ClearBand = -1 }.Validate());
    }

    /// <summary>Series of observations around a warning threshold of 50 (higher is better), with hysteresis settings.</summary>
    public static class Series
    {
        public static Arbitrary<(decimal[] Values, int MinimumRun, int ClearAfter, int Band)> Shapes() =>
            (from values in Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(44, 56).Select(v => (decimal)v), n))
             from run in Gen.Choose(1, 3)
             from clearAfter in Gen.Choose(1, 4)
             from band in Gen.Choose(0, 4)
             select (values, run, clearAfter, band)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Series) }, MaxTest = 300)]
    public bool The_stateless_rule_agrees_with_raising_on_a_run_and_clearing_after_enough_observations_inside((decimal[] Values, int MinimumRun, int ClearAfter, int Band) shape)
    {
        var settings = new MetricThresholdSettings { MinimumRun = shape.MinimumRun, ClearAfter = shape.ClearAfter, ClearBand = shape.Band };
        var h = new RuleHarness(2026, 10, 1);
        var rate = h.Metric(h.Activity("Newsletter"), target: null, warning: 50, critical: null);
        bool raised = false;
        int run = 0, inside = 0;
        foreach (var (value, day) in shape.Values.Select((v, i) => (v, i)))
        {
            // The automaton people describe: raise on MinimumRun in a row past the threshold; clear after ClearAfter
            // observations at or beyond the threshold plus the band, with none past in between.
            if (value < 50)
            {
                run++;
                inside = 0;
                raised |= run >= shape.MinimumRun;
            }
            else
            {
                run = 0;
                if (raised && value >= 50 + shape.Band && ++inside >= shape.ClearAfter)
                {
                    (raised, inside) = (false, 0);
                }
            }

            h.Observe(rate, new LocalDate(2026, 9, 1).PlusDays(day), value);
            if ((h.Run(BuiltInRules.MetricThreshold, rate, settings).Warning is not null) != raised)
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = new[] { typeof(Series) }, MaxTest = 200)]
    public bool Without_hysteresis_a_warning_is_present_exactly_when_the_latest_run_past_the_threshold_is_long_enough((decimal[] Values, int MinimumRun, int ClearAfter, int Band) shape)
    {
        var h = new RuleHarness(2026, 10, 1);
        var rate = h.Metric(h.Activity("Newsletter"), target: null, warning: 50, critical: null);
        for (var i = 0; i < shape.Values.Length; i++)
        {
            h.Observe(rate, new LocalDate(2026, 9, 1).PlusDays(i), shape.Values[i]);
        }

        var latestRun = shape.Values.Reverse().TakeWhile(v => v < 50).Count();
        var present = h.Run(BuiltInRules.MetricThreshold, rate, new MetricThresholdSettings { MinimumRun = shape.MinimumRun }).Warning is not null;
        return present == (latestRun > 0 && latestRun >= shape.MinimumRun);
    }

    [Fact]
    public void An_acknowledgement_carries_over_a_re_raise_within_the_window()
    {
        var h = new RuleHarness(2026, 10, 1);
        var rate = h.Metric(h.Activity("Newsletter"), critical: null);
        var key = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(rate));
        h.Observe(rate, h.Today, 17m);
        var engine = h.Engine(options: new WarningEngineOptions { AcknowledgementCarryOver = Duration.FromDays(2) });
        engine.Refresh();
        var raisedAt = engine.Find(key)!.RaisedAt;
        engine.Acknowledge(new Actor("ana"), key, "working on it");

        h.Clock.Advance(Duration.FromDays(1));
        h.Observe(rate, h.Today, 19m);
        engine.Refresh();
        Assert.Null(engine.Find(key));
        h.Clock.Advance(Duration.FromDays(2));
        h.Observe(rate, h.Today, 17m);
        engine.Refresh();

        Assert.Equal(WarningState.Acknowledged, engine.StateOf(key));
        Assert.Equal(raisedAt, engine.Find(key)!.RaisedAt);
    }

    [Fact]
    public void A_re_raise_after_the_window_or_at_a_higher_severity_starts_a_new_episode()
    {
        var h = new RuleHarness(2026, 10, 1);
        var rate = h.Metric(h.Activity("Newsletter"));
        var key = new WarningKey(MetricThresholdRule.RuleId, WarningSubject.For(rate));
        h.Observe(rate, h.Today, 17m);
        var engine = h.Engine(options: new WarningEngineOptions { AcknowledgementCarryOver = Duration.FromDays(2) });
        engine.Refresh();
        engine.Acknowledge(new Actor("ana"), key);

        h.Clock.Advance(Duration.FromDays(1));
        h.Observe(rate, h.Today, 19m);
        engine.Refresh();
        h.Clock.Advance(Duration.FromDays(2) + Duration.FromSeconds(1));
        h.Observe(rate, h.Today, 17m);
        engine.Refresh();
        Assert.Equal(WarningState.Open, engine.StateOf(key));

        engine.Acknowledge(new Actor("ana"), key);
        h.Clock.Advance(Duration.FromDays(1));
        h.Observe(rate, h.Today, 19m);
        engine.Refresh();
        h.Clock.Advance(Duration.FromHours(1));
        h.Observe(rate, h.Today.PlusDays(1), 11m);
        engine.Refresh();
        Assert.Equal((WarningSeverity.Critical, WarningState.Open), (engine.Find(key)!.Severity, engine.StateOf(key)!.Value));
    }

    [Fact]
    public void A_negative_carry_over_window_is_refused()
    {
        var h = new RuleHarness();

        var refused = Assert.Throws<System.ArgumentException>(() => h.Engine(options: new WarningEngineOptions { AcknowledgementCarryOver = Duration.FromHours(-1) }));

        Assert.Contains("AcknowledgementCarryOver", refused.Message, System.StringComparison.Ordinal);
    }
}
