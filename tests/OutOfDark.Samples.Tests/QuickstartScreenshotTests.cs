using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Tests.Shared;
using Xunit;

namespace OutOfDark.Samples.Tests;

/// <summary>
/// Runs the quickstart, opens the map and report it writes in headless Chromium, checks the report with axe-core, and
/// takes the screenshots the README shows (quickstart-map.png, quickstart-report.png at 1400 px and
/// quickstart-report-phone.png at 390 px): into a temporary folder, or into docs/images with
/// <c>OUTOFDARK_SCREENSHOTS=docs/images</c> (see <see cref="Screenshots"/>).
/// </summary>
public sealed class QuickstartScreenshotTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outofdark-screens-").FullName;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _output = "";

    public async Task InitializeAsync()
    {
        Assert.True(Chromium.IsInstalled, Chromium.Missing);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        _output = Path.Combine(_folder, "out");
        var run = await SampleProcess.RunAsync(SampleProcess.DllOf("QuickstartDll"), _folder, "--output", _output);
        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_quickstart_map_opens_in_chromium_with_every_activity_and_its_badges_and_is_kept_for_the_readme()
    {
        var (page, requests) = await OpenAsync("map.svg");
        var size = await page.EvaluateAsync<double[]>(
            "() => { const s = document.documentElement; return [s.width.baseVal.value, s.height.baseVal.value, document.querySelectorAll('g.ood-node').length, document.querySelectorAll('g.ood-badge').length]; }");
        await page.SetViewportSizeAsync((int)Math.Ceiling(size[0]), (int)Math.Ceiling(size[1]));
        var path = Screenshots.PathOf("quickstart-map.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.Empty(requests);
        Assert.Equal(21, (int)size[2]);
        Assert.InRange((int)size[3], 1, 21);
        Screenshots.AssertPng(path);
    }

    [Fact]
    public async Task On_the_quickstart_map_no_flow_label_covers_an_activity_or_another_label()
    {
        var (page, _) = await OpenAsync("map.svg");

        // Chromium's own text extents, not the renderer's estimate.
        var collisions = await page.EvaluateAsync<string[]>("""
            () => {
              const box = e => { const b = e.getBBox(); return { x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height }; };
              const hit = (a, b) => a.x < b.r && b.x < a.r && a.y < b.b && b.y < a.b;
              const labels = [...document.querySelectorAll('g.ood-flow-label text')].map(t => ({ text: t.textContent, box: box(t) }));
              const nodes = [...document.querySelectorAll('g.ood-node')].map(g => ({ text: g.querySelector('title').textContent, box: box(g.querySelector('rect')) }));
              const found = [];
              labels.forEach((l, i) => {
                nodes.filter(n => hit(l.box, n.box)).forEach(n => found.push(`"${l.text}" covers "${n.text}"`));
                labels.slice(i + 1).filter(o => hit(l.box, o.box)).forEach(o => found.push(`"${l.text}" covers "${o.text}"`));
              });
              return labels.length ? found : ['no flow labels drawn'];
            }
            """);

        Assert.Empty(collisions);
    }

    [Fact]
    public async Task The_quickstart_report_opens_in_chromium_with_its_sections_prints_and_is_kept_for_the_readme()
    {
        var (page, requests) = await OpenAsync("report.html", width: 1400, scale: 1);
        var sections = await page.EvaluateAsync<int>("() => document.querySelectorAll('main > section').length");
        var critical = await page.EvaluateAsync<string>("() => document.body.innerText");
        // The README shows the top of the report: overview, phases, map and the start of the Warnings view.
        var height = await page.EvaluateAsync<int>("() => Math.min(document.documentElement.scrollHeight, 1600)");
        var path = Screenshots.PathOf("quickstart-report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = 1400, Height = height } });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });

        Assert.Empty(requests);
        Assert.Equal(9, sections); // with "Journey and phase KPIs" (the quickstart adds a phase KPI)
        Assert.Contains("Average wait rose to 8.7 min", critical, StringComparison.Ordinal);
        Assert.True(pdf.Length > 10_000, "The report should print to a PDF of several pages.");
        Screenshots.AssertPng(path);
    }

    [Fact]
    public async Task The_quickstart_report_at_phone_width_is_kept_for_the_readme()
    {
        var (page, requests) = await OpenAsync("report.html", width: Screenshots.Phone, scale: 2);
        var sections = await page.EvaluateAsync<int>("() => document.querySelectorAll('main > section').length");
        var path = Screenshots.PathOf("quickstart-report-phone.png");
        // The first screen, as a phone shows it (the whole report is tens of thousands of pixels tall).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.Empty(requests);
        Assert.True(sections > 0, "The report at phone width has no sections.");
        Screenshots.AssertPng(path);
    }

    [Fact]
    public async Task The_quickstart_report_has_no_serious_accessibility_violation()
    {
        var (page, _) = await OpenAsync("report.html", width: Screenshots.Desktop, scale: 1);

        await AxeAssert.NoSeriousViolationsAsync(page, "quickstart report");
    }

    [Fact]
    public async Task The_quickstart_map_has_no_serious_accessibility_violation()
    {
        var (page, _) = await OpenAsync("map.svg");

        await AxeAssert.NoSeriousViolationsAsync(page, "quickstart map (SVG)");
    }

    private async Task<(IPage Page, List<string> Requests)> OpenAsync(string file, int width = 1280, float scale = 2)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, DeviceScaleFactor = scale });
        var requests = new List<string>();
        var url = new Uri(Path.Combine(_output, file)).AbsoluteUri;
        page.Request += (_, request) =>
        {
            if (request.Url != url)
            {
                lock (requests)
                {
                    requests.Add(request.Url);
                }
            }
        };
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, requests);
    }
}
