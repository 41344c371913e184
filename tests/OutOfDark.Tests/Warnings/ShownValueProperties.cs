using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>A value a message shows beside its limit never contradicts the comparison that raised the warning.</summary>
public partial class ShownValueProperties
{
    /// <summary>A funnel step (a previous volume of 1 to a million and a volume up to it) and a drop-off limit of 0 to 99.9 % in tenths.</summary>
    public static class FunnelSteps
    {
        public static Arbitrary<(int Previous, int Volume)> Steps() =>
            Gen.Choose(1, 1_000_000).SelectMany(previous => Gen.Choose(0, previous).Select(volume => (Previous: previous, Volume: volume))).ToArbitrary();

        public static Arbitrary<decimal> Limits() => Gen.Choose(0, 999).Select(tenths => tenths / 10m).ToArbitrary();
    }

    /// <summary>Values up to 1 below the warning threshold 18 (higher is better), some a hair below it at 11 to 14 decimals.</summary>
    public static class BelowThreshold
    {
        public static Arbitrary<decimal> Values() =>
            Gen.Choose(1, 99_999).SelectMany(n => Gen.Choose(5, 14).Select(scale => 18m - (n / Pow10(scale)))).ToArbitrary();
    }

    [Fact]
    public void A_drop_off_just_past_its_limit_is_shown_with_the_decimals_that_tell_it_apart()
    {
        var (h, page) = Funnel(10_000m, 3_996m);

        var warning = h.Run(BuiltInRules.FunnelDropOff, page).Warning!;

        Assert.Equal("Only 3,996 of 10,000 customers go on from 'Newsletter' to 'Landing page' — drop-off 60.04 %, limit 60 %", warning.Message);
        Assert.Contains("drop-off percent=60.04", RuleHarness.Evidence(warning));
    }

    [Property(Arbitrary = new[] { typeof(FunnelSteps) }, MaxTest = 300)]
    public bool A_shown_drop_off_and_its_shown_limit_compare_as_the_exact_ones_do((int Previous, int Volume) step, decimal limit)
    {
        var (h, page) = Funnel(step.Previous, step.Volume);
        var drop = (step.Previous - (decimal)step.Volume) / step.Previous * 100m;
        var warning = h.Run(BuiltInRules.FunnelDropOff, page, new FunnelDropOffSettings { MaxDropPercent = limit }).Warning;
        if (drop <= limit)
        {
            return warning is null;
        }

        var shown = FunnelShown().Match(warning!.Message);
        var evidence = warning.Evidence.ToDictionary(e => e.Name, e => e.Number);
        return shown.Success
            && Parse(shown.Groups["drop"].Value) > Parse(shown.Groups["limit"].Value)
            && evidence["drop-off percent"] > evidence["limit percent"];
    }

    [Property(Arbitrary = new[] { typeof(BelowThreshold) }, MaxTest = 300)]
    public bool A_shown_metric_value_and_its_shown_threshold_compare_as_the_exact_ones_do(decimal value)
    {
        var h = new RuleHarness();
        var activity = h.Activity("Checkout");
        var conversion = h.Metric(activity, "Conversion", target: 25, warning: 18, critical: null);
        h.Observe(conversion, h.Today, value);
        var warning = h.Run(BuiltInRules.MetricThreshold, conversion).Warning!;
        var shown = ThresholdShown().Match(warning.Message);
        return shown.Success && Parse(shown.Groups["value"].Value) < Parse(shown.Groups["limit"].Value);
    }

    private static (RuleHarness Harness, ActivityId Page) Funnel(decimal previous, decimal volume)
    {
        var h = new RuleHarness();
        var mail = h.Activity("Newsletter");
        var page = h.Activity("Landing page");
        h.Journey.AddFlow(new Actor("ana"), mail, page);
        h.Observe(h.Metric(mail, "Recipients", null, null, null, kind: MetricKind.Count, unit: ""), h.Today, previous);
        h.Observe(h.Metric(page, "Visits", null, null, null, kind: MetricKind.Count, unit: ""), h.Today, volume);
        return (h, page);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static decimal Parse(string shown) => decimal.Parse(shown.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"drop-off (?<drop>[\d,.]+) %, limit (?<limit>[\d,.]+) %")]
    private static partial Regex FunnelShown();

    [GeneratedRegex(@"fell to (?<value>[\d,.]+) % — warning threshold (?<limit>[\d,.]+) %")]
    private static partial Regex ThresholdShown();
}
