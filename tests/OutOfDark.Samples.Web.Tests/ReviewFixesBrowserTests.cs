using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// What a CX-manager review of the web sample found, in Chromium: the message banner speaks words only (no field keys
/// such as <c>phaseId:</c>) and is cleared by the next change that goes through; the bulk tick boxes' names read dates
/// as the rows show them, not as ISO dates.
/// </summary>
public sealed partial class ReviewFixesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string hash) => WebPage.OpenAsync(fixture, hash);

    [GeneratedRegex(@"\b[a-z]+Id\s*:|\b\d{4}-\d{2}-\d{2}")]
    private static partial Regex KeyOrIsoDate();

    [BrowserFact]
    public async Task A_refused_removal_names_no_field_key_and_the_next_change_clears_it()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();
        var remove = page.Locator("form[aria-label='Phase See'] [data-edit=remove]");
        await remove.ClickAsync();
        await remove.ClickAsync();
        // The refusal is said next to the Remove button (IntWebBrowserTests), not in the banner at the top.
        var refusal = page.Locator("form[aria-label='Phase See'] .remove-refusal");
        await Expect(refusal).ToContainTextAsync("still holds");
        await Expect(refusal).Not.ToHaveTextAsync(KeyOrIsoDate());
        await Expect(page.Locator("#message")).ToBeHiddenAsync();

        // Arming the button again clears the old refusal.
        await remove.ClickAsync();
        await Expect(refusal).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_snooze_dialog_takes_a_note_of_several_lines_and_shows_when_the_warning_comes_back()
    {
        var page = await OpenAsync("#/warnings");
        var row = page.Locator("#warnings [data-section=open] tbody tr").First;
        await row.Locator("button[data-action=snooze]").ClickAsync();
        var form = row.Locator("dialog form.snooze");
        await Expect(form.Locator("textarea[name=note]")).ToBeVisibleAsync();
        var ends = form.Locator("output[name=ends]");
        await Expect(ends).ToContainTextAsync("Comes back ");
        var week = await ends.TextContentAsync();

        await form.Locator("select[name=period]").SelectOptionAsync("1");
        await Expect(ends).Not.ToHaveTextAsync(week!);
        await Expect(ends).ToContainTextAsync("Comes back ");

        await form.Locator("select[name=period]").SelectOptionAsync("custom");
        await Expect(ends).ToHaveTextAsync("Choose the date it comes back.");
        await form.Locator("input[name=until]").FillAsync("2030-05-17");
        var expected = await page.EvaluateAsync<string>("() => humanDateTime(new Date('2030-05-17T00:00:00').toISOString())");
        // The time is the visitor's, and the zone is named.
        var zone = await page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone");
        await Expect(ends).ToHaveTextAsync("Comes back " + expected + " (" + zone + ")");
        Assert.Contains("2030", expected, System.StringComparison.Ordinal);
        await Expect(ends).Not.ToHaveTextAsync(KeyOrIsoDate());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_bulk_tick_boxes_are_named_as_their_rows_read()
    {
        var page = await OpenAsync("#/warnings");
        var rows = page.Locator("#warnings [data-section=open] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var mismatches = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#warnings tbody tr')].flatMap(row => {
              const label = row.querySelector('input.select').getAttribute('aria-label');
              const subject = row.querySelector('td[data-label=Subject]').textContent.trim();
              const rule = row.querySelector('.rule').textContent.trim();
              const message = row.querySelector('.message').textContent.trim();
              const wanted = `Select ${subject}: ${rule}: ${message}`;
              return label === wanted ? [] : [`"${label}" instead of "${wanted}"`];
            })
            """);
        Assert.True(mismatches.Length == 0, "Tick boxes named unlike their rows:\n" + string.Join('\n', mismatches));
        foreach (var label in await rows.Locator("input.select").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.getAttribute('aria-label'))"))
        {
            Assert.DoesNotMatch(KeyOrIsoDate(), label);
        }

        await page.Context.CloseAsync();
    }
}
