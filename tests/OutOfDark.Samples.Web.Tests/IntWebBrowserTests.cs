using System;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

// What a CX manager hit in the pages (issue 14): dates in record forms, refusals next to Remove buttons, focus after
// saves and adds.
public sealed class IntWebBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string hash) => WebPage.OpenAsync(fixture, hash, width: 1600, locale: "en-GB", timeZone: "UTC");

    [BrowserFact]
    public async Task The_record_form_proposes_the_apps_today_and_says_when_today_already_has_a_value()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Review request"));
        var metric = page.Locator("#detail .widget[data-kind=metric]").First;
        await Expect(metric).ToContainTextAsync("on 4 Apr 2026");
        // The app's clock says 5 Apr 2026 (WebSampleFactory.ClockStart), whatever the browser's date.
        await Expect(metric.Locator("input[name=date]")).ToHaveValueAsync("2026-04-05");

        await metric.Locator("input[name=value]").FillAsync("14.5");
        await metric.Locator("input[name=value]").PressAsync("Enter");
        await Expect(metric).ToContainTextAsync("on 5 Apr 2026");

        // The second default is today again, never tomorrow; the form says a value for today exists.
        var date = metric.Locator("input[name=date]");
        await Expect(date).ToHaveValueAsync("2026-04-05");
        await Expect(metric.Locator(".record-today")).ToContainTextAsync("A value for today (5 Apr 2026) is already recorded");
        await metric.Locator("input[name=value]").FillAsync("15");
        await metric.Locator("input[name=value]").PressAsync("Enter");
        await Expect(metric.Locator("form.record")).ToContainTextAsync("already has an observation on 5 Apr 2026");
        await Expect(metric.Locator(".value")).ToHaveTextAsync("14.5 %");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_refused_removal_is_said_next_to_its_button_which_is_reset_and_keeps_the_focus()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();
        // A phase that still holds activities, then a persona an emotion widget still uses: keys only.
        foreach (var (row, words) in new[] { ("form[aria-label='Phase See']", "still holds"), ("form[aria-label='Persona First-time buyer']", "still used") })
        {
            var remove = page.Locator(row + " [data-edit=remove]");
            await remove.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(remove).ToHaveAttributeAsync("data-armed", "true");
            await page.Keyboard.PressAsync("Enter");

            var refusal = page.Locator(row + " .remove-refusal");
            await Expect(refusal).ToContainTextAsync(words);
            await Expect(refusal).ToHaveAttributeAsync("role", "alert");
            await Expect(remove).ToHaveTextAsync("Remove");
            await Expect(remove).Not.ToHaveAttributeAsync("data-armed", "true");
            await Expect(remove).ToBeFocusedAsync();
            Assert.Equal(await refusal.GetAttributeAsync("id"), await remove.GetAttributeAsync("aria-describedby"));
            await Expect(page.Locator("#message")).ToBeHiddenAsync();
        }

        await page.Context.CloseAsync();
    }

    private static Task SettledAsync(IPage page) => Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

    // Types into a field reached by focus alone, then presses Enter to submit its form.
    private static async Task TypeAndEnterAsync(IPage page, ILocator field, string text, bool replace = false)
    {
        await field.FocusAsync();
        if (replace)
        {
            await page.Keyboard.PressAsync("Control+A");
        }

        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);
    }

    [BrowserFact]
    public async Task After_adding_or_renaming_a_phase_or_persona_focus_is_on_its_name_field_and_the_result_is_said()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var announce = page.Locator("#edit-announce");

        await TypeAndEnterAsync(page, page.Locator("#add-phase input[name=name]"), "Loyalty");
        await Expect(page.Locator("#edit-journey form[aria-label='Phase Loyalty'] input[name=name]")).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Added the phase");

        await TypeAndEnterAsync(page, page.Locator("#edit-journey form[aria-label='Phase Loyalty'] input[name=name]"), "Loyalty club", replace: true);
        await Expect(page.Locator("#edit-journey form[aria-label='Phase Loyalty club'] input[name=name]")).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Saved the phase");

        await TypeAndEnterAsync(page, page.Locator("#add-persona input[name=name]"), "Returner");
        await Expect(page.Locator("#edit-journey form[aria-label='Persona Returner'] input[name=name]")).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Added the persona");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task After_saves_and_adds_in_the_detail_view_focus_is_on_the_control_used_or_the_new_item()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        var announce = page.Locator("#edit-announce");

        // Save activity: focus stays on the field used.
        await TypeAndEnterAsync(page, page.Locator("#edit-activity input[name=team]"), "Payments", replace: true);
        await Expect(page.Locator("#edit-activity input[name=team]")).ToHaveValueAsync("Payments");
        await Expect(page.Locator("#edit-activity input[name=team]")).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Saved the activity");

        // Record with Enter in the value field: focus stays on that metric's value field.
        var metric = page.Locator("#detail .widget[data-kind=metric]").First;
        var metricId = await metric.GetAttributeAsync("data-widget-id");
        await TypeAndEnterAsync(page, metric.Locator("input[name=value]"), "71");
        // The Record form does not mark the page busy: wait for the redrawn value before looking at focus.
        await Expect(page.Locator($"#detail .widget[data-widget-id='{metricId}'] .value")).ToContainTextAsync("71");
        await Expect(page.Locator($"#detail form.record[data-widget-id='{metricId}'] input[name=value]")).ToBeFocusedAsync();
        await Expect(announce).ToContainTextAsync("Recorded 71 for");

        // Add widget: focus goes to the new widget's heading.
        await page.Locator("#add-widget select[name=kind]").SelectOptionAsync("description");
        await page.Locator("#add-widget [name=markdown]").FocusAsync();
        await page.Keyboard.TypeAsync("What callers tell the agents.");
        await TypeAndEnterAsync(page, page.Locator("#add-widget input[name=title]"), "Notes from the call centre");
        await Expect(page.Locator("#detail .widget h3", new() { HasText = "Notes from the call centre" })).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Added the widget");

        // Add flow: focus goes to the new flow's label; Save label keeps it there.
        await page.Locator("#add-flow select[name=to]").SelectOptionAsync(SampleIds.Activity("Delivery").ToString());
        await TypeAndEnterAsync(page, page.Locator("#add-flow input[name=label]"), "confirmed");
        var label = page.Locator("#activity-flows form", new() { HasText = "Checkout → Delivery" }).Locator("input[name=label]");
        await Expect(label).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Added the flow");
        await TypeAndEnterAsync(page, label, "paid and confirmed", replace: true);
        await Expect(label).ToHaveValueAsync("paid and confirmed");
        await Expect(label).ToBeFocusedAsync();
        await Expect(announce).ToHaveTextAsync("Saved the flow");

        // Add child activity: focus goes to the new activity's Detail heading.
        await TypeAndEnterAsync(page, page.Locator("#add-child input[name=name]"), "Express checkout");
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Express checkout");
        await Expect(page.Locator("#detail-name")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_detail_view_gives_every_metric_value_its_unit_shows_the_phase_goal_and_brings_the_box_into_view()
    {
        // A narrow window: the Care phase's boxes start outside it.
        var page = await WebPage.OpenAsync(fixture, "#/map/" + SampleIds.Activity("Support call"), width: 900, height: 700, locale: "en-GB", timeZone: "UTC");
        var wait = page.Locator("#detail .widget[data-kind=metric]", new() { HasText = "Average wait" });
        await Expect(wait).ToContainTextAsync("target 3 min · warning 5 min · critical 8 min");
        var goal = page.Locator("#detail .phase-goal");
        await Expect(goal).ToContainTextAsync("Customer goal: ");
        Assert.DoesNotContain("…", await goal.TextContentAsync() ?? "", StringComparison.Ordinal);
        await Expect(page.Locator($"#map g.ood-node[data-activity-id='{SampleIds.Activity("Support call")}']")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task When_two_people_move_the_same_widget_the_second_sees_the_conflict_next_to_it()
    {
        var hash = "#/map/" + SampleIds.Activity("Support call");
        var ana = await OpenAsync(hash);
        var ben = await OpenAsync(hash);
        var wait = SampleIds.Widget("Support call", "Waiting on hold").ToString();
        var anaUp = ana.Locator($"#detail .widget[data-widget-id='{wait}'] [data-edit=widget-up]");
        var benUp = ben.Locator($"#detail .widget[data-widget-id='{wait}'] [data-edit=widget-up]");
        await Expect(benUp).ToBeEnabledAsync();

        await anaUp.ClickAsync();
        await SettledAsync(ana);
        await benUp.ClickAsync();
        await SettledAsync(ben);

        var conflict = ben.Locator($"#detail .widget[data-widget-id='{wait}'] .move-conflict");
        await Expect(conflict).ToContainTextAsync("Not moved");
        await Expect(conflict).ToContainTextAsync("moved widget");
        await Expect(conflict).ToHaveAttributeAsync("role", "alert");
        var focused = ben.Locator("#detail .widget [data-edit^=widget-]:focus");
        await Expect(focused).ToHaveAttributeAsync("aria-describedby", (await conflict.GetAttributeAsync("id"))!);
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }
}
