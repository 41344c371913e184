using System;
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

/// <summary>
/// The report localizes the domain's dates and numbers inside messages and history lines, never what users typed: a
/// name holding an ISO date, a long decimal, a GUID or a rule id shows exactly as typed.
/// </summary>
public class ReportUserTextTests
{
    private static readonly Actor Ana = new("ana");

    private static readonly string[] Fragments =
    [
        "2026-04-12", "2026-04-12T09:00:57Z", "3.14159265", "1,370.5", "0.5", "1f90634b-ffb9-5ebe-b7a0-a8749d56d99a",
        "metric.threshold", "activity.no-owner", "Launch", "pi", "ref", "O'Brien", "\"quoted\"", "'single'", "(x)",
    ];

    /// <summary>Names made of the fragments the report rewrites elsewhere: dates, instants, decimals, ids, rule ids, quotes.</summary>
    public static class Names
    {
        /// <summary>Two to five distinct names of one to four fragments each.</summary>
        public static Arbitrary<string[]> Arb() =>
            Gen.Choose(2, 5).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 4).SelectMany(k => Gen.ArrayOf(Gen.Elements(Fragments), k)).Select(f => string.Join(' ', f)), n))
                .Select(names => names.Distinct(StringComparer.Ordinal).ToArray())
                .ToArbitrary();
    }

    private static string VisibleText(string html)
    {
        var text = Regex.Replace(html, "<(style|script)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]*>", " "));
    }

    [Property(Arbitrary = new[] { typeof(Names) }, MaxTest = 60)]
    public void Names_with_dates_decimals_ids_and_rule_ids_show_verbatim_in_messages_and_history(string[] names, bool german)
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 4, 4, 0);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", clock);
        var phase = journey.AddPhase(Ana, "Do");
        var note = "checked on 2026-04-12 against metric.threshold, 3.14159265";
        foreach (var name in names)
        {
            journey.AddActivity(Ana, phase, name, reason: note);
        }

        var engine = new WarningEngine(journey, clock);
        engine.Refresh();
        var first = journey.Activities[0];
        // A domain date in a message that also names a user's text: the date is still localized.
        var warnings = engine.Warnings.Append(new Warning(new WarningKey(new RuleId("test.dated"), WarningSubject.For(first.Id)), WarningSeverity.Warning,
            $"'{first.Name}' has had no value since 2026-11-02")).ToList();

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions
        {
            Warnings = warnings,
            History = new JourneyHistory(journey.PendingEvents, clock),
            GeneratedAt = clock.GetCurrentInstant(),
            TimeZone = DateTimeZone.Utc,
            Culture = german ? ReportFormatTests.German() : CultureInfo.InvariantCulture,
        });
        var visible = VisibleText(html);

        foreach (var name in names)
        {
            Assert.Contains($"'{name}' has no owner", visible, StringComparison.Ordinal);
            Assert.Contains($"\"{name}\" to phase", visible, StringComparison.Ordinal);
        }

        Assert.Contains($"'{first.Name}' has had no value since {(german ? "2 Nov. 2026" : "2 Nov 2026")}", visible, StringComparison.Ordinal);
        Assert.Contains($"({note})", visible, StringComparison.Ordinal);
        // Outside user text, no ISO date is left (the map's labels wrap names, so each typed fragment is taken out).
        var outside = Fragments.OrderByDescending(n => n.Length).Aggregate(visible, (text, typed) => text.Replace(typed, " ", StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex("\\d{4}-\\d{2}-\\d{2}"), outside);
    }

    [Theory]
    [InlineData("'Launch 2026-04-12 pi 3.14159265' has no owner since 2026-11-02", "'Launch 2026-04-12 pi 3.14159265' has no owner since 2 Nov. 2026")]
    [InlineData("Renamed \"Q 2026-01-01\" to \"R 1.5\" on 2026-11-02", "Renamed \"Q 2026-01-01\" to \"R 1.5\" on 2 Nov. 2026")]
    [InlineData("Bob's page '2026-01-01 O'Brien' at 1.5", "Bob's page '2026-01-01 O'Brien' at 1,5")]
    public void Quoted_user_text_is_kept_while_the_domains_dates_and_numbers_around_it_are_localized(string invariant, string shown) =>
        Assert.Equal(shown, DisplayText.Localize(invariant, DateTimeZone.Utc, ReportFormatTests.German()));
}
