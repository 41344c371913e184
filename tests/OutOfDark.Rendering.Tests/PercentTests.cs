using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class PercentTests
{
    private static string FunnelLabel(decimal before, decimal after)
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var a = journey.AddActivity(new Actor("ana"), see, "Visit");
        var b = journey.AddActivity(new Actor("ana"), see, "Buy");
        journey.AddFlow(new Actor("ana"), a, b);
        foreach (var (activity, count) in new[] { (a, before), (b, after) })
        {
            var metric = journey.AddWidget(new Actor("ana"), activity, new MetricWidget(WidgetId.New(), "Visitors") { Kind = MetricKind.Count });
            journey.RecordObservation(new Actor("ana"), metric, new LocalDate(2026, 1, 1), count);
        }

        var html = HtmlReportRenderer.ToHtml(journey);
        var section = html[html.IndexOf("<section id=\"funnel\">", StringComparison.Ordinal)..];
        var end = section.IndexOf(" of previous", StringComparison.Ordinal);
        return System.Net.WebUtility.HtmlDecode(section[(section.LastIndexOf(" · ", end, StringComparison.Ordinal) + 3)..end]);
    }

    [Theory]
    [InlineData(10_000, 9_993, "99.9 %")]
    [InlineData(1_000_000, 999_999, "99.9999 %")]
    [InlineData(10_000_000, 9_999_999, "> 99.9999 %")]
    [InlineData(100_000, 99_930, "99.9 %")]
    [InlineData(1_000, 1_000, "100 %")]
    [InlineData(2_000, 1_000, "50 %")]
    [InlineData(10_000, 6_004, "60.04 %")]
    [InlineData(3, 1, "33.3 %")]
    [InlineData(1_000_000, 5, "0.001 %")]
    [InlineData(1_000_000, 1, "0.0001 %")]
    [InlineData(100_000_000, 1, "> 0 %")]
    [InlineData(100, 0, "0 %")]
    public void The_funnel_shows_a_share_that_never_contradicts_its_value(int before, int after, string shown)
    {
        Assert.Equal(shown, FunnelLabel(before, after));
    }

    /// <summary>A count before a step (1 to 20 million) and one after it (0 to 20 million less one), drawn independently.</summary>
    public static class StepCounts
    {
        public static Arbitrary<(decimal Before, decimal After)> Counts()
        {
            var counts = Gen.Choose(1, 20_000_000).Select(n => (decimal)n);
            return (from before in counts from after in counts.Select(c => c - 1) select (before, after)).ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(StepCounts) }, MaxTest = 5_000)]
    public void A_shown_percentage_is_whole_only_when_the_value_is_and_never_crosses_a_whole_number((decimal Before, decimal After) counts)
    {
        var (before, after) = counts;
        var text = Numbers.Percent(after, before, CultureInfo.InvariantCulture);
        var shown = decimal.Parse(text[..^2].TrimStart('>', ' '), CultureInfo.InvariantCulture);
        var exact = after / before * 100m;
        Assert.EndsWith(" %", text, StringComparison.Ordinal);
        Assert.True(Math.Abs(shown - exact) < 0.05m || Math.Abs(shown - exact) <= exact * 0.05m, $"{text} for {exact}");
        if (shown == decimal.Truncate(shown) && !text.StartsWith('>'))
        {
            Assert.Equal(shown, exact);
        }

        Assert.True(decimal.Floor(shown) == decimal.Floor(exact), $"{text} crosses a whole number from {exact}");
    }
}
