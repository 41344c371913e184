using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>
/// No built-in rule throws for any series of valid decimals: sums, differences, squares and quotients of values near
/// ±79228162514264337593543950335, or divided by tiny values, saturate instead of overflowing.
/// </summary>
public class ExtremeValueProperties
{
    /// <summary>Extreme decimals: the limits, tiny values, mixed scales, zeros, and ordinary values among them.</summary>
    public static class Extremes
    {
        public static Gen<decimal> Value { get; } = Gen.OneOf(
            Gen.Elements(decimal.MaxValue, decimal.MinValue, decimal.MaxValue - 1, decimal.MinValue + 1, 0.0000000000000000000000000001m,
                -0.0000000000000000000000000001m, 0m, 0.000m, -0m, 1m, -1m, 7.9228162514264337593543950335m, 39614081257132168796771975167.5m,
                1_000_000_000_000_000_000_000_000m, -1_000_000_000_000_000_000_000_000m, 12.345m, 100m, 1m / 3m),
            Gen.Choose(-1000, 1000).Select(n => (decimal)n));

        public static Arbitrary<decimal> Values() => Value.ToArbitrary();

        public static Arbitrary<decimal[]> Series() => Gen.Choose(2, 12).SelectMany(n => Value.ArrayOf(n)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Extremes) }, MaxTest = 300)]
    public void Every_built_in_rule_evaluates_a_series_of_extreme_values_without_throwing_and_answers_the_same_twice(decimal[] series, decimal threshold)
    {
        foreach (var direction in new[] { MetricDirection.HigherIsBetter, MetricDirection.LowerIsBetter })
        {
            var h = new RuleHarness(2026, 10, 20);
            var from = h.Activity("Landing");
            var to = h.Activity("Checkout");
            h.Journey.AddFlow(new Actor("ana"), from, to);
            var judged = h.Metric(to, "Revenue", target: null, warning: threshold, critical: null, direction: direction, kind: MetricKind.Currency, unit: "EUR");
            var fromVolume = h.Metric(from, "Visitors", target: null, warning: null, critical: null, kind: MetricKind.Count, unit: "");
            var toVolume = h.Metric(to, "Buyers", target: null, warning: null, critical: null, kind: MetricKind.Count, unit: "");
            for (var i = 0; i < series.Length; i++)
            {
                var day = new LocalDate(2026, 10, 1).PlusDays(i);
                h.Observe(judged, day, series[i]);
                h.Observe(fromVolume, day, Math.Abs(series[i]));
                h.Observe(toVolume, day, Math.Abs(series[(i + 1) % series.Length]));
            }

            foreach (var rule in BuiltInRules.All)
            {
                var subjects = rule.Scope switch
                {
                    SubjectKind.Metric => new[] { WarningSubject.For(judged), WarningSubject.For(fromVolume), WarningSubject.For(toVolume) },
                    SubjectKind.Activity => new[] { WarningSubject.For(from), WarningSubject.For(to) },
                    SubjectKind.Phase => new[] { WarningSubject.For(h.See) },
                    _ => new[] { WarningSubject.For(h.Journey.Id) },
                };
                var settings = new List<RuleSettings> { rule.DefaultSettings };
                if (rule == BuiltInRules.MetricThreshold)
                {
                    settings.Add(new MetricThresholdSettings { ClearBand = 1_000_000_000_000m, ClearAfter = 2 });
                }

                if (rule == BuiltInRules.MetricBaseline)
                {
                    settings.Add(new MetricBaselineSettings { MinimumObservations = 2 });
                }

                foreach (var subject in subjects)
                {
                    foreach (var s in settings)
                    {
                        var first = h.Run(rule, subject, s).Warning;
                        var again = h.Run(rule, subject, s).Warning;
                        Assert.Equal(first?.Message, again?.Message);
                        Assert.Equal(first?.PastLimit, again?.PastLimit);
                    }
                }
            }
        }
    }

    [Fact]
    public void Alternating_extremes_on_a_currency_metric_raise_the_baseline_and_trend_warnings()
    {
        var h = new RuleHarness(2026, 10, 20);
        var revenue = h.Metric(h.Activity("Checkout"), "Revenue", target: null, warning: null, critical: null, kind: MetricKind.Currency, unit: "EUR");
        for (var i = 0; i < 9; i++)
        {
            h.Observe(revenue, new LocalDate(2026, 10, 1).PlusDays(i), i % 2 == 0 ? decimal.MaxValue : decimal.MinValue);
        }

        h.Observe(revenue, new LocalDate(2026, 10, 10), decimal.MinValue);

        var trend = h.Run(BuiltInRules.MetricTrend, revenue).Warning!;
        var baseline = h.Run(BuiltInRules.MetricBaseline, revenue).Warning!;

        Assert.Equal(
            "Revenue fell 200 % in 9 days, from 79,228,162,514,264,337,593,543,950,335 EUR on 2026-10-01 to -79,228,162,514,264,337,593,543,950,335 EUR on 2026-10-10 — limit 20 %",
            trend.Message);
        Assert.Equal(
            "Revenue fell to -79,228,162,514,264,337,593,543,950,335 EUR on 2026-10-10, 1,000 % below its 28-day mean of 8,803,129,168,251,593,065,949,327,815 EUR, "
            + "1.1 standard deviations — limit 20 % or 3 standard deviations",
            baseline.Message);

        // The true spread (about 8.4E+28) is beyond the decimal range: the evidence says the largest decimal.
        Assert.Contains("baseline standard deviation=79228162514264337593543950335", RuleHarness.Evidence(baseline));
    }

    [Property(Arbitrary = new[] { typeof(Extremes) }, MaxTest = 2000)]
    public bool Saturating_sums_and_differences_are_the_operators_when_they_fit_and_the_limits_otherwise(decimal a, decimal b) =>
        Agrees(Saturating.Add(a, b), () => a + b, (double)a + (double)b)
        && Agrees(Saturating.Subtract(a, b), () => a - b, (double)a - (double)b)
        && (!Saturating.CanAdd(a, b) || Fits(() => a + b))
        && (Saturating.CanAdd(a, b) || Math.Abs((double)a + (double)b) >= 7.9e28);

    [Property(Arbitrary = new[] { typeof(Extremes) }, MaxTest = 2000)]
    public bool Saturating_quotients_are_the_operators_when_they_fit_and_the_limits_otherwise(decimal a, decimal b) =>
        b == 0 || (Agrees(Saturating.Divide(a, b), () => a / b, (double)a / (double)b)
            && Agrees(Saturating.Percent(a, b), () => a / Math.Abs(b) * 100m, (double)a / Math.Abs((double)b) * 100));

    /// <summary>
    /// The saturated result is the operator's when the operator does not overflow; when it does, the limit of the sign
    /// of the true result, or (in the thin band where a double cannot tell) within a hundredth of it.
    /// </summary>
    private static bool Agrees(decimal saturated, Func<decimal> plain, double estimate)
    {
        if (Fits(plain))
        {
            var exact = plain();
            return saturated == exact || (Math.Abs(saturated) >= 39_000_000_000_000_000_000_000_000_000m && Math.Abs((double)saturated - (double)exact) <= Math.Abs((double)exact) * 1e-2);
        }

        return saturated == (estimate > 0 ? decimal.MaxValue : decimal.MinValue);
    }

    private static bool Fits(Func<decimal> plain)
    {
        try
        {
            _ = plain();
            return true;
        }
        catch (OverflowException)
        {
            // The oracle: the operator overflowed, which is what this test compares against.
            return false;
        }
    }
}
