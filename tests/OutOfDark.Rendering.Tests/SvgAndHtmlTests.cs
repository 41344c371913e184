using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Warnings;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class SvgAndHtmlTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Property(Arbitrary = new[] { typeof(MapsOf25) }, MaxTest = 40)]
    public void The_svg_map_of_a_generated_journey_is_well_formed_xml_with_one_box_per_activity(JourneySpec spec)
    {
        var journey = spec.Build();

        var document = XDocument.Parse(SvgMapRenderer.ToSvg(journey));

        Assert.Equal(journey.ActivityCount, document.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "ood-node"));
        Assert.Equal(journey.Phases.Count, document.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "ood-lane"));
        Assert.Equal(journey.Flows.Count, document.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "ood-flow"));
        Assert.Equal(journey.Flows.Count(f => f.Label is not null), document.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "ood-flow-label"));
        Assert.Empty(document.Descendants(Svg + "script"));
    }

    [Fact]
    public void The_reports_personas_are_one_list_item_each_so_a_name_with_a_comma_reads_as_one_persona()
    {
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        journey.AddPersona(ana, "Smith, John");
        journey.AddPersona(ana, "<Ana>");

        var html = HtmlReportRenderer.ToHtml(journey);

        Assert.Contains("<p id=\"personas-label\">Personas:</p><ul class=\"personas\" aria-labelledby=\"personas-label\"><li>Smith, John</li><li>&lt;Ana&gt;</li></ul>", html, StringComparison.Ordinal);
    }

    [Property(Arbitrary = new[] { typeof(LongJourneyArbitraries) }, MaxTest = 40)]
    public void The_svg_map_and_the_report_of_journeys_built_from_random_command_sequences_are_well_formed(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;

        var svg = XDocument.Parse(SvgMapRenderer.ToSvg(journey));
        var html = HtmlReportRenderer.ToHtml(journey);

        Assert.Equal(journey.ActivityCount, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "ood-node"));
        Assert.Equal(journey.ActivityCount, CountOf(html, "<article class=\"activity\""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markup_escapes_the_five_special_characters_and_replaces_characters_xml_forbids()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;]]&gt;\uFFFD\uFFFD🙂\n", Markup.Escape("<a href=\"x\" title='y'>&]]>\u0001\uD800🙂\n"));
    }

    /// <summary>Journey text (ordinary, odd, hostile) or any UTF-16 code units at all, lone surrogates and controls included.</summary>
    public static class AnyText
    {
        public static Arbitrary<string> Strings() =>
            Arb.From(Gen.OneOf(JourneyGen.Text, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(c => new string(c))));
    }

    [Property(Arbitrary = new[] { typeof(AnyText) }, MaxTest = 300)]
    public void Escaped_text_parses_back_to_the_same_text_with_forbidden_characters_replaced(string value)
    {
        // PreserveWhitespace: without it the parser drops text that is all whitespace, such as " " or "\t".
        var parsed = XElement.Parse("<t>" + Markup.Escape(value) + "</t>", LoadOptions.PreserveWhitespace).Value;

        var expected = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                expected.Append(c).Append(value[++i]);
            }
            else
            {
                expected.Append((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        // XML reads a carriage return as a line feed.
        Assert.Equal(expected.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), parsed);
    }

    [Theory]
    [InlineData("https://example.com/a", true)]
    [InlineData("http://example.com/a", true)]
    [InlineData("mailto:team@example.com", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    public void Only_http_https_and_mailto_addresses_become_links(string url, bool link)
    {
        Assert.Equal(link, Markup.IsSafeLink(new Uri(url, UriKind.Absolute)));
    }

    [Fact]
    public void A_long_name_is_cut_with_an_ellipsis_and_kept_whole_in_the_tooltip()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var name = string.Join(' ', Enumerable.Repeat("word", 60));
        journey.AddActivity(new Actor("ana"), see, name);

        var node = XDocument.Parse(SvgMapRenderer.ToSvg(journey)).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "ood-node");

        Assert.Equal(name, node.Element(Svg + "title")!.Value);
        var lines = node.Element(Svg + "text")!.Elements(Svg + "tspan").Select(t => t.Value).ToList();
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_badge_takes_the_colour_of_its_worst_warning_and_counts_them()
    {
        var (journey, warnings, _) = SampleJourneys.OnlineStore();
        var checkout = journey.Activities.Single(a => a.Name == "Checkout");
        var all = warnings.Append(new Warning(new WarningKey(new RuleId("x.info"), WarningSubject.For(checkout.Id)), WarningSeverity.Info, "Minor")).ToList();

        var document = XDocument.Parse(SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Warnings = all }));

        var node = document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "ood-node" && (string?)g.Attribute("data-activity-id") == checkout.Id.Value.ToString());
        Assert.Equal("Checkout — 2 open warnings, most severe: critical", node.Element(Svg + "title")!.Value);
        Assert.Equal("critical", (string?)node.Attribute("data-severity"));
        var badge = node.Elements(Svg + "g").Single();
        Assert.Equal("ood-badge ood-critical", (string?)badge.Attribute("class"));
        Assert.Equal("2", badge.Element(Svg + "text")!.Value);
        Assert.Contains("Minor", badge.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_renderers_take_the_engines_warnings_and_view_as_they_are()
    {
        var ana = new Actor("ana");
        var clock = FakeClock.FromUtc(2026, 1, 1, 9, 0, 0);
        var journey = Journey.Create(ana, WorkspaceId.New(), "Store", clock);
        journey.AddActivity(ana, journey.AddPhase(ana, "See"), "Newsletter");
        var engine = new WarningEngine(journey, clock);
        engine.Refresh();
        Assert.NotEmpty(engine.Warnings);

        var fromWarnings = SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Warnings = engine.Warnings });
        var fromView = SvgMapRenderer.ToSvg(journey, new SvgMapOptions { View = engine.View() });
        var fromBoth = SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Warnings = engine.Warnings, View = engine.View() });
        var report = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = engine.Warnings, View = engine.View() });

        Assert.Contains("ood-badge", fromWarnings, StringComparison.Ordinal);
        Assert.Equal(fromWarnings, fromView);
        Assert.Equal(fromWarnings, fromBoth);
        var table = report[report.IndexOf("<section id=\"warnings\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Equal(engine.Warnings.Count, table.Split("<tr><td>").Length - 1);
    }

    [Fact]
    public void A_metric_warning_badges_its_activity_and_the_report_names_activity_and_metric()
    {
        var ana = new Actor("ana");
        var clock = FakeClock.FromUtc(2026, 1, 1, 9, 0, 0);
        var journey = Journey.Create(ana, WorkspaceId.New(), "Store", clock);
        var mail = journey.AddActivity(ana, journey.AddPhase(ana, "See"), "Newsletter", ActivityKind.Touchpoint, ActivityDetails.Empty with { Owner = "ana" });
        var open = journey.AddWidget(ana, mail, new MetricWidget("Open rate") { Unit = "%", WarningThreshold = 18, CriticalThreshold = 12 });
        journey.RecordObservation(ana, open, new NodaTime.LocalDate(2026, 1, 1), 10m);
        var engine = new WarningEngine(journey, clock);
        engine.Refresh();
        var metricWarning = Assert.Single(engine.Warnings);
        Assert.Equal(SubjectKind.Metric, metricWarning.Key.Subject.Kind);

        var svg = SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Warnings = engine.Warnings });
        var report = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = engine.Warnings });

        Assert.Contains("ood-badge", svg, StringComparison.Ordinal);
        Assert.Contains($"<td><a href=\"#activity-{mail.Value}\">Newsletter › Open rate</a></td>", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_links_web_addresses_and_shows_other_schemes_as_text()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var a = journey.AddActivity(new Actor("ana"), see, "Ads");
        journey.AddWidget(new Actor("ana"), a, new LinkWidget(WidgetId.New(), "Good", new Uri("https://example.com/x?a=1&b=2")));
        journey.AddWidget(new Actor("ana"), a, new LinkWidget(WidgetId.New(), "Bad", new Uri("javascript:alert(1)")));

        var html = HtmlReportRenderer.ToHtml(journey);

        Assert.Contains("href=\"https://example.com/x?a=1&amp;b=2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<span class=\"unsafe-link\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_self_contained_and_forbids_scripts_and_remote_content()
    {
        var (journey, warnings, history) = SampleJourneys.OnlineStore();

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = warnings, History = history });

        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        foreach (var id in new[] { "overview", "map", "warnings", "emotions", "funnel", "activities" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_report_shows_each_activity_with_its_history()
    {
        var (journey, warnings, history) = SampleJourneys.OnlineStore();

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = warnings, History = history });

        Assert.Equal(journey.ActivityCount, CountOf(html, "<article class=\"activity\""));
        Assert.Contains("(Weekly import)", html, StringComparison.Ordinal);
        Assert.Contains("I had to type my address twice", html, StringComparison.Ordinal);
        Assert.Contains("Checkouts started fell 12.7 %", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_funnel_follows_the_flows_and_reads_the_latest_count()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();

        var steps = Funnel.Compute(journey);

        Assert.Equal(["Instagram campaign", "Product page", "Checkout", "Payment", "Order confirmation email"], steps.Select(s => s.Name));
        Assert.Equal([12400m, 5400m, 1310m, 940m, 760m], steps.Select(s => s.Count!.Value));
        Assert.Equal(940d / 1310d, steps[3].ConversionFrom(steps[2])!.Value, 6);
    }

    [Fact]
    public void The_emotion_curve_has_one_point_per_persona_and_touchpoint_in_map_order()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();

        var curve = EmotionCurve.Compute(journey);

        var first = journey.Personas[0].Id;
        var product = journey.Activities.Single(a => a.Name == "Product page").Id;
        var point = curve.Single(p => p.Persona == first && p.Activity == product);
        Assert.Equal((1.0, 2.0, 1), (point.AsIs, point.ToBe!.Value, point.Samples));
        Assert.Equal(
            ["Instagram campaign", "Product page", "Customer reviews", "Checkout", "Delivery", "Support chat"],
            curve.Where(p => p.Persona == first).Select(p => journey.GetActivity(p.Activity).Name));
    }

    [Fact]
    public async Task Writing_to_a_stream_gives_the_same_utf8_text_and_honours_cancellation()
    {
        var (journey, warnings, _) = SampleJourneys.OnlineStore();
        var options = new SvgMapOptions { Warnings = warnings };
        using var stream = new MemoryStream();

        await SvgMapRenderer.WriteAsync(journey, stream, options);

        Assert.Equal(SvgMapRenderer.ToSvg(journey, options), Encoding.UTF8.GetString(stream.ToArray()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HtmlReportRenderer.WriteAsync(journey, new MemoryStream(), null, cancelled.Token));
    }

    [Fact]
    public void The_report_names_the_sub_journey_an_activity_links_to()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();
        var activity = journey.Activities[0];
        var sub = new JourneyId(new Guid("2eeda1e6-3c14-511e-a2bf-412b4b30dafd"));
        journey.LinkSubJourney(new Actor("mia"), activity.Id, sub);

        var html = HtmlReportRenderer.ToHtml(journey);

        Assert.Equal(1, CountOf(html, " · detailed in sub-journey 2eeda1e6-3c14-511e-a2bf-412b4b30dafd"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
