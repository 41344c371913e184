using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Rendering;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Rendering.Tests;

[Collection(BrowserCollection.Name)]
public class HostileInputTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Counts every element by tag, except the tspans whose number follows how text wraps.
    private const string Census = """
        () => {
            const counts = {};
            for (const e of document.querySelectorAll('*')) {
                // A flow label's leader line and dot depend on the label's width, so on the text's length, not on its content.
                if ((e.getAttribute('class') || '').startsWith('ood-leader')) continue;
                const tag = e.tagName.toLowerCase();
                if (tag !== 'tspan') counts[tag] = (counts[tag] || 0) + 1;
            }
            return Object.keys(counts).sort().map(k => k + '=' + counts[k]);
        }
        """;

    private const string Dangers = """
        () => {
            const found = [];
            for (const e of document.querySelectorAll('script, iframe, object, embed, img, foreignObject, image, use, meta[http-equiv=refresh], base, form, input')) found.push(e.tagName);
            for (const e of document.querySelectorAll('*')) {
                for (const a of e.attributes) {
                    if (a.name.toLowerCase().startsWith('on')) found.push(e.tagName + '@' + a.name);
                    if ((a.name === 'href' || a.name === 'xlink:href') && !/^(https?:|mailto:|#)/i.test(a.value)) found.push(e.tagName + ' href=' + a.value.slice(0, 40));
                }
            }
            for (const e of document.querySelectorAll('*')) e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
            return found.concat(window.__pwned ? ['a script ran ' + window.__pwned + ' time(s)'] : []);
        }
        """;

    [Fact]
    public async Task The_svg_map_of_a_hostile_journey_runs_no_script_and_gains_no_element()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (hostile, hostileWarnings) = SampleJourneys.Hostile(t => t, u => u);
        var (tame, tameWarnings) = SampleJourneys.Hostile(SampleJourneys.Tame, _ => "https://example.com/");

        var (hostileFindings, hostileCensus, leaks) = await InspectAsync(chromium, SvgMapRenderer.ToSvg(hostile, new SvgMapOptions { Warnings = hostileWarnings }), "image/svg+xml");
        var (_, tameCensus, _) = await InspectAsync(chromium, SvgMapRenderer.ToSvg(tame, new SvgMapOptions { Warnings = tameWarnings }), "image/svg+xml");

        Assert.Empty(hostileFindings);
        Assert.Empty(leaks);
        Assert.Equal(tameCensus, hostileCensus);
        Assert.Contains("svg=1", hostileCensus);
    }

    [Fact]
    public async Task The_html_report_of_a_hostile_journey_runs_no_script_and_gains_no_element()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (hostile, hostileWarnings) = SampleJourneys.Hostile(t => t, u => u);
        var (tame, tameWarnings) = SampleJourneys.Hostile(SampleJourneys.Tame, _ => "https://example.com/");

        var hostileHtml = HtmlReportRenderer.ToHtml(hostile, new HtmlReportOptions { Warnings = hostileWarnings });
        var (hostileFindings, hostileCensus, leaks) = await InspectAsync(chromium, hostileHtml, "text/html");
        var (_, tameCensus, _) = await InspectAsync(chromium, HtmlReportRenderer.ToHtml(tame, new HtmlReportOptions { Warnings = tameWarnings }), "text/html");

        Assert.Empty(hostileFindings);
        Assert.Empty(leaks);
        Assert.Equal(Normalise(tameCensus), Normalise(hostileCensus));
        Assert.Contains("&lt;script&gt;window.__pwned", hostileHtml, StringComparison.Ordinal);
    }

    // The tame twin's links are all https, so it has an <a> where the hostile one shows a javascript: address as a <span>.
    private static List<string> Normalise(IReadOnlyList<string> census)
    {
        var counts = census.Select(c => c.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var inline = counts.GetValueOrDefault("a") + counts.GetValueOrDefault("span");
        counts.Remove("a");
        counts.Remove("span");
        counts["a+span"] = inline;
        return counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value).ToList();
    }

    private static async Task<(string[] Findings, string[] Census, List<string> Leaks)> InspectAsync(IBrowser chromium, string document, string contentType)
    {
        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, document, contentType);
        await using var _ = page.Context;
        var findings = await page.EvaluateAsync<string[]>(Dangers);
        var census = await page.EvaluateAsync<string[]>(Census);
        return (findings, census, leaks);
    }
}
