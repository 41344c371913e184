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

/// <summary>One date style and the culture's numbers in every text the report shows, domain texts included.</summary>
public class ReportFormatTests
{
    private static readonly Actor Ana = new("ana");

    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"];

    /// <summary>The visible text of a report: no style, script or tags (attributes such as <c>datetime=</c> go with the tags).</summary>
    private static string VisibleText(string html)
    {
        var text = Regex.Replace(html, "<(style|script)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]*>", " "));
    }

    [Property(Arbitrary = new[] { typeof(MapsOf20) }, MaxTest = 60)]
    public void A_rendered_report_shows_no_ISO_date_or_instant_in_its_visible_text(JourneySpec spec, NonNegativeInt zone, bool german)
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 4, 4, 0);
        var journey = spec.Build(clock);
        var engine = new WarningEngine(journey, clock);
        engine.Refresh();
        var warnings = engine.Warnings.ToList();
        if (journey.Activities.FirstOrDefault() is { } first)
        {
            // Domain texts carry ISO days and instants; the report must rewrite them wherever they come from.
            warnings.Add(new Warning(new WarningKey(new RuleId("test.dated"), WarningSubject.For(first.Id)), WarningSeverity.Warning,
                "No new value since 2026-11-02; last checked 2026-11-30T04:04:57.9068289Z.")
            {
                Evidence = ValueList<WarningEvidence>.Of(
                    WarningEvidence.Of("observed on", new LocalDate(2026, 11, 2)),
                    WarningEvidence.Of("checked at", Instant.FromUtc(2026, 11, 30, 4, 4, 57)),
                    WarningEvidence.Of("latest value", 49.40m)),
            });
        }

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions
        {
            Warnings = warnings,
            History = new JourneyHistory(journey.PendingEvents, clock),
            GeneratedAt = clock.GetCurrentInstant(),
            TimeZone = DateTimeZoneProviders.Tzdb[Zones[zone.Get % Zones.Length]],
            Culture = german ? German() : CultureInfo.InvariantCulture,
        });

        var visible = VisibleText(html);
        Assert.DoesNotMatch(new Regex("\\d{4}-\\d{2}-\\d{2}"), visible);
    }

    [Fact]
    public void Under_de_DE_messages_evidence_and_history_show_German_dates_and_numbers()
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 4, 4, 0);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", clock);
        var checkout = journey.AddActivity(Ana, journey.AddPhase(Ana, "Do"), "Checkout");
        var revenue = journey.AddWidget(Ana, checkout, new MetricWidget(WidgetId.New(), "Revenue") { Unit = "EUR" });
        clock.Advance(Duration.FromHours(1));
        journey.RecordObservation(new Actor("analytics-feed"), revenue, new LocalDate(2026, 11, 29), 1370.5m);
        var warning = new Warning(new WarningKey(new RuleId("metric.stale"), WarningSubject.For(checkout)), WarningSeverity.Warning,
            "Revenue has had no value since 2026-11-02 (1,370.5 EUR then).")
        {
            Evidence = ValueList<WarningEvidence>.Of(
                WarningEvidence.Of("observed on", new LocalDate(2026, 11, 2)),
                WarningEvidence.Of("latest value", 49.40m),
                WarningEvidence.Of("mean wait", 201.23456m),
                WarningEvidence.Of("duration", "201.23456 s")),
        };

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions
        {
            Warnings = [warning],
            History = new JourneyHistory(journey.PendingEvents, clock),
            GeneratedAt = clock.GetCurrentInstant(),
            TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
            Culture = German(),
        });

        var visible = VisibleText(html);
        Assert.Contains("Revenue has had no value since 2 Nov. 2026 (1.370,5 EUR then).", visible, StringComparison.Ordinal);
        Assert.Contains("observed on: 2 Nov. 2026", visible, StringComparison.Ordinal);
        Assert.Contains("latest value: 49,40", visible, StringComparison.Ordinal);
        Assert.Contains("mean wait: 201,235", visible, StringComparison.Ordinal);
        Assert.Contains("duration: 201,23456 s", visible, StringComparison.Ordinal);
        Assert.Contains("30 Nov. 2026 06:04 CET", visible, StringComparison.Ordinal);
        var history = html[html.IndexOf("<ol class=\"history\"", StringComparison.Ordinal)..];
        history = VisibleText(history[..history.IndexOf("</ol>", StringComparison.Ordinal)]);
        Assert.Contains("29 Nov. 2026", history, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-29", history, StringComparison.Ordinal);
        Assert.DoesNotContain("1370.5", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("since 2026-11-02", "since 2 Nov. 2026")]
    [InlineData("at 2026-11-30T04:04:57.9068289Z.", "at 30 Nov. 2026 05:04 CET.")]
    [InlineData("at 2026-11-30T04:04:57+00:00", "at 30 Nov. 2026 05:04 CET")]
    [InlineData("from 1500 to 1,310.25 (−12.7 %)", "from 1500 to 1.310,25 (−12,7 %)")]
    [InlineData("version 1.2.3 and id a1.5 stay", "version 1.2.3 and id a1.5 stay")]
    [InlineData("not a day 2026-13-45", "not a day 2026-13-45")]
    public void Domain_text_is_rewritten_only_where_it_holds_a_date_or_a_number(string invariant, string shown) =>
        Assert.Equal(shown, DisplayText.Localize(invariant, DateTimeZoneProviders.Tzdb["Europe/Berlin"], German()));

    [Fact]
    public void The_invariant_culture_keeps_numbers_as_the_domain_wrote_them() =>
        Assert.Equal("from 1,310.25 since 2 Nov 2026", DisplayText.Localize("from 1,310.25 since 2026-11-02", DateTimeZone.Utc, CultureInfo.InvariantCulture));

    /// <summary>German separators and month abbreviations on the invariant culture (the tests run in globalization-invariant mode).</summary>
    internal static CultureInfo German()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        string[] months = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.", ""];
        culture.DateTimeFormat.AbbreviatedMonthNames = months;
        culture.DateTimeFormat.AbbreviatedMonthGenitiveNames = months;
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        return culture;
    }
}
