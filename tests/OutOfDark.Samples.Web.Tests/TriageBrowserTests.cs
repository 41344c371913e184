using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The triage, search, export, history and retry views of the web sample, in Chromium.</summary>
public sealed class TriageBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string url) =>
        WebPage.OpenAsync(fixture, url, locale: "en-GB", timeZone: "UTC", configure: o => o.AcceptDownloads = true);

    private async Task<JsonElement[]> OpenWarningsAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var (body, _) = await ApiClient.GetAsync(http, ApiClient.JourneyPath + "/warnings?state=open");
        return [.. body.EnumerateArray()];
    }

    private static ILocator Section(IPage page, string state) => page.Locator($"#warnings [data-section={state}]").First;

    [BrowserFact]
    public async Task The_warnings_view_shows_what_needs_attention_with_counts_in_the_navigation()
    {
        var open = await OpenWarningsAsync();
        var critical = open.Count(w => w.GetProperty("severity").GetString() == "critical");
        var warning = open.Count(w => w.GetProperty("severity").GetString() == "warning");

        var page = await OpenAsync("#/warnings");

        var info = open.Count(w => w.GetProperty("severity").GetString() == "info");
        var each = new[] { (critical, "critical"), (warning, "warning"), (info, "info") }.Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}").ToList();
        var counts = string.Join(" · ", each);
        Assert.NotEmpty(counts);
        // The badge counts every severity that needs attention, info too, and says the total in its accessible name.
        await Expect(page.Locator("#nav-warnings")).ToHaveTextAsync("Warnings " + counts);
        await Expect(page.Locator("#nav-warnings")).ToHaveAttributeAsync("aria-label", $"Warnings {counts}, {open.Length} need attention");
        await Expect(page.Locator("#warning-counts")).ToContainTextAsync($"{open.Length} need attention in this journey");
        await Expect(Section(page, "open").Locator("h2")).ToHaveTextAsync($"Needs attention ({open.Length})");
        await Expect(Section(page, "open").Locator("tbody tr")).ToHaveCountAsync(open.Length);
        await Expect(Section(page, "open").Locator("tbody tr:not([data-state=open])")).ToHaveCountAsync(0);
        // Snoozed and acknowledged warnings are set apart, folded; resolved ones are not shown by default.
        await Expect(page.Locator("details[data-section=snoozed]")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("details[data-section=acknowledged]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-section=resolved]")).ToHaveCountAsync(0);
        // Evidence is on the page, not only in a tooltip.
        await Expect(Section(page, "open").Locator(".evidence").First).ToBeVisibleAsync();
        await Expect(page.Locator("header")).Not.ToContainTextAsync(new Regex(@"version\s*\d"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Selecting_several_warnings_acknowledges_them_in_one_go()
    {
        var page = await OpenAsync("#/warnings");
        var rows = Section(page, "open").Locator("tbody tr");
        var keys = new[] { await rows.Nth(0).GetAttributeAsync("data-warning-key"), await rows.Nth(1).GetAttributeAsync("data-warning-key") };

        await rows.Nth(0).Locator("input.select").CheckAsync();
        await rows.Nth(1).Locator("input.select").CheckAsync();
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("2 warnings selected");
        await page.Locator("#bulk-acknowledge").ClickAsync();

        await Expect(page.Locator("#message")).ToHaveTextAsync("Acknowledged 2 warnings.");
        foreach (var key in keys)
        {
            var row = page.Locator($"tr[data-warning-key='{key}']");
            await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");
            await Expect(page.Locator($"details[data-section=acknowledged] tr[data-warning-key='{key}']")).ToHaveCountAsync(1);
        }

        await Expect(page.Locator("#bulk-bar")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_whole_workspace_scope_has_the_same_triage()
    {
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OutOfDark.Extensions.DependencyInjection.DueRecheckService>(fixture.Services).RecheckAsync();
        var page = await OpenAsync("#/warnings?scope=workspace");
        await Expect(page.Locator("select[name=scope]")).ToHaveValueAsync("workspace");
        var rows = Section(page, "open").Locator("tbody tr");
        await Expect(rows.First.Locator("td.journey-column")).ToHaveTextAsync(OnlineStoreJourney.Name);
        var key = await rows.First.GetAttributeAsync("data-warning-key");

        await rows.First.Locator("input.select").CheckAsync();
        await page.Locator("#bulk-acknowledge").ClickAsync();

        await Expect(page.Locator($"details[data-section=acknowledged] tr[data-warning-key='{key}']")).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(page).ToHaveURLAsync(new Regex("#/warnings\\?scope=workspace$"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Snoozing_for_a_chosen_length_with_a_note_sets_the_warning_apart_until_then()
    {
        var page = await OpenAsync("#/warnings");
        var first = Section(page, "open").Locator("tbody tr").First;
        var key = await first.GetAttributeAsync("data-warning-key");

        await first.Locator("button[data-action=snooze]").ClickAsync();
        await first.Locator("form.snooze select[name=period]").SelectOptionAsync("1");
        await first.Locator("form.snooze textarea[name=note]").FillAsync("waiting for the carrier's fix");
        await first.Locator("form.snooze button[type=submit]").ClickAsync();

        var row = page.Locator($"details[data-section=snoozed] tr[data-warning-key='{key}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "snoozed");
        // The sample's clock starts at 2026-04-05 09:00 UTC: one day later.
        await Expect(row.Locator(".state")).ToContainTextAsync("until 6 Apr 2026");
        await Expect(row.Locator(".note")).ToContainTextAsync("waiting for the carrier's fix");

        var second = Section(page, "open").Locator("tbody tr").First;
        var secondKey = await second.GetAttributeAsync("data-warning-key");
        await second.Locator("button[data-action=snooze]").ClickAsync();
        await second.Locator("form.snooze select[name=period]").SelectOptionAsync("custom");
        await second.Locator("form.snooze input[name=until]").FillAsync("2026-04-20");
        await second.Locator("form.snooze button[type=submit]").ClickAsync();
        await Expect(page.Locator($"details[data-section=snoozed] tr[data-warning-key='{secondKey}'] .state")).ToContainTextAsync("until 20 Apr 2026");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Filters_live_in_the_url_and_survive_a_reload_and_back()
    {
        var page = await OpenAsync("#/warnings");

        await page.Locator("select[name=severity]").SelectOptionAsync("critical");
        await Expect(page).ToHaveURLAsync(new Regex("#/warnings\\?severity=critical$"));
        await page.Locator("select[name=state]").SelectOptionAsync("all");
        await Expect(page).ToHaveURLAsync(new Regex("severity=critical&state=all$"));
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await Expect(page.Locator("select[name=severity]")).ToHaveValueAsync("critical");
        await Expect(page.Locator("select[name=state]")).ToHaveValueAsync("all");
        await Expect(page.Locator("#warnings tbody tr .sev-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator("#warnings tbody tr .sev-critical").First).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Expect(page.Locator("select[name=state]")).ToHaveValueAsync("");
        await Expect(page.Locator("select[name=severity]")).ToHaveValueAsync("critical");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_warnings_subject_opens_its_detail_view()
    {
        var page = await OpenAsync("#/warnings?state=all");
        var row = page.Locator($"tr[data-warning-key='metric.threshold@metric:{SampleIds.Widget("Support call", "Average wait")}']");

        await row.Locator("a.subject").ClickAsync();

        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Support call");
        Assert.EndsWith("#/map/" + SampleIds.Activity("Support call"), page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Search_finds_activities_by_name_and_by_owner_and_opens_their_detail_view()
    {
        var page = await OpenAsync("#/map");

        await page.Locator("#search").FillAsync("sara");
        var results = page.Locator("#search-results a");
        await Expect(results.First).ToBeVisibleAsync();
        await Expect(page.Locator("#search-results li").First).ToContainTextAsync("owner: Sara Lind");

        await page.Locator("#search").FillAsync("checkout");
        await page.Locator("#search-results a", new() { HasTextRegex = new Regex("^Checkout$") }).ClickAsync();

        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        await Expect(page.Locator("#search-results")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Search_says_when_it_lists_only_the_first_20_of_its_results()
    {
        var page = await OpenAsync("#/map");

        await page.Locator("#search").FillAsync("e");
        await Expect(page.Locator("#search-results a")).ToHaveCountAsync(20);
        await Expect(page.Locator("#search-results .search-more")).ToHaveTextAsync(new Regex("^20 of [0-9]+ shown; type more to narrow the search\\.$"));

        await page.Locator("#search").FillAsync("checkout");
        await Expect(page.Locator("#search-results .search-more")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Each_export_button_downloads_a_non_empty_file_of_its_type()
    {
        var page = await OpenAsync("#/map");
        foreach (var (format, extension) in new[] { ("report", ".html"), ("svg", ".svg"), ("mermaid", ".mmd"), ("csv", ".csv"), ("json", ".json") })
        {
            await page.Locator("#exports summary").ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#exports a[data-export={format}]").ClickAsync());
            var path = await download.PathAsync();

            Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
            Assert.True(new FileInfo(path!).Length > 100, $"the {format} download is not empty");
            await page.Locator("#exports summary").ClickAsync();
        }

        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task When_the_server_is_down_a_banner_offers_retry_and_the_view_loads_once_it_is_back()
    {
        var page = await OpenAsync("#/map");
        var attempts = 0;
        await page.RouteAsync("**/api/**", route =>
        {
            Interlocked.Increment(ref attempts);
            return route.AbortAsync("connectionrefused");
        });

        await page.Locator("#nav-warnings").ClickAsync();

        await Expect(page.Locator("#offline")).ToBeVisibleAsync();
        await Expect(page.Locator("#offline")).ToContainTextAsync("cannot be reached");
        // Tried again on its own after 1 s, 2 s and 4 s; the next try is 8 s away, so "Retry now" is what brings it back.
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref attempts) < 4)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"the page retried {attempts} times in 30 s");
            await Task.Delay(100);
        }

        await page.UnrouteAllAsync();
        await page.Locator("#offline-retry").ClickAsync();
        await Expect(page.Locator("#offline")).ToBeHiddenAsync();
        await Expect(Section(page, "open").Locator("tbody tr").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_refused_value_is_shown_next_to_its_field_without_ids_and_cleared_when_edited()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        var form = page.Locator("#detail .widget[data-kind=metric]").First.Locator("form.record");

        // A date after tomorrow is kept from being sent by the date field's own range (the server's rule, in the page).
        await form.Locator("input[name=date]").FillAsync("2026-05-01");
        Assert.True(await form.Locator("input[name=date]").EvaluateAsync<bool>("input => input.validity.rangeOverflow"));

        // A value the server refuses (more decimal places than a metric value holds) is shown next to the value field.
        await form.Locator("input[name=date]").FillAsync("2026-04-05");
        await form.Locator("input[name=value]").FillAsync("0.1234567890123456789012345678901");
        await form.Locator("button[type=submit]").ClickAsync();

        var error = form.Locator(".field-error[data-field=value]");
        await Expect(error).ToContainTextAsync("more than 28 decimal places");
        await Expect(error).Not.ToContainTextAsync(new Regex("[0-9a-f]{8}-[0-9a-f]{4}"));
        await Expect(form.Locator("input[name=value]")).ToHaveAttributeAsync("aria-invalid", "true");
        await form.Locator("input[name=value]").FillAsync("50");
        await Expect(error).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_history_groups_recorded_values_with_human_dates_filters_by_kind_and_shows_more()
    {
        using (var http = new HttpClient { BaseAddress = fixture.BaseAddress })
        {
            var path = ApiClient.JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Checkouts started") + "/observations";
            foreach (var date in new[] { "2026-04-05", "2026-04-06" })
            {
                using var recorded = await ApiClient.SendAsync(http, HttpMethod.Post, path, new { date, value = 900 }, null);
                recorded.EnsureSuccessStatusCode();
            }
        }

        var page = await OpenAsync("#/history?kind=observations");
        await Expect(page.Locator("#history-list[data-shows=observations]")).ToHaveCountAsync(1);

        var first = page.Locator("#history-list .history > li").First;
        await Expect(first).ToContainTextAsync("Recorded 2 values of \"Checkouts started\"");
        await Expect(first.Locator("time")).ToContainTextAsync(new Regex("^today \\d{2}:\\d{2} · web user"));
        await Expect(page.Locator("#history-kind")).ToHaveValueAsync("observations");
        await Expect(page.Locator("#history-list .history > li:not([data-kind=observations])")).ToHaveCountAsync(0);
        await page.Locator("#history-kind").SelectOptionAsync("");
        await Expect(page).ToHaveURLAsync(new Regex("#/history$"));
        await Expect(page.Locator("#history-list[data-shows=everything] .show-more")).ToBeVisibleAsync();
        var shown = await page.Locator("#history-list .history > li").CountAsync();
        await page.Locator("#history-list .show-more").ClickAsync();
        await Expect(page.Locator("#history-list .history > li")).Not.ToHaveCountAsync(shown);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_emotion_lane_switches_persona_and_reads_as_words()
    {
        var page = await OpenAsync("#/map");

        var lane = page.Locator("#emotion-lane");
        await Expect(lane.Locator("svg.emotion-chart")).ToBeVisibleAsync();
        var options = await lane.Locator("#persona option").AllTextContentsAsync();
        Assert.True(options.Count >= 2, "the seeded journey has emotions of two personas or more");
        await lane.Locator("#persona").SelectOptionAsync(new SelectOptionValue { Label = options[1] });

        await Expect(lane.Locator(".emotion-table summary")).ToHaveTextAsync($"{options[1]}'s emotions as a table");
        await Expect(lane.Locator(".emotion-table tbody td").Nth(2)).ToHaveTextAsync(new Regex(@"^(very negative|negative|neutral|positive|very positive) \((−\d|0|\+\d)\)$"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_persona_switcher_also_filters_the_detail_views_emotions()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        var emotion = page.Locator("#detail .widget[data-kind=emotion]");
        await Expect(emotion).ToContainTextAsync("First-time buyer feels very negative (−2); should feel positive (+1)");
        await Expect(page.Locator("#detail-persona")).ToHaveValueAsync("");

        await page.Locator("#emotion-lane #persona").SelectOptionAsync(new SelectOptionValue { Label = "Gift shopper" });

        await Expect(page.Locator("#detail-persona")).ToHaveValueAsync("Gift shopper");
        await Expect(emotion).ToBeHiddenAsync();
        await Expect(page.Locator("#detail .persona-empty")).ToHaveTextAsync("No emotion of Gift shopper recorded here.");
        await page.Locator("#detail-persona").SelectOptionAsync("First-time buyer");
        await Expect(emotion).ToBeVisibleAsync();
        await Expect(page.Locator("#emotion-lane #persona option:checked")).ToHaveTextAsync("First-time buyer");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_favicon_is_an_svg()
    {
        var page = await OpenAsync("#/map");

        var response = await page.APIRequest.GetAsync("/favicon.svg");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"], StringComparison.Ordinal);
        await Expect(page.Locator("link[rel=icon]")).ToHaveAttributeAsync("href", "favicon.svg");
        await page.Context.CloseAsync();
    }
}
