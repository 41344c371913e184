using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// What the web sample shows is written for people: numbers rounded in the visitor's locale, dates and instants in
/// their locale and time zone (Tokyo here, so a shifted instant shows), enum names as words, and no ids or ISO dates in
/// any view — while the API keeps the domain's own text.
/// </summary>
public sealed partial class HumanFormatTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string url) => WebPage.OpenAsync(fixture, url, locale: "en-GB", timeZone: "Asia/Tokyo");

    private static async Task<Dictionary<string, string>> EvidenceAsync(IPage page, string key)
    {
        var row = page.Locator($"#warnings tr[data-warning-key='{key}']");
        await Expect(row.Locator("dl.evidence")).ToHaveCountAsync(1);
        return await row.EvaluateAsync<Dictionary<string, string>>(
            "r => Object.fromEntries([...r.querySelectorAll('dl.evidence dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent]))");
    }

    [BrowserFact]
    public async Task Evidence_shows_rounded_numbers_percentages_local_dates_and_words()
    {
        var page = await OpenAsync("#/warnings?state=all");

        var baseline = await EvidenceAsync(page, $"metric.baseline@metric:{SampleIds.Widget("Payment", "Payment failures")}");
        Assert.Equal("0.863 %", baseline["baseline standard deviation"]); // 0.862930515206221 in the API; the metric is in %
        Assert.Equal("1.678 %", baseline["baseline mean"]);               // 1.6775
        Assert.Equal("+102.1 %", baseline["change"]);                     // "change percent": 102.1, latest above the mean
        Assert.Equal("+2", baseline["change in standard deviations"]);    // 2.0
        Assert.Equal("4 Apr 2026", baseline["observed on"]);              // a calendar date stays that date in Tokyo
        Assert.Matches("^[0-9]+ days$", baseline["window"]);              // "window days": 28, the words the HTML report shows too
        Assert.DoesNotContain("window days", baseline.Keys);

        var gap = await EvidenceAsync(page, $"emotion.expectation-gap@activity:{SampleIds.Activity("Checkout")}");
        Assert.Equal("very negative (−2)", gap["as-is emotion"]);
        Assert.Equal("positive (+1)", gap["to-be emotion"]);

        var notUpdated = await EvidenceAsync(page, $"activity.not-updated@activity:{SampleIds.Activity("Search ads")}");
        Assert.Equal("29 Dec 2025, 18:00", notUpdated["last changed"]);   // 2025-12-29T09:00:00Z in Tokyo

        var noMetric = await EvidenceAsync(page, $"touchpoint.no-metric@activity:{SampleIds.Activity("Search ads")}");
        Assert.Equal("touchpoint", noMetric["kind"]);                     // "Touchpoint"
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_message_shows_its_dates_as_local_dates_while_the_api_keeps_the_domains_text()
    {
        var page = await OpenAsync("#/warnings?state=all");

        var stale = page.Locator($"#warnings tr[data-warning-key='metric.stale@metric:{SampleIds.Widget("Blog post: winter layering guide", "Visits")}'] .message");
        await Expect(stale).ToHaveTextAsync("Visits has had no observation since 1 Mar 2026 — limit 30 days");
        var warnings = await page.Locator("#warnings").InnerTextAsync();
        Assert.DoesNotMatch(IsoDate(), warnings);

        var api = await page.APIRequest.GetAsync(ApiClient.JourneyPath + "/warnings?state=open");
        Assert.Contains("Visits has had no observation since 2026-03-01 — limit 30 days", await api.TextAsync(), System.StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task No_view_shows_an_id_an_iso_date_or_a_camel_case_name()
    {
        await fixture.Services.GetRequiredService<DueRecheckService>().RecheckAsync();
        var views = new (string Hash, string Ready)[]
        {
            ("#/map", "[data-testid=map-node]"),
            ("#/map/" + SampleIds.Activity("Checkout"), "#detail-history[data-shows]"),
            ("#/map/" + SampleIds.Activity("Influencer collaboration"), "#detail-history[data-shows]"),
            ("#/warnings?state=all", "#warnings tbody tr"),
            ("#/warnings?scope=workspace&state=all", "#warnings td.journey-column"),
            ("#/history", "#history-list[data-shows]"),
        };
        var found = new List<string>();
        foreach (var (hash, ready) in views)
        {
            var page = await OpenAsync(hash);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            var text = await page.EvaluateAsync<string>("() => document.querySelector('header').innerText + '\\n' + document.querySelector('main').innerText");
            foreach (var pattern in new[] { Guid(), IsoDate(), CamelCase() })
            {
                foreach (Match match in pattern.Matches(text))
                {
                    found.Add($"{hash}: \"{match.Value}\"");
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, "Raw values on screen:\n" + string.Join('\n', found));
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    // An enum's camel-case name ("inProgress", "veryNegative") where words belong.
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();
}
