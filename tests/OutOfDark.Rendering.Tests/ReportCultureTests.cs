using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>The report's culture in its own tables, metric values, charts and map counts; coordinates stay invariant.</summary>
public class ReportCultureTests
{
    private static readonly Actor Ana = new("ana");

    /// <summary>French separators (decimal comma, narrow no-break space between thousands) on the invariant culture (the tests run in globalization-invariant mode).</summary>
    internal static CultureInfo French()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "\u202F";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = "\u202F";
        return culture;
    }

    /// <summary>The report of a generated journey plus a revenue metric with a generated two-decimal value, in <paramref name="culture"/>.</summary>
    private static (string Html, decimal Revenue) Report(JourneySpec spec, int whole, int cents, CultureInfo culture)
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 4, 4, 0);
        var journey = spec.Build(clock);
        var revenue = decimal.Round(whole + (cents / 100m), 2) + 0.00m;
        var phase = journey.Phases.Count > 0 ? journey.Phases[0].Id : journey.AddPhase(Ana, "Do");
        var checkout = journey.AddActivity(Ana, phase, "Checkout");
        var metric = journey.AddWidget(Ana, checkout, new MetricWidget(WidgetId.New(), "Revenue") { Unit = "EUR", Target = 12_345.5m, WarningThreshold = 1_000.25m });
        journey.RecordObservation(Ana, metric, new LocalDate(2026, 11, 29), revenue);
        var engine = new WarningEngine(journey, clock);
        engine.Refresh();
        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = engine.Warnings.ToList(), Culture = culture });
        return (html, revenue);
    }

    /// <summary>The figures the report itself writes: table cells holding only a number, the latest values, the funnel's figures, the metrics' settings.</summary>
    private static List<string> Figures(string html)
    {
        var texts = new List<string>();
        texts.AddRange(Regex.Matches(html, "<td>([^<]*)</td>").Select(m => m.Groups[1].Value).Where(t => Regex.IsMatch(t, @"^[-−]?\d[\d\s.,\u202F]*$")));
        texts.AddRange(Regex.Matches(html, "<span class=\"latest\">([^<]*?) EUR</span>").Select(m => m.Groups[1].Value));
        texts.AddRange(Regex.Matches(html, "fill=\"#475569\">([^<]*?% of previous[^<]*)</text>").Select(m => m.Groups[1].Value));
        texts.AddRange(Regex.Matches(html, " · (?:target|warning at|critical at) ([^ <]+)").Select(m => m.Groups[1].Value));
        texts.AddRange(Regex.Matches(html, "(\\S+) observations? since").Select(m => m.Groups[1].Value));
        return texts.SelectMany(t => Regex.Matches(System.Net.WebUtility.HtmlDecode(t), @"\d[\d.,\u202F]*\d|\d").Select(m => m.Value)).ToList();
    }

    [Property(Arbitrary = new[] { typeof(MapsOf20) }, MaxTest = 40)]
    public void Under_de_DE_and_fr_FR_every_figure_the_report_writes_uses_the_culture_s_separators(JourneySpec spec, NonNegativeInt whole, byte cents, bool french)
    {
        var culture = french ? French() : ReportFormatTests.German();
        var (html, revenue) = Report(spec, whole.Get, cents % 100, culture);
        var group = Regex.Escape(culture.NumberFormat.NumberGroupSeparator);
        var point = Regex.Escape(culture.NumberFormat.NumberDecimalSeparator);
        var figure = new Regex($"^\\d{{1,3}}(?:{group}\\d{{3}})*(?:{point}\\d+)?$");

        var figures = Figures(html);

        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Matches(figure, f));
        if (french)
        {
            Assert.All(figures, f => Assert.DoesNotContain(".", f, StringComparison.Ordinal));
        }

        // The generated value itself, with its two decimals and the culture's group separator.
        var shown = revenue.ToString("#,0.00", culture);
        Assert.Contains($"<span class=\"latest\">{shown} EUR</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{shown}</td>", html, StringComparison.Ordinal);
        Assert.Contains(" · target " + 12_345.5m.ToString("#,0.0", culture), html, StringComparison.Ordinal);
        Assert.Contains(" · warning at " + 1_000.25m.ToString("#,0.00", culture), html, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(MapsOf20) }, MaxTest = 25)]
    public void Under_de_DE_and_fr_FR_coordinates_and_sizes_still_parse_invariantly(JourneySpec spec, NonNegativeInt whole, bool french)
    {
        var (html, _) = Report(spec, whole.Get, 5, french ? French() : ReportFormatTests.German());

        foreach (Match m in Regex.Matches(html, "\\s(viewBox|x|y|x1|x2|y1|y2|cx|cy|width|height)=\"([^\"]*)\""))
        {
            var value = m.Groups[2].Value;
            if (m.Groups[1].Value == "width" && value.EndsWith('%'))
            {
                continue;
            }

            foreach (var part in value.Split(' '))
            {
                Assert.True(double.TryParse(part, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"{m.Value} does not parse invariantly");
            }
        }

        foreach (Match m in Regex.Matches(html, "\\sd=\"([^\"]*)\""))
        {
            // Commands (M, L, C, z) between "x,y" pairs; a decimal comma would make three or more parts, or a part that does not parse.
            foreach (var pair in Regex.Split(m.Groups[1].Value, "[A-Za-z ]+").Where(p => p.Length > 0))
            {
                var xy = pair.Split(',');
                Assert.Equal(2, xy.Length);
                Assert.All(xy, c => Assert.True(double.TryParse(c, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"{m.Value} does not parse invariantly"));
            }
        }
    }

    [Fact]
    public void The_invariant_culture_keeps_the_report_s_figures_as_before()
    {
        var (html, _) = Report(new JourneySpec("Store", ["See"], [], [], []), 1370, 50, CultureInfo.InvariantCulture);

        Assert.Contains("<span class=\"latest\">1370.50 EUR</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1370.50</td>", html, StringComparison.Ordinal);
        Assert.Contains(" · target 12345.5 · warning at 1000.25", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_de_DE_the_funnel_shares_and_counts_show_German_separators()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var phase = journey.AddPhase(Ana, "Do");
        var visit = journey.AddActivity(Ana, phase, "Visit");
        var buy = journey.AddActivity(Ana, phase, "Buy");
        journey.AddFlow(Ana, visit, buy);
        foreach (var (activity, count) in new[] { (visit, 12_000m), (buy, 1_234m) })
        {
            var metric = journey.AddWidget(Ana, activity, new MetricWidget(WidgetId.New(), "Visitors") { Kind = MetricKind.Count });
            journey.RecordObservation(Ana, metric, new LocalDate(2026, 1, 1), count);
        }

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Culture = ReportFormatTests.German() });

        Assert.Contains(">12.000</text>", html, StringComparison.Ordinal);
        Assert.Contains(">1.234 · 10,3 % of previous</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_map_on_its_own_shows_its_warning_counts_in_its_culture()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var checkout = journey.AddActivity(Ana, journey.AddPhase(Ana, "Do"), "Checkout");
        var warnings = Enumerable.Range(0, 1_200)
            .Select(i => new Warning(new WarningKey(new RuleId("test.many" + i.ToString(CultureInfo.InvariantCulture)), WarningSubject.For(checkout)), WarningSeverity.Warning, "Revenue fell to 1,370.5 EUR."))
            .ToList();

        var svg = SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Warnings = warnings, Culture = ReportFormatTests.German() });

        Assert.Contains("1.200 open warnings, most severe: warning", svg, StringComparison.Ordinal);
        Assert.Contains("Warning: Revenue fell to 1.370,5 EUR.", svg, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Culture = null! }));
    }
}
