using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The Warnings view with the keyboard only: after acknowledge, snooze or a bulk action focus stays in the list — on the
/// same button of the row now at the warning's place, the row before it when it was the last, the section's heading
/// when the section is empty — and a polite live region says what was done. Snooze opens a dialog: focus goes into it,
/// Escape closes it and gives focus back to the button that opened it.
/// </summary>
public sealed class TriageKeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string url) => WebPage.OpenAsync(fixture, url, locale: "en-GB", timeZone: "UTC");

    private static ILocator OpenRows(IPage page) => page.Locator("#warnings section[data-section=open] tbody tr[data-warning-key]");

    private static ILocator Row(IPage page, string key) => page.Locator($"#warnings tr[data-warning-key='{key}']");

    private static Task FocusAsync(IPage page, string selector) =>
        KeyboardPath.TabUntilAsync(page, $"document.activeElement?.matches(\"{selector}\") === true");

    [BrowserFact]
    public async Task Snooze_opens_a_dialog_that_Escape_closes_back_to_its_button_and_confirming_moves_focus_to_the_next_warning()
    {
        var page = await OpenAsync("#/warnings");
        var key = await OpenRows(page).Nth(0).GetAttributeAsync("data-warning-key");
        var next = await OpenRows(page).Nth(1).GetAttributeAsync("data-warning-key");
        var subject = (await OpenRows(page).Nth(0).Locator("td").Nth(2).InnerTextAsync()).Trim();
        var rule = (await OpenRows(page).Nth(0).Locator("td .rule").InnerTextAsync()).Trim();
        var snooze = $"tr[data-warning-key='{key}'] button[data-action=snooze]";
        await FocusAsync(page, snooze);

        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog.snooze-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToHaveAccessibleNameAsync("Snooze: " + subject);
        await Expect(dialog.Locator("select[name=period]")).ToBeFocusedAsync();
        await AxeAssert.NoSeriousViolationsAsync(page, "Snooze dialog");

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(snooze)).ToBeFocusedAsync();
        await Expect(Row(page, key!)).ToHaveAttributeAsync("data-state", "open");

        // Open it again, write a note and confirm, all from the keyboard (period: the preselected week).
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog.Locator("select[name=period]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.Locator("textarea[name=note]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("waiting for the carrier");
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.Locator("button[type=submit]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(Row(page, key!)).ToHaveAttributeAsync("data-state", "snoozed");
        await Expect(dialog).ToHaveCountAsync(0);
        // The row now at the snoozed warning's place is the next one: its Snooze… button has focus.
        await Expect(page.Locator($"tr[data-warning-key='{next}'] button[data-action=snooze]")).ToBeFocusedAsync();
        Assert.Equal(next, await OpenRows(page).Nth(0).GetAttributeAsync("data-warning-key"));
        await Expect(page.Locator("#triage-announce")).ToHaveTextAsync($"Snoozed: {subject} ({rule})");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task After_a_bulk_action_focus_is_on_the_first_remaining_row_and_the_bulk_snooze_dialog_gives_focus_back()
    {
        var page = await OpenAsync("#/warnings");
        var keys = new[]
        {
            await OpenRows(page).Nth(0).GetAttributeAsync("data-warning-key"),
            await OpenRows(page).Nth(1).GetAttributeAsync("data-warning-key"),
            await OpenRows(page).Nth(2).GetAttributeAsync("data-warning-key"),
        };
        await FocusAsync(page, $"tr[data-warning-key='{keys[0]}'] input.select");
        await page.Keyboard.PressAsync("Space");
        await FocusAsync(page, $"tr[data-warning-key='{keys[1]}'] input.select");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("2 warnings selected");

        // The bar's snooze dialog, closed with Escape: focus returns to "Snooze selected…", nothing changed.
        await KeyboardPath.TabUntilAsync(page, "document.activeElement?.id === 'bulk-snooze'", "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#bulk-bar dialog.snooze-dialog")).ToHaveAccessibleNameAsync("Snooze 2 warnings");
        await Expect(page.Locator("#bulk-bar dialog.snooze-dialog select[name=period]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#bulk-snooze")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.Locator("#bulk-acknowledge")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(Row(page, keys[0]!)).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(Row(page, keys[1]!)).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(page.Locator("#bulk-bar")).ToBeHiddenAsync();
        // The first remaining row is now where the first selected one was: its checkbox, ready for the next selection.
        await Expect(page.Locator($"tr[data-warning-key='{keys[2]}'] input.select")).ToBeFocusedAsync();
        // Said once: in the page's message line (a status region), not again in the triage's own live region.
        await Expect(page.Locator("#message")).ToHaveTextAsync("Acknowledged 2 warnings.");
        await Expect(page.Locator("#triage-announce")).ToBeEmptyAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Acknowledging_the_last_warning_moves_focus_to_the_one_before_and_an_empty_list_to_its_heading()
    {
        var owner = await OwnerWithOpenWarningsAsync(2);
        var page = await OpenAsync("#/warnings?owner=" + Uri.EscapeDataString(owner));
        var count = await OpenRows(page).CountAsync();
        Assert.True(count >= 2, $"{owner} has {count} open warnings in the view");

        // The last row: focus goes to the row before it, on the same button; Enter again acknowledges that one too.
        var last = await OpenRows(page).Nth(count - 1).GetAttributeAsync("data-warning-key");
        await FocusAsync(page, $"tr[data-warning-key='{last}'] button[data-action=acknowledge]");
        for (var left = count - 1; left >= 0; left--)
        {
            await page.Keyboard.PressAsync("Enter");
            await Expect(OpenRows(page)).ToHaveCountAsync(left);
            if (left > 0)
            {
                await Expect(OpenRows(page).Nth(left - 1).Locator("button[data-action=acknowledge]")).ToBeFocusedAsync();
            }
        }

        // Nothing left: focus is on the section's heading, which says so.
        var heading = page.Locator("#warnings section[data-section=open] > h2");
        await Expect(heading).ToHaveTextAsync("Needs attention (0)");
        await Expect(heading).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    // An owner with at least this many open warnings in the sample journey, as the server sees it now.
    private async Task<string> OwnerWithOpenWarningsAsync(int atLeast)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var (body, _) = await ApiClient.GetAsync(http, ApiClient.JourneyPath + "/warnings?state=open");
        var owners = body.EnumerateArray()
            .Where(w => w.GetProperty("owner").ValueKind == JsonValueKind.String)
            .GroupBy(w => w.GetProperty("owner").GetString()!)
            .Where(g => g.Count() >= atLeast)
            .OrderBy(g => g.Count())
            .Select(g => g.Key)
            .ToList();
        Assert.True(owners.Count > 0, $"no owner has {atLeast} open warnings");
        return owners[0];
    }
}
