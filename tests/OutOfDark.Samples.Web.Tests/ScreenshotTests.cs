using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The web sample's screenshots the README and the sample's README show, at desktop (1400 px) and phone (390 px)
/// width: each view loads without a console error, fits the width (WCAG reflow: no page-wide sideways scrolling) and
/// gives a real image. They go to a temporary folder unless <c>OUTOFDARK_SCREENSHOTS</c> names one (see
/// <see cref="Screenshots"/>).
/// </summary>
public sealed class ScreenshotTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task The_map_with_the_detail_view_open_is_captured_at_desktop_width() =>
        CaptureAsync("#/map/" + SampleIds.Activity("Checkout"), "#detail-name", Screenshots.Desktop, "web-map-detail.png");

    [BrowserFact]
    public Task The_warnings_view_is_captured_at_desktop_width() =>
        CaptureAsync("#/warnings", "#warnings tbody tr", Screenshots.Desktop, "web-warnings.png");

    [BrowserFact]
    public Task The_detail_view_is_captured_at_phone_width() =>
        CaptureAsync("#/map/" + SampleIds.Activity("Checkout"), "#detail-name", Screenshots.Phone, "web-detail-phone.png");

    [BrowserFact]
    public Task The_warnings_view_is_captured_at_phone_width() =>
        CaptureAsync("#/warnings", "#warnings tbody tr", Screenshots.Phone, "web-warnings-phone.png");

    [BrowserFact]
    public Task The_map_is_captured_at_phone_width() =>
        CaptureAsync("#/map", "[data-testid=map-node]", Screenshots.Phone, "web-map-phone.png");

    [BrowserFact]
    public Task The_edit_panel_of_the_detail_view_is_captured_at_desktop_width() =>
        CaptureAsync("#/map/" + SampleIds.Activity("Checkout"), "#detail-name", Screenshots.Desktop, "web-edit.png", async page =>
        {
            // The Detail view scrolled to its edit forms, a widget's own form open.
            await page.Locator("#detail .widget[data-kind=metric] [data-edit=edit-widget]").First.ClickAsync();
            await page.Locator("#edit-widget-0").EvaluateAsync("form => form.scrollIntoView({ block: 'center' })");
        });

    [BrowserFact]
    public Task The_journey_panel_is_captured_at_phone_width() =>
        CaptureAsync("#/map", "#edit-journey summary", Screenshots.Phone, "web-edit-phone.png", async page =>
        {
            await page.Locator("#edit-journey summary").ClickAsync();
            await page.Locator("#edit-journey summary").EvaluateAsync("summary => summary.scrollIntoView()");
        });

    [BrowserFact]
    public Task The_history_view_is_captured_at_desktop_width() =>
        CaptureAsync("#/history", "#history-list[data-shows=everything] .history li", Screenshots.Desktop, "web-history.png");

    [BrowserFact]
    public Task The_history_view_is_captured_at_phone_width() =>
        CaptureAsync("#/history", "#history-list[data-shows=everything] .history li", Screenshots.Phone, "web-history-phone.png");

    [BrowserFact]
    public Task The_snooze_form_of_the_warnings_view_is_captured_at_phone_width() =>
        CaptureAsync("#/warnings", "#warnings tbody tr", Screenshots.Phone, "web-triage-phone.png", async page =>
        {
            var row = page.Locator("#warnings [data-section=open] tbody tr").First;
            await row.Locator("input.select").CheckAsync();
            await row.Locator("button[data-action=snooze]").ClickAsync();
            await Expect(row.Locator("form.snooze")).ToBeVisibleAsync();
            // The table scrolls sideways inside its section: the snooze form, in the last column, is brought into view.
            await row.Locator("form.snooze").EvaluateAsync("form => form.scrollIntoView({ block: 'center', inline: 'end' })");
        });

    private async Task CaptureAsync(string hash, string shown, int width, string file, Func<IPage, Task>? arrange = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width == Screenshots.Phone ? 844 : 900 },
            DeviceScaleFactor = width == Screenshots.Phone ? 2 : 1,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = PageErrors.Watch(page);

        await page.GotoAsync("/" + hash);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator(shown).First).ToBeVisibleAsync();
        if (shown == "#detail-name")
        {
            // The phone shot shows the Detail view, scrolled into view as a user would after tapping an activity.
            await page.Locator("#detail").ScrollIntoViewIfNeededAsync();
        }

        if (arrange is not null)
        {
            await arrange(page);
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var path = Screenshots.PathOf(file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        Assert.True(overflow <= 0, $"At {width} px the page scrolls sideways by {overflow} px.");
        Screenshots.AssertPng(path);
        await context.CloseAsync();
    }
}
