using System.IO;
using System.Threading.Tasks;
using OutOfDark.Rendering;
using OutOfDark.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Rendering.Tests;

/// <summary>The HTML report and the SVG map checked by axe-core in Chromium: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task The_online_store_report_has_no_serious_accessibility_violation(int width)
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (journey, warnings, history) = SampleJourneys.OnlineStore();
        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = warnings, History = history, GeneratedAt = NodaTime.Instant.FromUtc(2026, 9, 5, 8, 0) });
        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, html, "text/html", width, 900);
        await using var _ = page.Context;

        await AxeAssert.NoSeriousViolationsAsync(page, $"HTML report at {width} px");
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task The_online_store_map_in_a_page_has_no_serious_accessibility_violation()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (journey, warnings, _) = SampleJourneys.OnlineStore();
        using var writer = new StringWriter();
        SvgMapRenderer.Write(journey, ActivityMapLayout.Compute(journey), writer, new SvgMapOptions { Warnings = warnings });
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Map</title></head><body><main>" + writer + "</main></body></html>";
        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, html, "text/html", 1400, 900);
        await using var _ = page.Context;

        await AxeAssert.NoSeriousViolationsAsync(page, "SVG map in a page");
        Assert.Empty(leaks);
    }
}
