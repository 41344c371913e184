using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Warnings;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Rendering.Tests;

/// <summary>The quickstart's report in Chromium: on a 390 px phone and printed to PDF on Letter and A4.</summary>
[Collection(BrowserCollection.Name)]
public class ReportLayoutBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>
    /// The most pages the quickstart's report may print to, on Letter or A4 (it printed 69 Letter pages before the print
    /// stylesheet). Documented in docs/rendering.md.
    /// </summary>
    public const int MaxPrintedPages = 32;

    [Fact]
    public async Task On_a_390_px_phone_the_page_does_not_scroll_sideways_charts_scale_and_headings_break_between_words()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, QuickstartReport(), "text/html", 390, 844, scale: 2);
        await using var _ = page.Context;

        var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, document.documentElement.clientWidth]");
        var svgs = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg')].filter(s => s.parentElement.closest('svg') === null && !s.hasAttribute('viewBox'))
                .map(s => s.outerHTML.slice(0, 120))
            """);
        var charts = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('svg.chart:not(.emotion-chart)')].map(s => s.getBoundingClientRect().right)
            """);
        // The emotion curve, like the map, keeps a readable size (its 12-unit text at 10 px or more) in a figure that
        // scrolls sideways, rather than shrinking its text to 5 px.
        var emotions = await page.EvaluateAsync<double[]>("""
            () => { const box = document.querySelector('figure.chart-box.scrolls'); const svg = box.querySelector('svg.emotion-chart');
              return [svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, box.clientWidth, box.scrollWidth, getComputedStyle(box).overflowX === 'auto' ? 1 : 0, box.getBoundingClientRect().right]; }
            """);
        var breaking = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('th, h1, h2, h3, h4, h5')].filter(e => {
                const s = getComputedStyle(e);
                return s.wordBreak === 'break-all' || s.overflowWrap === 'anywhere' || s.wordBreak === 'break-word';
              }).map(e => e.tagName + ': ' + e.textContent.slice(0, 40))
            """);

        // The map keeps a readable size in its own sideways-scrolling box rather than shrinking to the phone's width.
        var map = await page.EvaluateAsync<double[]>("""
            () => { const box = document.querySelector('#map .map'); const svg = box.querySelector('svg');
              return [svg.getBoundingClientRect().width, box.clientWidth, box.scrollWidth, getComputedStyle(box).overflowX === 'auto' ? 1 : 0]; }
            """);

        // The Warnings table reflows into one card per warning: no cell is cut off or scrolled sideways.
        var clipped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table.warnings td')].filter(td => td.scrollWidth > td.clientWidth + 1 || td.getBoundingClientRect().right > 390)
                .map(td => td.textContent.slice(0, 40))
            """);
        var warningCells = await page.EvaluateAsync<int>("() => document.querySelectorAll('table.warnings td').length");
        var warningsBox = await page.EvaluateAsync<int[]>("() => { const b = document.querySelector('#warnings .table-box'); return [b.scrollWidth, b.clientWidth]; }");

        Assert.Empty(leaks);
        Assert.True(warningCells > 0, "The quickstart's report has no warnings to lay out.");
        Assert.Empty(clipped);
        Assert.True(warningsBox[0] <= warningsBox[1], $"The Warnings table scrolls sideways: {warningsBox[0]} px in {warningsBox[1]} px.");
        Assert.True(overflow[0] <= overflow[2] && overflow[1] <= overflow[2], $"The page scrolls sideways: {overflow[0]} px wide in a {overflow[2]} px viewport.");
        Assert.Empty(svgs);
        Assert.All(charts, right => Assert.True(right <= 390, $"A chart reaches {right} px."));
        Assert.Empty(breaking);
        Assert.True(map[0] >= 600, $"The map shrank to {map[0]} px.");
        Assert.True(emotions[0] * 12 >= 10, $"The emotion curve's text shrank to {emotions[0] * 12:0.#} px.");
        Assert.True(emotions[2] > emotions[1] && emotions[3] == 1 && emotions[4] <= 390, "The emotion curve's figure does not scroll sideways within the page.");
        Assert.True(map[2] > map[1] && map[3] == 1, "The map's box does not scroll sideways.");
    }

    [Fact]
    public async Task At_1400_px_the_contents_keep_each_phase_with_its_activities_in_one_column()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        // Phases of 1, 6 and 2 activities: 12 lines, so two balanced columns of 6 would cut the second phase's group in
        // two (the quickstart's phases happen to split at a group's end, so its report could not show the cut).
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        foreach (var (phase, count) in new[] { ("See", 1), ("Think", 6), ("Do", 2) })
        {
            var id = journey.AddPhase(ana, phase);
            for (var i = 1; i <= count; i++)
            {
                journey.AddActivity(ana, id, $"{phase} step {i}");
            }
        }

        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, HtmlReportRenderer.ToHtml(journey), "text/html", 1400, 1000);
        await using var _ = page.Context;

        // A phase's group split across the two columns has links in both halves of the list.
        var groups = await page.EvaluateAsync<string[]>("""
            () => { const ol = document.querySelector('nav.toc ol ol'); const box = ol.getBoundingClientRect();
              const column = a => Math.floor((a.getBoundingClientRect().left - box.left) / (box.width / 2));
              return [...ol.querySelectorAll(':scope > li')].map(li => li.firstElementChild.textContent + ': ' + new Set([...li.querySelectorAll('a')].map(column)).size); }
            """);
        var columns = await page.EvaluateAsync<int>("""
            () => { const ol = document.querySelector('nav.toc ol ol'); const box = ol.getBoundingClientRect();
              return new Set([...ol.querySelectorAll(':scope > li > a')].map(a => Math.floor((a.getBoundingClientRect().left - box.left) / (box.width / 2)))).size; }
            """);
        var breaks = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('nav.toc ol ol > li')].map(li => getComputedStyle(li).breakInside)");

        Assert.Empty(leaks);
        Assert.Equal(2, columns);
        Assert.Equal(["See: 1", "Think: 1", "Do: 1"], groups);
        Assert.All(breaks, b => Assert.Equal("avoid", b));
    }

    [Theory]
    [InlineData("Letter")]
    [InlineData("A4")]
    public async Task The_quickstart_report_prints_within_the_page_bound_and_the_map_fits_the_page_width(string format)
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, QuickstartReport(), "text/html", 1400, 1000);
        await using var _ = page.Context;

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true });
        var pages = PageCount(pdf);
        output.WriteLine($"{format}: {pages} pages, {pdf.Length} bytes");

        // The page's content width in CSS pixels: the paper's width less the stylesheet's 12 mm margins.
        var paperWidth = format == "A4" ? 210 / 25.4 * 96 : 8.5 * 96;
        var contentWidth = (int)Math.Floor(paperWidth - (2 * 12 / 25.4 * 96));
        await page.SetViewportSizeAsync(contentWidth, 1000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var maps = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.map svg')].map(s => s.getBoundingClientRect().right)");
        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var toc = await page.EvaluateAsync<int>("() => document.querySelectorAll('nav.toc a[href^=\"#activity-\"]').length");

        Assert.Empty(leaks);
        Assert.InRange(pages, 2, MaxPrintedPages);
        Assert.Equal(2, maps.Length);
        Assert.All(maps, right => Assert.True(right <= contentWidth + 0.5, $"A map reaches {right} px on a {contentWidth} px wide page."));
        Assert.True(wide <= contentWidth, $"The printed page is {wide} px wide for {contentWidth} px of paper.");
        Assert.Equal(21, toc);
    }

    /// <summary>The report of the quickstart's journey as the quickstart writes it on its first run: warnings needing attention and the history.</summary>
    internal static string QuickstartReport()
    {
        var clock = new FakeClock(OnlineStoreJourney.CreatedAt);
        var journey = OnlineStoreJourney.Build(clock);
        var engine = new WarningEngine(journey, clock);
        engine.EvaluateAll();
        var view = engine.View(WarningQuery.NeedsAttention);
        return HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions
        {
            Warnings = view.Select(v => v.Warning).ToList(),
            History = new JourneyHistory(journey.PendingEvents, clock),
            GeneratedAt = clock.GetCurrentInstant(),
        });
    }

    /// <summary>Counts the page objects of a PDF Chromium wrote (each is <c>/Type /Page</c>, the tree nodes <c>/Type /Pages</c>).</summary>
    private static int PageCount(byte[] pdf) =>
        Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;
}
