using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Dates follow the browser's locale and time zone (format.js): fixed here so the expected text is the same everywhere.
    private Task<IPage> OpenAsync(string hash, Action<IPage>? beforeLoad = null) =>
        WebPage.OpenAsync(fixture, hash, width: 1600, locale: "en-GB", timeZone: "UTC", beforeLoad: beforeLoad);

    [BrowserFact]
    public async Task Clicking_an_activity_on_the_map_opens_its_detail_view_with_its_widgets()
    {
        var page = await OpenAsync("#/map");

        await page.Locator("[data-testid=map-node]", new() { HasText = "Checkout" }).ClickAsync();

        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        var widgets = page.Locator("#detail .widget");
        await Expect(widgets).ToHaveCountAsync(5);
        await Expect(widgets.Nth(0)).ToContainTextAsync("Checkout completion");
        await Expect(widgets.Nth(1)).ToContainTextAsync("Checkouts started");
        await Expect(widgets.Nth(3)).ToContainTextAsync("3-D Secure fallback");
        await Expect(page.Locator("#detail .history li").First).ToContainTextAsync("analytics-feed");
        Assert.EndsWith("#/map/" + SampleIds.Activity("Checkout"), page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_acknowledged_warning_stays_acknowledged_after_a_reload()
    {
        var page = await OpenAsync("#/warnings");
        var row = page.Locator($"tr[data-warning-key='metric.threshold@metric:{SampleIds.Widget("Support call", "Average wait")}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "open");

        await row.Locator("button[data-action=acknowledge]").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");
        await page.ReloadAsync();

        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(row.Locator(".state")).ToContainTextAsync("acknowledged by web user");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Recording_an_observation_in_the_detail_view_shows_it_as_the_latest_value()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Review request"));
        // The first metric is the response rate; the second counts the reviews written.
        var metric = page.Locator("#detail .widget[data-kind=metric]").First;
        await Expect(metric).ToContainTextAsync("on 4 Apr 2026");

        await metric.Locator("input[name=value]").FillAsync("14.5");
        await metric.Locator("button[type=submit]").ClickAsync();

        await Expect(page.Locator("#detail .widget[data-kind=metric]").First.Locator(".value")).ToHaveTextAsync("14.5 %");
        await Expect(page.Locator("#detail .widget[data-kind=metric]").First).ToContainTextAsync("on 5 Apr 2026");
        await Expect(page.Locator("#detail .history li").First).ToContainTextAsync("web user");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_whole_workspace_scope_lists_every_journeys_warnings_with_counts()
    {
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OutOfDark.Extensions.DependencyInjection.DueRecheckService>(fixture.Services).RecheckAsync();
        var page = await OpenAsync("#/warnings");

        await page.Locator("select[name=scope]").SelectOptionAsync("workspace");

        await Expect(page.Locator("#warnings thead .journey-column").First).ToBeVisibleAsync();
        await Expect(page.Locator("#warnings tbody tr td.journey-column").First).ToHaveTextAsync(OnlineStoreJourney.Name);
        // The summary adds up to the sections' headings: what needs attention, then the folded sections' totals.
        await Expect(page.Locator("#warning-counts")).ToContainTextAsync("need attention across the workspace");
        var summary = await page.Locator("#warning-counts").TextContentAsync() ?? "";
        foreach (var section in new[] { "open", "snoozed", "acknowledged" })
        {
            var heading = await page.Locator($"#warnings [data-section={section}] > h2, #warnings [data-section={section}] > summary").First.TextContentAsync() ?? "";
            var total = System.Text.RegularExpressions.Regex.Match(heading, @"\((\d+)\)").Groups[1].Value;
            Assert.Contains(section == "open" ? $"{total} need attention" : $"{total} {section}", summary, StringComparison.Ordinal);
        }

        await page.Locator("select[name=severity]").SelectOptionAsync("critical");
        await Expect(page.Locator("#warnings tbody tr .sev-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator("#warnings tbody tr .sev-critical").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_warnings_view_filters_by_severity()
    {
        var page = await OpenAsync("#/warnings");

        await page.Locator("select[name=severity]").SelectOptionAsync("critical");

        await Expect(page.Locator("#warnings tbody tr .sev-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator("#warnings tbody tr .sev-critical").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_activity_named_like_markup_shows_as_text()
    {
        const string Name = "<img src=x onerror=alert(1)>";
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var added = await http.PostAsJsonAsync(ApiClient.JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = Name });
        added.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var dialogs = 0;

        var page = await OpenAsync("#/map/" + id, p => p.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); });

        await Expect(page.Locator("#detail-name")).ToHaveTextAsync(Name);
        await Expect(page.Locator($"#map [data-activity-id='{id}'] > title")).ToContainTextAsync(Name);
        await Expect(page.Locator("img")).ToHaveCountAsync(0);
        await page.Locator("#nav-warnings").ClickAsync();
        await Expect(page.Locator("#warnings [data-section=open] tbody")).ToContainTextAsync(Name);
        await Expect(page.Locator("img")).ToHaveCountAsync(0);
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }
}
