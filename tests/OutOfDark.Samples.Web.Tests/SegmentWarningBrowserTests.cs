using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The Warnings view with two segments' warnings on one metric, in Chromium: each row names its segment and its actions act on it alone.</summary>
public sealed class SegmentWarningBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Each_segments_row_names_its_segment_and_acknowledging_one_leaves_the_other_open()
    {
        await SegmentWarningSeed.AddAsync(fixture.Services);
        var page = await WebPage.OpenAsync(fixture, "#/warnings", locale: "en-GB", timeZone: "UTC");
        var open = page.Locator("#warnings [data-section=open]").First;
        var de = open.Locator("tr[data-segment='region DE']").Filter(new() { Has = page.Locator("[data-rule='metric.threshold']") });
        var fr = open.Locator("tr[data-segment='region FR']").Filter(new() { Has = page.Locator("[data-rule='metric.threshold']") });
        await Expect(de.Locator("td[data-label=Subject]")).ToContainTextAsync(SegmentWarningSeed.Metric + " on ");
        await Expect(de.Locator("td[data-label=Subject]")).ToContainTextAsync("(region DE)");
        await Expect(fr.Locator("td[data-label=Subject]")).ToContainTextAsync("(region FR)");
        var deKey = await de.GetAttributeAsync("data-warning-key");

        await de.Locator("button[data-action=acknowledge]").ClickAsync();

        await Expect(page.Locator($"details[data-section=acknowledged] tr[data-warning-key='{deKey}']")).ToHaveAttributeAsync("data-segment", "region DE");
        await Expect(fr).ToHaveAttributeAsync("data-state", "open");
        await Expect(page.Locator("#message")).Not.ToContainTextAsync("Could not");
        await page.Context.CloseAsync();
    }
}
