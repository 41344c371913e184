using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
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
/// The web sample names people and rules and shows numbers humanly, in Chromium (Tokyo time, en-GB): "Your name" is
/// what history and triage show and survives a reload; a save refused by someone else's change keeps what was typed
/// and says who changed what and when in local time; rules by name, never by id; long decimals in messages rounded;
/// evidence values with the metric's unit; workspace rows naming the metric.
/// </summary>
public sealed partial class PeopleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string SupportCallThreshold = $"metric.threshold@metric:{SampleIds.Widget("Support call", "Average wait")}";

    private async Task<IPage> OpenAsync(string hash, IBrowserContext? context = null)
    {
        context ??= await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1800, Height = 1100 },
            TimezoneId = "Asia/Tokyo",
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/" + hash);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        return page;
    }

    private HttpClient Client() => new() { BaseAddress = fixture.BaseAddress };

    [BrowserFact]
    public async Task The_name_given_is_what_triage_and_history_show_and_a_reload_keeps_it()
    {
        var page = await OpenAsync("#/warnings?state=all");
        const string name = "Zoë Łukasiewicz";
        var field = page.GetByLabel("Your name");
        await field.FillAsync(name);
        await field.PressAsync("Tab");

        var row = page.Locator($"#warnings tr[data-warning-key='{SupportCallThreshold}']");
        await row.Locator("button[data-action=acknowledge]").ClickAsync();
        await Expect(row.Locator("td.state")).ToContainTextAsync("acknowledged by " + name);

        await page.GotoAsync("/#/history");
        await Expect(page.Locator("#history-list[data-shows]")).ToHaveCountAsync(1);
        var newest = page.Locator("#history-list ol.history > li").First;
        await Expect(newest.Locator("time")).ToContainTextAsync(" · " + name);
        await Expect(newest).ToContainTextAsync("Acknowledged warning \"Metric past threshold\"");

        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync(name);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_save_refused_by_someone_elses_change_keeps_what_was_typed_and_says_who_and_when_in_local_time()
    {
        var activity = SampleIds.Activity("Delivery");
        var page = await OpenAsync("#/map/" + activity);
        var owner = page.Locator("#edit-activity [name=owner]");
        await owner.FillAsync("Typed by Ana");

        // Meanwhile Ben changes the same activity.
        using var client = Client();
        var path = ApiClient.JourneyPath + "/activities/" + activity;
        var (detail, etag) = await ApiClient.GetAsync(client, path);
        var a = detail.GetProperty("activity");
        using (var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = JsonContent.Create(new
            {
                name = a.GetProperty("name").GetString(),
                kind = a.GetProperty("kind").GetString(),
                status = a.GetProperty("status").GetString(),
                owner = "Ben Okafor",
                team = a.GetProperty("team").GetString(),
                channels = a.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToArray(),
                description = a.GetProperty("description").GetString(),
            }),
        })
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            request.Headers.Add("X-Actor", "Ben Okafor");
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var (history, _) = await ApiClient.GetAsync(client, ApiClient.JourneyPath + "/history?limit=1");
        var at = DateTimeOffset.Parse(history.GetProperty("items")[0].GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
        var tokyo = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        await page.Locator("#edit-activity button[type=submit]").ClickAsync();

        var banner = page.Locator("#edit-activity .conflict");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync($"Ben Okafor changed activity 'Delivery' on {EnGb(tokyo)}");
        // The banner names what Ben changed and to what, and only that (the 412's conflicts carry the fields).
        await Expect(banner.Locator("li")).ToContainTextAsync(": owner is now “Ben Okafor”");
        Assert.DoesNotContain("team is now", await banner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", await banner.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(owner).ToHaveValueAsync("Typed by Ana");
        await Expect(banner.GetByRole(AriaRole.Button, new() { Name = "Reload their change" })).ToBeVisibleAsync();

        await banner.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(owner).ToHaveValueAsync("Typed by Ana");
        await page.Locator("#edit-activity button[type=submit]").ClickAsync();
        await Expect(page.Locator("#detail dd", new() { HasText = "Typed by Ana" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task History_and_triage_name_rules_never_show_their_ids()
    {
        using (var client = Client())
        {
            using var response = await ApiClient.SendAsync(client, HttpMethod.Post, ApiClient.JourneyPath + "/warnings/snooze",
                new { rule = "metric.stale", subject = "metric:" + SampleIds.Widget("Blog post: winter layering guide", "Visits"), days = 7 }, "*");
            response.EnsureSuccessStatusCode();
        }

        await fixture.Services.GetRequiredService<DueRecheckService>().RecheckAsync();
        var found = new System.Collections.Generic.List<string>();
        foreach (var (hash, ready) in new[]
        {
            ("#/history", "#history-list[data-shows]"),
            ("#/history?kind=warnings", "#history-list[data-shows=warnings]"),
            ("#/warnings?state=all", "#warnings tbody tr"),
            ("#/warnings?scope=workspace&state=all", "#warnings td.journey-column"),
        })
        {
            var page = await OpenAsync(hash);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            var text = await page.Locator("main").InnerTextAsync();
            found.AddRange(RuleId().Matches(text).Select(m => $"{hash}: {m.Value}"));
            if (hash.StartsWith("#/history?", StringComparison.Ordinal))
            {
                Assert.Contains("Snoozed warning \"No recent observation\"", text, StringComparison.Ordinal);
            }

            await page.Context.CloseAsync();
        }

        Assert.True(found.Count == 0, "Rule ids on screen:\n" + string.Join('\n', found));
    }

    [BrowserFact]
    public async Task A_long_decimal_in_a_message_is_rounded_on_screen_while_the_api_keeps_it_exact()
    {
        using var client = Client();
        var (warnings, _) = await ApiClient.GetAsync(client, ApiClient.JourneyPath + "/warnings?state=open");
        var warning = warnings.EnumerateArray().First(w => LongDecimal().IsMatch(w.GetProperty("message").GetString()!));
        var message = warning.GetProperty("message").GetString()!;
        var page = await OpenAsync("#/warnings?state=all");

        var shown = await page.Locator($"#warnings tr[data-warning-key='{warning.GetProperty("key").GetString()}'] .message").InnerTextAsync();

        var exact = LongDecimal().Match(message).Value;
        Assert.DoesNotContain(exact, shown, StringComparison.Ordinal);
        var rounded = Math.Round(decimal.Parse(exact, CultureInfo.InvariantCulture), 3).ToString("#,##0.###", CultureInfo.InvariantCulture); // en-GB groups and separates as the invariant culture does
        Assert.Contains(rounded, shown, StringComparison.Ordinal);
        Assert.Matches(LongDecimal(), (await (await page.APIRequest.GetAsync(ApiClient.JourneyPath + "/warnings?state=open")).TextAsync()));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Evidence_values_of_a_metric_carry_its_unit_and_workspace_rows_name_the_metric()
    {
        var page = await OpenAsync("#/warnings?state=all");
        var row = page.Locator($"#warnings tr[data-warning-key='{SupportCallThreshold}']");
        var evidence = await row.EvaluateAsync<System.Collections.Generic.Dictionary<string, string>>(
            "r => Object.fromEntries([...r.querySelectorAll('dl.evidence dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent]))");
        Assert.EndsWith(" min", evidence["latest value"], StringComparison.Ordinal);
        Assert.Contains(evidence.Keys, k => k.EndsWith("threshold", StringComparison.Ordinal) && evidence[k].EndsWith(" min", StringComparison.Ordinal));
        Assert.False(evidence["observations past it"].EndsWith(" min", StringComparison.Ordinal));
        await Expect(row.Locator("a.subject")).ToHaveTextAsync("Average wait on Support call");
        await page.Context.CloseAsync();

        await fixture.Services.GetRequiredService<DueRecheckService>().RecheckAsync();
        using var client = Client();
        var (support, _) = await ApiClient.GetAsync(client, ApiClient.JourneyPath + "/activities/" + SampleIds.Activity("Support call"));
        // The workspace list pages by 50: the owner's warnings fit on its first page.
        var workspace = await OpenAsync("#/warnings?scope=workspace&state=all&owner=" + Uri.EscapeDataString(support.GetProperty("activity").GetProperty("owner").GetString()!));
        await Expect(workspace.Locator($"#warnings tr[data-warning-key='{SupportCallThreshold}'] td[data-label=Subject]")).ToHaveTextAsync("Average wait on Support call");
        await workspace.Context.CloseAsync();
    }

    // "30 Nov 2026, 16:02" as Chromium writes en-GB (the test host runs in invariant globalization mode).
    private static string EnGb(DateTimeOffset at) =>
        $"{at.Day} {new[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec" }[at.Month - 1]} {at.Year}, {at:HH:mm}";

    // A rule id as the engine writes it: "metric.baseline", "activity.no-owner", "web.negative-feedback".
    [GeneratedRegex(@"\b(?:metric|activity|touchpoint|emotion|phase|funnel|journey|web|kpi)\.[a-z][a-z-]*\b")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"\d+\.\d{4,}")]
    private static partial Regex LongDecimal();
}
