using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Rendering;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Rendering.Tests;

/// <summary>Renders a demo online-store journey in Chromium, screenshots and prints it (the README's images come from the quickstart, in the samples tests).</summary>
[Collection(BrowserCollection.Name)]
public class ScreenshotTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string Images = Directory.CreateTempSubdirectory("outofdark-rendering-shots-").FullName;

    [Fact]
    public async Task The_online_store_map_renders_in_chromium_with_every_activity_and_badge()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (journey, warnings, _) = SampleJourneys.OnlineStore();
        var layout = ActivityMapLayout.Compute(journey);
        using var writer = new StringWriter();
        SvgMapRenderer.Write(journey, layout, writer, new SvgMapOptions { Warnings = warnings });
        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, writer.ToString(), "image/svg+xml", (int)Math.Ceiling(Math.Max(layout.Width, 640)), (int)Math.Ceiling(layout.Height + 44), scale: 2);
        await using var _ = page.Context;

        var size = await page.EvaluateAsync<double[]>("() => { const b = document.documentElement.getBBox(); return [b.width, b.height, document.querySelectorAll('g.ood-node').length, document.querySelectorAll('g.ood-badge').length, document.querySelectorAll('g.ood-legend-item').length]; }");
        var path = Path.Combine(Images, "quickstart-map.png");
        Directory.CreateDirectory(Images);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.Empty(leaks);
        Assert.True(size[0] > 500 && size[1] > 300, $"The map drew only {size[0]}×{size[1]}.");
        Assert.Equal(journey.ActivityCount, (int)size[2]);
        Assert.Equal(warnings.Count, (int)size[3]);
        Assert.Equal(5, (int)size[4]);
        AssertPng(path);
    }

    [Fact]
    public async Task The_online_store_report_renders_in_chromium_with_its_sections_and_prints()
    {
        if (browser.Require(output) is not { } chromium)
        {
            return;
        }

        var (journey, warnings, history) = SampleJourneys.OnlineStore();
        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = warnings, History = history, GeneratedAt = NodaTime.Instant.FromUtc(2026, 9, 5, 8, 0) });
        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, html, "text/html", 1400, 1000);
        await using var _ = page.Context;

        var sections = await page.EvaluateAsync<int>("() => document.querySelectorAll('main > section').length");
        var path = Path.Combine(Images, "quickstart-report.png");
        Directory.CreateDirectory(Images);
        var height = await page.EvaluateAsync<int>("() => Math.min(document.documentElement.scrollHeight, document.getElementById('activities').offsetTop + 700)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = 1400, Height = height } });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });

        Assert.Empty(leaks);
        Assert.Equal(8, sections);
        Assert.True(pdf.Length > 10_000, "The report should print to a PDF of several pages.");
        AssertPng(path);
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path} is only {bytes.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }
}
