using System;
using System.Threading.Tasks;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Opening a view of the web sample in Chromium, as every browser test does.</summary>
internal static class WebPage
{
    /// <summary>
    /// Opens <paramref name="url"/> (a hash such as <c>#/map</c>, relative to the site) in a new browser context of the
    /// fixture's server, <paramref name="width"/>×<paramref name="height"/> CSS px, in the browser's own locale and time
    /// zone unless given; <paramref name="configure"/> changes the context's other options, <paramref name="beforeLoad"/>
    /// sees the page before it loads (to watch errors or dialogs). Returns once the app says it is ready.
    /// </summary>
    public static async Task<IPage> OpenAsync(
        BrowserFixture fixture,
        string url,
        int width = 1400,
        int height = 900,
        string? locale = null,
        string? timeZone = null,
        Action<BrowserNewContextOptions>? configure = null,
        Action<IPage>? beforeLoad = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = timeZone,
        };
        configure?.Invoke(options);
        return await OpenInAsync(await fixture.Browser.NewContextAsync(options), url, beforeLoad);
    }

    /// <summary>Opens <paramref name="url"/> in a new page of an existing context (two people in two contexts); returns once the app is ready.</summary>
    public static async Task<IPage> OpenInAsync(IBrowserContext context, string url, Action<IPage>? beforeLoad = null)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        beforeLoad?.Invoke(page);
        await page.GotoAsync("/" + url);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        return page;
    }
}
