using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Reordering activities among their siblings and personas in the web sample's UI (reorder.js), in Chromium.</summary>
public sealed class ReorderBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<IPage> OpenAsync(string hash) => WebPage.OpenAsync(fixture, hash, 2200, 1300);

    private async Task<JsonElement> JourneyAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        return await client.GetFromJsonAsync<JsonElement>(ApiClient.JourneyPath);
    }

    private static Task SettledAsync(IPage page) => Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

    private static string[] TopLevelIn(JsonElement journey, string phase) =>
        journey.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("phaseId").GetString() == SampleIds.Phase(phase).ToString() && a.GetProperty("parentId").ValueKind == JsonValueKind.Null)
            .Select(a => a.GetProperty("name").GetString()!)
            .ToArray();

    private static async Task<float> MapYAsync(IPage page, string activity) =>
        (await page.Locator("[data-testid=map-node][data-activity-id='" + SampleIds.Activity(activity) + "']").BoundingBoxAsync())!.Y;

    private static async Task ExpectPersonasAsync(IPage page, string[] names)
    {
        var fields = page.Locator("#edit-journey form[data-persona-id] [name=name]");
        await Expect(fields).ToHaveCountAsync(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            await Expect(fields.Nth(i)).ToHaveValueAsync(names[i]);
        }
    }

    [BrowserFact]
    public async Task An_activity_moved_up_by_its_button_keeps_its_place_after_a_reload_and_in_the_map()
    {
        Assert.Equal(["Cart", "Checkout", "Delivery"], TopLevelIn(await JourneyAsync(), "Do"));
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        Assert.True(await MapYAsync(page, "Cart") < await MapYAsync(page, "Checkout"), "Cart is drawn above Checkout before the move");
        await Expect(page.Locator("#activity-place-text")).ToHaveTextAsync("Place 2 of 3 in Do");

        var up = page.GetByRole(AriaRole.Button, new() { Name = "Move Checkout up", Exact = true });
        await up.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);

        await Expect(page.Locator("#activity-place-text")).ToHaveTextAsync("Place 1 of 3 in Do");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Checkout up", Exact = true })).ToBeDisabledAsync();
        // Focus stays on the group (the first place has no "up"), so a keyboard user can carry on.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Checkout down", Exact = true })).ToBeFocusedAsync();
        Assert.Equal(["Checkout", "Cart", "Delivery"], TopLevelIn(await JourneyAsync(), "Do"));

        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#activity-place-text")).ToHaveTextAsync("Place 1 of 3 in Do");
        Assert.True(await MapYAsync(page, "Checkout") < await MapYAsync(page, "Cart"), "the map draws Checkout above Cart after the move");

        await page.GotoAsync("/#/history");
        await Expect(page.Locator("#history-view")).ToContainTextAsync("Moved \"Checkout\" to place 1 in phase \"Do\"");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_persona_moved_up_by_its_button_keeps_its_place_after_a_reload()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();
        await ExpectPersonasAsync(page, [.. OnlineStoreJourney.PersonaNames]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Gift shopper up", Exact = true }).ClickAsync();
        await SettledAsync(page);

        string[] moved = ["First-time buyer", "Gift shopper", "Loyal customer"];
        await ExpectPersonasAsync(page, moved);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Gift shopper up", Exact = true })).ToBeFocusedAsync();
        Assert.Equal(moved, (await JourneyAsync()).GetProperty("personas").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));

        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await page.Locator("#edit-journey summary").ClickAsync();
        await ExpectPersonasAsync(page, moved);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move First-time buyer up", Exact = true })).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }
}
