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
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>What a reader of the HTML report sees: truthful charts, words instead of enum names, dates, links.</summary>
public class ReportReadingTests
{
    private static readonly Actor Ana = new("ana");

    [Property(Arbitrary = new[] { typeof(MapsOf25) }, MaxTest = 200)]
    public void Funnel_steps_follow_one_connected_flow_path(JourneySpec spec)
    {
        var journey = spec.Build();

        var steps = Funnel.Compute(journey);

        Assert.Equal(journey.Flows.Count == 0, steps.Count == 0);
        Assert.Equal(steps.Count, steps.Select(s => s.Activity).Distinct().Count());
        for (var i = 1; i < steps.Count; i++)
        {
            Assert.Contains(journey.FlowsFrom(steps[i - 1].Activity), f => f.To == steps[i].Activity);
        }

        if (steps.Count > 0)
        {
            // It starts at the widest step when any activity with an outgoing flow has a count, and stops only where
            // no flow leads further.
            var counted = journey.Activities.Where(a => journey.FlowsFrom(a.Id).Count > 0 && StepVolume.Of(a) is not null).ToList();
            if (counted.Count > 0)
            {
                Assert.Equal(counted.Max(a => StepVolume.Of(a)), steps[0].Count);
            }

            var visited = steps.Select(s => s.Activity).ToHashSet();
            Assert.DoesNotContain(journey.FlowsFrom(steps[^1].Activity), f => !visited.Contains(f.To));
        }
    }

    [Fact]
    public void The_funnel_starts_at_the_widest_step_follows_the_busiest_branch_and_says_so_when_a_step_counts_more_than_the_one_before()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var phase = journey.AddPhase(Ana, "Do");
        ActivityId Step(string name, decimal? count)
        {
            var id = journey.AddActivity(Ana, phase, name);
            if (count is { } c)
            {
                var m = journey.AddWidget(Ana, id, new MetricWidget(WidgetId.New(), "Visitors") { Kind = MetricKind.Count });
                journey.RecordObservation(Ana, m, new LocalDate(2026, 1, 1), c);
            }

            return id;
        }

        var ads = Step("Ads", 1000);
        var mail = Step("Mail", 400);
        var shop = Step("Shop", 1200);
        var cart = Step("Cart", 300);
        var wish = Step("Wishlist", 500);
        var pay = Step("Pay", 700);
        journey.AddFlow(Ana, ads, shop);
        journey.AddFlow(Ana, mail, shop);
        journey.AddFlow(Ana, shop, cart);
        journey.AddFlow(Ana, shop, wish);
        journey.AddFlow(Ana, cart, pay);
        journey.AddFlow(Ana, wish, pay);

        var steps = Funnel.Compute(journey);
        var html = HtmlReportRenderer.ToHtml(journey);

        Assert.Equal(["Shop", "Wishlist", "Pay"], steps.Select(s => s.Name));
        Assert.Contains("Along one flow path: Shop → Wishlist → Pay.", html, StringComparison.Ordinal);
        Assert.Contains("Shop is also reached from Ads, Mail, not shown.", html, StringComparison.Ordinal);
        Assert.Contains("700 · 140 % of previous *", html, StringComparison.Ordinal);
        Assert.Contains("* Pay counts more than Wishlist: it is also reached from 1 other activity.", html, StringComparison.Ordinal);
        var funnel = html[html.IndexOf("<section id=\"funnel\">", StringComparison.Ordinal)..];
        funnel = funnel[..funnel.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Single(Regex.Matches(funnel, "<rect [^>]*fill=\"(#[0-9a-f]{6})\"").Select(m => m.Groups[1].Value).Distinct());
    }

    [Fact]
    public void The_emotion_chart_draws_as_is_and_dashed_to_be_lines_per_persona_with_a_legend()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();

        var html = HtmlReportRenderer.ToHtml(journey);

        var chart = html[html.IndexOf("<section id=\"emotions\">", StringComparison.Ordinal)..];
        chart = chart[..chart.IndexOf("</section>", StringComparison.Ordinal)];
        var lines = Regex.Matches(chart, "<path class=\"(as-is|to-be)\"[^>]*>").Select(m => m.Value).ToList();

