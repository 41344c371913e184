using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Removing or moving something with the keyboard keeps focus where a keyboard user expects it (focus.js): a moved
/// widget, phase or persona keeps focus on its move button in its new place (the other one at the top or bottom); after
/// a removal focus goes to the next (or previous) sibling, an activity's to a neighbour's map box; and the polite live
/// region #edit-announce says what was done. Keys only, from the control the user starts on.
/// </summary>
public sealed class EditFocusKeyboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string hash) => WebPage.OpenAsync(fixture, hash, 2200, 1300);

    private static Task SettledAsync(IPage page) => Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

    private static Task<string> FocusedAsync(IPage page, string script) => page.EvaluateAsync<string>("() => { const a = document.activeElement; return " + script + "; }");

    private static async Task PressTwiceAsync(IPage page, ILocator removeButton)
    {
        // A removal asks once more: Enter arms the button, Enter again removes.
        await removeButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(removeButton).ToHaveAttributeAsync("data-armed", "true");
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var response = await ApiClient.SendAsync(client, HttpMethod.Post, ApiClient.JourneyPath + path, body, "*");
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    private async Task<JsonElement> JourneyAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        return (await ApiClient.GetAsync(client, ApiClient.JourneyPath)).Body;
    }

    [BrowserFact]
    public async Task A_moved_widget_keeps_focus_on_its_move_button_and_a_removed_one_gives_it_to_the_next_widget()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        var widgets = page.Locator("#detail .widget");
        var firstId = await widgets.Nth(0).GetAttributeAsync("data-widget-id");
        var secondId = await widgets.Nth(1).GetAttributeAsync("data-widget-id");
        var title = await widgets.Nth(0).Locator("h3").TextContentAsync();

        await widgets.Nth(0).Locator("[data-edit=widget-down]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);
        await Expect(widgets.Nth(1)).ToHaveAttributeAsync("data-widget-id", firstId!);
        await Expect(page.Locator($"#detail .widget[data-widget-id='{firstId}'] [data-edit=widget-down]")).ToBeFocusedAsync();
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync($"Moved {title} to place 2 of 5");

        // Back to the top: Up is disabled there, so focus goes to its Down button.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.Locator($"#detail .widget[data-widget-id='{firstId}'] [data-edit=widget-up]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);
        await Expect(widgets.Nth(0)).ToHaveAttributeAsync("data-widget-id", firstId!);
        await Expect(page.Locator($"#detail .widget[data-widget-id='{firstId}'] [data-edit=widget-down]")).ToBeFocusedAsync();

        await PressTwiceAsync(page, widgets.Nth(0).Locator("[data-edit=remove]"));
        await Expect(widgets).ToHaveCountAsync(4);
        await Expect(page.Locator($"#detail .widget[data-widget-id='{secondId}'] [data-edit=edit-widget]")).ToBeFocusedAsync();
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync($"Removed widget {title}");
    }

    [BrowserFact]
    public async Task A_removed_activity_gives_focus_to_its_neighbours_map_box()
    {
        var journey = await JourneyAsync();
        var phase = journey.GetProperty("phases").EnumerateArray().Last().GetProperty("id").GetString();
        var before = (await PostAsync("/activities", new { phaseId = phase, name = "Focus neighbour" })).GetProperty("id").GetString();
        var doomed = (await PostAsync("/activities", new { phaseId = phase, name = "Focus doomed" })).GetProperty("id").GetString();
        var page = await OpenAsync("#/map/" + doomed);
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Focus doomed");

        await PressTwiceAsync(page, page.Locator("#detail .edit-activity > [data-edit=remove]"));

        await Expect(page.Locator("#map g.ood-node[data-activity-id='" + doomed + "']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#map g.ood-node[data-activity-id='" + before + "']")).ToBeFocusedAsync();
        Assert.Equal("map", (await FocusedAsync(page, "a.closest('#map') ? 'map' : a.tagName")));
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync("Removed Focus doomed");
    }

    [BrowserFact]
    public async Task Phases_personas_and_flows_keep_focus_after_a_move_or_a_removal()
    {
        var first = (await PostAsync("/phases", new { name = "Focus one", customerGoal = "" })).GetProperty("id").GetString();
        var second = (await PostAsync("/phases", new { name = "Focus two", customerGoal = "" })).GetProperty("id").GetString();
        var ana = (await PostAsync("/personas", new { name = "Focus Ana", description = "" })).GetProperty("id").GetString();
        var ben = (await PostAsync("/personas", new { name = "Focus Ben", description = "" })).GetProperty("id").GetString();
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The last but one phase moved later becomes the last: its "later" button is disabled, focus goes to "earlier".
        await page.Locator($"#edit-journey form[data-phase-id='{first}'] [data-edit=phase-down]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);
        await Expect(page.Locator($"#edit-journey form[data-phase-id='{first}'] [data-edit=phase-up]")).ToBeFocusedAsync();
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Moved phase Focus one to place \\d+ of \\d+$"));

        // "Focus two" now stands before "Focus one": removing it gives focus to the next phase's name.
        await PressTwiceAsync(page, page.Locator($"#edit-journey form[data-phase-id='{second}'] [data-edit=remove]"));
        await Expect(page.Locator($"#edit-journey form[data-phase-id='{first}'] input[name=name]")).ToBeFocusedAsync();
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync("Removed phase Focus two");

        // A persona moved up keeps focus on its Up button (or Down at the top); a removed one gives it to its neighbour.
        await page.Locator($"#edit-journey form[data-persona-id='{ben}'] [data-reorder=persona-up]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);
        var benMoved = page.Locator($"#edit-journey form[data-persona-id='{ben}'] [data-reorder=persona-up]:not([disabled]), #edit-journey form[data-persona-id='{ben}'] [data-reorder=persona-down]");
        await Expect(benMoved.First).ToBeFocusedAsync();
        await PressTwiceAsync(page, page.Locator($"#edit-journey form[data-persona-id='{ana}'] [data-edit=remove]"));
        var focusedForm = await FocusedAsync(page, "(a.closest('form') || {}).id || a.tagName");
        Assert.True(focusedForm.StartsWith("persona-", System.StringComparison.Ordinal) || focusedForm == "add-persona", $"focus after removing a persona is on {focusedForm}");
        Assert.Equal("name", await FocusedAsync(page, "a.name"));
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync("Removed persona Focus Ana");
    }

    [BrowserFact]
    public async Task A_removed_flow_gives_focus_to_the_next_flows_label()
    {
        var journey = await JourneyAsync();
        var phase = journey.GetProperty("phases").EnumerateArray().First().GetProperty("id").GetString();
        var from = (await PostAsync("/activities", new { phaseId = phase, name = "Focus source" })).GetProperty("id").GetString();
        var to1 = (await PostAsync("/activities", new { phaseId = phase, name = "Focus target one" })).GetProperty("id").GetString();
        var to2 = (await PostAsync("/activities", new { phaseId = phase, name = "Focus target two" })).GetProperty("id").GetString();
        var flow1 = (await PostAsync("/flows", new { from, to = to1, label = "first" })).GetProperty("id").GetString();
        var flow2 = (await PostAsync("/flows", new { from, to = to2, label = "second" })).GetProperty("id").GetString();
        var page = await OpenAsync("#/map/" + from);

        await PressTwiceAsync(page, page.Locator($"#flow-{flow1} [data-edit=remove]"));

        await Expect(page.Locator($"#flow-{flow1}")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#flow-{flow2} input[name=label]")).ToBeFocusedAsync();
        await Expect(page.Locator("#edit-announce")).ToHaveTextAsync("Removed this flow");
    }
}
