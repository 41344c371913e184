using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// axe-core on every view and state of the web sample that <see cref="AccessibilityTests"/> does not reach — the edit
/// forms open and showing a field error, the "Move to phase…" form, the journey panel's phases and personas, the
/// History view filtered and paged, search results, the emotion lane with another persona, the export menu, the
/// snooze form, the bulk-selection bar and the retry banner — each at desktop (1400 px) and phone (390 px) width.
/// None may have a serious or critical violation. No test here changes the journey (field errors are refusals).
/// </summary>
public sealed class AxeViewTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly int[] Widths = [Screenshots.Desktop, Screenshots.Phone];

    // Opens the page at each width, brings it into the state, and runs axe-core on it.
    private async Task CheckAsync(string hash, string view, Func<IPage, Task> arrange)
    {
        foreach (var width in Widths)
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = fixture.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = width, Height = width == Screenshots.Phone ? 844 : 900 },
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            var errors = PageErrors.Watch(page);
            await page.GotoAsync("/" + hash);
            await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
            await arrange(page);

            await AxeAssert.NoSeriousViolationsAsync(page, $"{view} at {width} px");
            // The states are reached through refusals and a refused connection: the browser logs those responses
            // ("Failed to load resource"); any other console error or uncaught exception fails the test.
            errors.RemoveAll(error => error.StartsWith("Failed to load resource", StringComparison.Ordinal));
            Assert.True(errors.Count == 0, $"The page reported errors ({view} at {width} px):\n" + string.Join('\n', errors));
            await context.CloseAsync();
        }
    }

    private static Task SettledAsync(IPage page) => Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

    private static Task DetailOfAsync(IPage page, string name) => Expect(page.Locator("#detail-name")).ToHaveTextAsync(name);

    [BrowserFact]
    public Task The_activity_edit_form_showing_a_field_error_has_no_serious_violation() =>
        CheckAsync("#/map/" + SampleIds.Activity("Wishlist reminder"), "Detail: activity form with a field error", async page =>
        {
            await DetailOfAsync(page, "Wishlist reminder");
            await page.Locator("#edit-activity [name=name]").FillAsync("   ");
            await page.Locator("#edit-activity button[type=submit]").ClickAsync();
            await SettledAsync(page);
            await Expect(page.Locator("#edit-activity [data-error-for=name]")).ToHaveTextAsync("The activity needs a name.");
        });

    [BrowserFact]
    public Task The_widget_edit_form_and_the_add_widget_form_with_a_field_error_have_no_serious_violation() =>
        CheckAsync("#/map/" + SampleIds.Activity("Checkout"), "Detail: widget edit form open, add-widget error", async page =>
        {
            await DetailOfAsync(page, "Checkout");
            await page.Locator("#detail .widget [data-edit=edit-widget]").First.ClickAsync();
            await Expect(page.Locator("#edit-widget-0")).ToBeVisibleAsync();
            await page.Locator("#add-widget [name=kind]").SelectOptionAsync("link");
            await page.Locator("#add-widget [name=title]").FillAsync("Help page");
            await page.Locator("#add-widget [name=url]").FillAsync("not an address");
            await page.Locator("#add-widget button[type=submit]").ClickAsync();
            await SettledAsync(page);
            await Expect(page.Locator("#add-widget .field-error:not(:empty)").First).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task The_move_to_phase_form_and_the_flow_forms_have_no_serious_violation() =>
        CheckAsync("#/map/" + SampleIds.Activity("Checkout"), "Detail: Move to phase…, flows, add child", async page =>
        {
            await DetailOfAsync(page, "Checkout");
            await page.Locator("#move-activity [name=phaseId]").FocusAsync();
            await Expect(page.Locator("#activity-flows form").First).ToBeVisibleAsync();
            await page.Locator("#add-flow button[type=submit]").ClickAsync();
            await SettledAsync(page);
        });

    [BrowserFact]
    public Task The_journey_panel_with_its_phase_and_persona_forms_and_a_field_error_has_no_serious_violation() =>
        CheckAsync("#/map", "Edit the journey panel with a phase error", async page =>
        {
            await page.Locator("#edit-journey summary").ClickAsync();
            await page.Locator("#add-phase button[type=submit]").ClickAsync();
            await SettledAsync(page);
            await Expect(page.Locator("#add-phase .field-error:not(:empty)").First).ToBeVisibleAsync();
            await Expect(page.Locator("#edit-journey form[data-persona-id]").First).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task The_history_view_filtered_and_shown_further_has_no_serious_violation() =>
        CheckAsync("#/history", "History, filtered then shown further", async page =>
        {
            await Expect(page.Locator("#history-list[data-shows=everything]")).ToHaveCountAsync(1);
            var more = page.Locator("#history-list .show-more");
            if (await more.IsVisibleAsync())
            {
                var shown = await page.Locator("#history-list .history > li").CountAsync();
                await more.ClickAsync();
                await Expect(page.Locator("#history-list .history > li")).Not.ToHaveCountAsync(shown);
            }

            await AxeAssert.NoSeriousViolationsAsync(page, "History (everything, shown further)");
            await page.Locator("#history-kind").SelectOptionAsync("activities");
            await Expect(page.Locator("#history-list[data-shows=activities]")).ToHaveCountAsync(1);
        });

    [BrowserFact]
    public Task The_search_results_have_no_serious_violation() =>
        CheckAsync("#/map", "Search with results", async page =>
        {
            await page.Locator("#search").FillAsync("check");
            await Expect(page.Locator("#search-results a").First).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task The_emotion_lane_with_another_persona_and_its_table_open_has_no_serious_violation() =>
        CheckAsync("#/map/" + SampleIds.Activity("Checkout"), "Emotion lane and persona switchers", async page =>
        {
            await DetailOfAsync(page, "Checkout");
            var persona = page.Locator("#persona");
            await Expect(persona).ToBeVisibleAsync();
            var options = await persona.Locator("option").AllTextContentsAsync();
            await persona.SelectOptionAsync(new SelectOptionValue { Label = options[^1] });
            await Expect(page.Locator("#emotion-lane .emotion-chart title")).ToContainTextAsync(options[^1]);
            await page.Locator("#emotion-lane .emotion-table summary").ClickAsync();
            await Expect(page.Locator("#emotion-lane .emotion-table table")).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task The_open_export_menu_has_no_serious_violation() =>
        CheckAsync("#/map", "Export menu open", async page =>
        {
            await page.Locator("#exports summary").ClickAsync();
            await Expect(page.Locator("#exports a[data-export=report]")).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task The_snooze_form_of_a_warning_has_no_serious_violation() =>
        CheckAsync("#/warnings", "Warnings: snooze form open, until a date", async page =>
        {
            var row = page.Locator("#warnings [data-section=open] tbody tr").First;
            await row.Locator("button[data-action=snooze]").ClickAsync();
            var form = row.Locator("form.snooze");
            await form.Locator("[name=period]").SelectOptionAsync("custom");
            await Expect(form.Locator("[name=until]")).ToBeVisibleAsync();
            await form.Locator("[name=note]").FillAsync("Waiting for the new call-centre rota");
        });

    [BrowserFact]
    public Task The_bulk_selection_bar_with_its_snooze_form_has_no_serious_violation() =>
        CheckAsync("#/warnings", "Warnings: two selected, bulk snooze form", async page =>
        {
            var rows = page.Locator("#warnings [data-section=open] tbody tr");
            await rows.Nth(0).Locator("input.select").CheckAsync();
            await rows.Nth(1).Locator("input.select").CheckAsync();
            await Expect(page.Locator("#bulk-count")).ToHaveTextAsync("2 warnings selected");
            await page.Locator("#bulk-snooze").ClickAsync();
            await Expect(page.Locator("#bulk-bar form.snooze")).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task The_retry_banner_when_the_server_is_down_has_no_serious_violation() =>
        CheckAsync("#/map", "Retry banner", async page =>
        {
            await page.RouteAsync("**/api/**", route => route.AbortAsync("connectionrefused"));
            await page.Locator("#nav-warnings").ClickAsync();
            await Expect(page.Locator("#offline")).ToBeVisibleAsync();
            await Expect(page.Locator("#offline-retry")).ToBeVisibleAsync();
        });

    [BrowserFact]
    public Task A_message_in_the_message_bar_has_no_serious_violation() =>
        CheckAsync("#/map/" + SampleIds.Activity("Checkout"), "Message bar showing a refusal", async page =>
        {
            await DetailOfAsync(page, "Checkout");
            // A command the server cannot be reached for says so in the message bar (commands are never retried).
            await page.RouteAsync("**/api/**", route => route.Request.Method == "GET" ? route.ContinueAsync() : route.AbortAsync("connectionrefused"));
            await page.Locator("#edit-activity button[type=submit]").ClickAsync();
            await SettledAsync(page);
            await Expect(page.Locator("#message")).ToContainTextAsync("could not be reached");
        });
}