        // Two personas with several touchpoints each: an as-is line each, and a to-be line (dashed "8 5") for the first-time
        // buyer only — the loyal customer's to-be scores (Checkout, Returns) are not at neighbouring touchpoints, so they
        // show as markers alone rather than a line drawn across the touchpoints between them.
        Assert.Equal(3, lines.Count);
        Assert.Single(lines, l => l.Contains("stroke-dasharray=\"8 5\"", StringComparison.Ordinal));
        Assert.Contains("viewBox=\"0 0 ", chart, StringComparison.Ordinal);
        Assert.Contains(">very negative (−2)</text>", chart, StringComparison.Ordinal);
        Assert.Contains("First-time buyer at Checkout: as-is very negative (−2)", chart, StringComparison.Ordinal);
        Assert.Contains("First-time buyer at Checkout: to-be positive (+1)", chart, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(chart, "<g class=\"legend\">").Count);
    }

    [Fact]
    public void The_report_shows_states_sentiments_and_emotions_in_words_and_dates_in_the_chosen_zone()
    {
        var (journey, warnings, history) = SampleJourneys.OnlineStore();
        var at = Instant.FromUtc(2026, 4, 12, 9, 0, 57) + Duration.FromTicks(9068289);

        var utc = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = warnings, History = history, GeneratedAt = at });
        var berlin = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions
        {
            GeneratedAt = at,
            TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
            Culture = French(),
        });

        Assert.Contains("generated <time datetime=\"2026-04-12T09:00:57.9068289Z\">12 Apr 2026 09:00 UTC</time>", utc, StringComparison.Ordinal);
        Assert.Contains(">12 avr. 2026 11:00 CEST</time>", berlin, StringComparison.Ordinal);
        Assert.Contains("Current-state journey · owned by", utc, StringComparison.Ordinal);
        Assert.Contains("Status: in progress", utc, StringComparison.Ordinal);
        Assert.Contains(" · negative (−1)</p>", utc, StringComparison.Ordinal);
        Assert.Contains("First-time buyer: as-is very negative (−2), to-be positive (+1)", utc, StringComparison.Ordinal);
        Assert.Contains("Checkout</h4><p class=\"meta\">Do · touchpoint · active", utc, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-08-12\">12 Aug 2026</time>", utc, StringComparison.Ordinal);
        foreach (var raw in new[] { "InProgress", "VeryNegative", "veryNegative", "inProgress", ">Touchpoint", "Current journey" })
        {
            Assert.DoesNotContain(raw, utc, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(new Regex(">[^<]*\\d{4}-\\d{2}-\\d{2}T"), utc);
    }

    [Fact]
    public void The_contents_the_map_and_the_warnings_link_to_each_activity_section_by_its_id()
    {
        var (journey, warnings, _) = SampleJourneys.OnlineStore();
        var checkout = journey.Activities.Single(a => a.Name == "Checkout");

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = warnings });

        var anchor = "activity-" + checkout.Id.Value.ToString("D");
        Assert.Single(Regex.Matches(html, $"id=\"{anchor}\""));
        var nav = html[html.IndexOf("<nav class=\"toc\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"#{anchor}\">Checkout</a>", nav, StringComparison.Ordinal);
        foreach (var section in new[] { "overview", "map", "blueprint", "warnings", "opportunities", "emotions", "funnel", "activities" })
        {
            Assert.Contains($"href=\"#{section}\"", nav, StringComparison.Ordinal);
            Assert.Contains($"<section id=\"{section}\">", html, StringComparison.Ordinal);
        }

        var map = html[html.IndexOf("<section id=\"map\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"blueprint\">", StringComparison.Ordinal)];
        Assert.Equal(journey.ActivityCount, Regex.Matches(map, "<a class=\"ood-node-link\" href=\"#activity-").Count);
        Assert.Contains($"<a class=\"ood-node-link\" href=\"#{anchor}\">", map, StringComparison.Ordinal);
        Assert.Contains($"<td><a href=\"#{anchor}\">Checkout</a></td>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"ood-map\" role=\"group\"", map, StringComparison.Ordinal);

        // Every in-page link lands on an element of the report; no id shows as visible text.
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value), id => Assert.Contains(id, ids));
        Assert.DoesNotMatch(new Regex(">[^<]*" + checkout.Id.Value.ToString("D")), html);
    }

    [Fact]
    public void A_metric_is_one_row_with_a_sparkline_and_its_observations_folded_away()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();

        var html = HtmlReportRenderer.ToHtml(journey);

        var checkout = html[html.IndexOf("<h5>Checkouts started", StringComparison.Ordinal)..];
        checkout = checkout[..checkout.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("<span class=\"latest\">1310 visits</span><span class=\"meta\">latest, <time datetime=\"2026-06-15\">15 Jun 2026</time></span><svg", checkout, StringComparison.Ordinal);
        Assert.Matches("<svg [^>]*class=\"spark\"[^>]*viewBox=\"0 0 140 32\"", checkout);
        Assert.Contains("<polyline", checkout, StringComparison.Ordinal);
        Assert.Contains("3 observations since <time datetime=\"2026-06-01\">1 Jun 2026</time>", checkout, StringComparison.Ordinal);
        Assert.Contains("<details><summary>All observations</summary>", checkout, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(checkout, "<tr><td><time").Count);
    }

    /// <summary>French month abbreviations on the invariant culture (the tests run in globalization-invariant mode).</summary>
    private static CultureInfo French()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        string[] months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.", ""];
        culture.DateTimeFormat.AbbreviatedMonthNames = months;
        culture.DateTimeFormat.AbbreviatedMonthGenitiveNames = months;
        return culture;
    }

    [Fact]
    public void Missing_time_zone_or_culture_is_refused_naming_the_option()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();

        var zone = Assert.Throws<ArgumentNullException>(() => HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { TimeZone = null! }));
        var culture = Assert.Throws<ArgumentNullException>(() => HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Culture = null! }));

        Assert.Contains("HtmlReportOptions.TimeZone", zone.Message, StringComparison.Ordinal);
        Assert.Contains("HtmlReportOptions.Culture", culture.Message, StringComparison.Ordinal);
    }
}
