using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Names of 500 characters without a break (the longest the server takes) for a phase, an activity, its owner, a
/// persona and a metric: History, the warnings (with their Phase and Owner filters) and Detail wrap them, so no view
/// scrolls sideways at desktop (1400 px) or phone (390 px) width and the filters and columns stay in view.
/// </summary>
public sealed class LongNameLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Long = new('W', 500);

    private static readonly string Checkout = SampleIds.Activity("Checkout").ToString();

    private bool _renamed;

    private async Task RenameAsync()
    {
        if (_renamed)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        var changes = new (string Path, object Body)[]
        {
            ("/phases/" + SampleIds.Phase("Do"), new { name = "Phase" + Long[5..] }),
            ("/activities/" + Checkout, new { name = "Activity" + Long[8..], owner = "Owner" + Long[5..] }),
            ("/personas/" + SampleIds.Persona("Gift shopper"), new { name = "Persona" + Long[7..] }),
            ("/widgets/" + SampleIds.Widget("Blog post: winter layering guide", "Visits"), new { title = "Metric" + Long[6..] }),
        };
        foreach (var (path, body) in changes)
        {
            using var response = await ApiClient.SendAsync(client, HttpMethod.Put, ApiClient.JourneyPath + path, body, null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path + ": " + await response.Content.ReadAsStringAsync());
        }

        _renamed = true;
    }

    [BrowserFact]
    public Task History_does_not_scroll_sideways_at_desktop_width() => HistoryAsync(1400);

    [BrowserFact]
    public Task History_does_not_scroll_sideways_at_phone_width() => HistoryAsync(Screenshots.Phone);

    [BrowserFact]
    public Task The_warnings_and_their_filters_stay_in_view_at_desktop_width() => WarningsAsync(1400);

    [BrowserFact]
    public Task The_warnings_and_their_filters_stay_in_view_at_phone_width() => WarningsAsync(Screenshots.Phone);

    [BrowserFact]
    public Task Detail_does_not_scroll_sideways_at_desktop_width() => DetailAsync(1400);

    [BrowserFact]
    public Task Detail_does_not_scroll_sideways_at_phone_width() => DetailAsync(Screenshots.Phone);

    private async Task HistoryAsync(int width)
    {
        await RenameAsync();
        var page = await WebPage.OpenAsync(fixture, "#/history", width);
        await Expect(page.Locator("#history-list[data-shows]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#history-list li", new() { HasText = "Phase" + Long[5..] }).First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "History", "#history-view");
        await page.Context.CloseAsync();
    }

    private async Task WarningsAsync(int width)
    {
        await RenameAsync();
        var page = await WebPage.OpenAsync(fixture, "#/warnings?state=all", width);
        await Expect(page.Locator("#warnings tbody tr", new() { HasText = "Metric" + Long[6..] }).First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page, "Warnings", "#warnings-view");
        foreach (var name in new[] { "phase", "owner", "state" })
        {
            var box = await page.Locator($"#warning-filters [name={name}]").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"The {name} filter runs from {box.X} to {box.X + box.Width} px in a {width} px window.");
        }

        await page.Locator("#warning-filters [name=phase]").SelectOptionAsync(new SelectOptionValue { Label = "Phase" + Long[5..] });
        await Expect(page.Locator("#warning-filters [name=phase]")).ToHaveValueAsync(SampleIds.Phase("Do").ToString());
        await page.Context.CloseAsync();
    }

    private async Task DetailAsync(int width)
    {
        await RenameAsync();
        var page = await WebPage.OpenAsync(fixture, "#/map/" + Checkout, width);
        await Expect(page.Locator("#detail-history[data-shows]")).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync(page, "Detail", "#detail");
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string view, string container)
    {
        var sizes = await page.EvaluateAsync<int[]>(
            "c => { const e = document.querySelector(c); const d = document.documentElement; return [d.scrollWidth, d.clientWidth, e.scrollWidth, e.clientWidth]; }",
            container);
        Assert.True(sizes[0] <= sizes[1], $"{view}: the page is {sizes[0]} px wide in a {sizes[1]} px window.");
        Assert.True(sizes[2] <= sizes[3], $"{view}: {container} holds {sizes[2]} px in {sizes[3]} px.");
    }
}
