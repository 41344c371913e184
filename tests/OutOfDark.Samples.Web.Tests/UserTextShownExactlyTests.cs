using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The page rewrites the domain's dates, ids, rule ids and long decimals for people, but never what a user typed: a
/// name, a metric title or a note holding an ISO date, a long decimal, a GUID and a rule id shows exactly as typed,
/// while a domain date in the same message is still shown humanly. Its own fixture: the names it adds would show ISO
/// dates in views other tests check for none.
/// </summary>
public sealed class UserTextShownExactlyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Name = "Launch 2026-04-12 pi 3.14159265 ref 1f90634b-ffb9-5ebe-b7a0-a8749d56d99a metric.threshold";
    private const string Title = "Visits 2026-04-12 pi 3.14159265 metric.threshold";
    private const string Note = "checked on 2026-04-12 against metric.threshold";

    private async Task<string> ActivityIdAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using (var created = await ApiClient.SendAsync(client, HttpMethod.Post, ApiClient.JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = Name, kind = "Touchpoint", reason = Note }, null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.JsonAsync();
            var widget = SampleIds.Widget("Blog post: winter layering guide", "Visits");
            using var renamed = await ApiClient.SendAsync(client, HttpMethod.Put, ApiClient.JourneyPath + "/widgets/" + widget, new { title = Title }, null);
            Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
            return body.GetProperty("id").GetString()!;
        }
    }

    private async Task<IPage> OpenAsync(string hash)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/" + hash);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        return page;
    }

    [BrowserFact]
    public async Task Names_titles_and_notes_show_exactly_as_typed_while_the_domains_dates_are_shown_humanly()
    {
        var activity = await ActivityIdAsync();

        var page = await OpenAsync("#/warnings?state=all");
        var noOwner = page.Locator($"#warnings tr[data-warning-key='activity.no-owner@activity:{activity}'] .message");
        await Expect(noOwner).ToHaveTextAsync($"'{Name}' has no owner");
        var stale = page.Locator($"#warnings tr[data-warning-key='metric.stale@metric:{SampleIds.Widget("Blog post: winter layering guide", "Visits")}'] .message");
        await Expect(stale).ToHaveTextAsync($"{Title} has had no observation since 1 Mar 2026 — limit 30 days");
        await page.Context.CloseAsync();

        page = await OpenAsync("#/history");
        await Expect(page.Locator("#history-list[data-shows]")).ToHaveCountAsync(1);
        var added = page.Locator("#history-list li", new() { HasTextString = Name }).First;
        var line = await added.EvaluateAsync<string>("e => [...e.childNodes].filter(n => n.nodeName !== 'TIME').map(n => n.textContent).join('')");
        Assert.Contains($"\"{Name}\"", line, System.StringComparison.Ordinal);
        Assert.Contains($"({Note})", line, System.StringComparison.Ordinal);
        await Expect(page.Locator("#history-list li", new() { HasTextString = Title }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        page = await OpenAsync("#/map/" + activity);
        await Expect(page.Locator("#detail-history[data-shows]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".activity-warnings li", new() { HasTextString = "has no owner" })).ToContainTextAsync($"'{Name}' has no owner");
        await page.Context.CloseAsync();
    }
}
