using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>An integrator's findings on the web sample: snooze ends, refusal words, correcting a value, the clock.</summary>
public sealed class IntegratorFixesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string hash) => WebPage.OpenAsync(fixture, hash, locale: "en-GB", timeZone: "UTC");

    [BrowserFact]
    public async Task A_snooze_until_a_past_date_is_refused_in_the_dialog_which_keeps_the_note()
    {
        var page = await OpenAsync("#/warnings");
        var row = page.Locator("#warnings [data-section=open] tbody tr").First;
        await row.Locator("button[data-action=snooze]").ClickAsync();
        var form = row.Locator("dialog form.snooze");
        await form.Locator("select[name=period]").SelectOptionAsync("custom");
        var until = form.Locator("input[name=until]");
        // The server's now is 2026-04-05T09:00Z: the earliest end is the next day, the latest 365 days on.
        await Expect(until).ToHaveAttributeAsync("min", "2026-04-06");
        await Expect(until).ToHaveAttributeAsync("max", "2027-04-05");
        await form.Locator("textarea[name=note]").FillAsync("waiting for the carrier");

        // Before the minimum: said next to Until, nothing sent.
        await until.FillAsync("2026-03-01");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form.Locator(".field-error[data-field=until]")).ToContainTextAsync("Choose a date from 6 Apr 2026 to 5 Apr 2027");
        await Expect(until).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("dialog.snooze-dialog")).ToBeVisibleAsync();

        // The server refuses it too (the page's bounds lifted): the dialog stays open with the note and the message.
        await until.EvaluateAsync("input => { input.min = ''; input.max = ''; }");
        await until.FillAsync("2026-03-01");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form.Locator(".field-error[data-field=until]")).ToContainTextAsync("A snooze must end after now");
        await Expect(until).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("dialog.snooze-dialog")).ToBeVisibleAsync();
        await Expect(form.Locator("textarea[name=note]")).ToHaveValueAsync("waiting for the carrier");
        await Expect(page.Locator("#message")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_page_message_goes_when_the_person_goes_to_another_view()
    {
        var page = await OpenAsync("#/warnings");
        await page.Locator("#warnings [data-section=open] tbody tr").First.WaitForAsync();
        await page.EvaluateAsync("() => say('Could not snooze one warning: something.')");
        await Expect(page.Locator("#message")).ToBeVisibleAsync();
        await page.Locator("#nav-history").ClickAsync();
        await Expect(page.Locator("#message")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_second_value_on_a_date_is_offered_as_a_correction_which_replaces_the_first()
    {
        var page = await WebPage.OpenAsync(fixture, "#/map/" + SampleIds.Activity("Review request"), width: 1600, locale: "en-GB", timeZone: "UTC");
        var metric = page.Locator("#detail .widget[data-kind=metric]").First;
        await metric.Locator("input[name=value]").FillAsync("14.5");
        await metric.Locator("input[name=value]").PressAsync("Enter");
        await Expect(metric.Locator(".value")).ToHaveTextAsync("14.5 %");

        await metric.Locator("input[name=value]").FillAsync("15");
        await metric.Locator("input[name=value]").PressAsync("Enter");
        var correct = metric.Locator("form.record button.correct-observation");
        await Expect(correct).ToHaveTextAsync("Correct the value of 5 Apr 2026");
        await correct.ClickAsync();

        await Expect(metric.Locator(".value")).ToHaveTextAsync("15 %");
        await Expect(metric.Locator("form.record button.correct-observation")).ToHaveCountAsync(0);
        await Expect(metric.Locator("input[name=value]")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_an_opened_detail_view_is_scrolled_into_view_with_its_heading_focused()
    {
        var page = await WebPage.OpenAsync(fixture, "#/map", width: 390, locale: "en-GB", timeZone: "UTC");
        await page.Locator("#map svg").First.WaitForAsync();
        await page.EvaluateAsync("id => { location.hash = '#/map/' + id; }", SampleIds.Activity("Checkout").ToString());
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        await Expect(page.Locator("#detail-name")).ToBeInViewportAsync();
        await Expect(page.Locator("#detail-name")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_refusal_says_what_is_wrong_without_the_problem_title()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();
        var remove = page.Locator("form[aria-label='Phase See'] [data-edit=remove]");
        await remove.ClickAsync();
        await remove.ClickAsync();
        var refusal = page.Locator("form[aria-label='Phase See'] .remove-refusal");
        await Expect(refusal).ToContainTextAsync("Not removed: Phase");
        await Expect(refusal).ToContainTextAsync("still holds");
        await Expect(refusal).Not.ToContainTextAsync("The request is not valid");
        await page.Context.CloseAsync();
    }
}
