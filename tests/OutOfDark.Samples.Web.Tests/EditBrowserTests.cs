using System;
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

/// <summary>Editing the journey in the web sample's UI (edit.js), in Chromium: every object kind, reorder, drag, errors, two people.</summary>
public sealed class EditBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OpenAsync(string hash, IBrowserContext? context = null) =>
        await WebPage.OpenInAsync(context ?? await NewContextAsync(), hash);

    private Task<IBrowserContext> NewContextAsync() =>
        fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 2200, Height = 1300 } });

    private async Task<JsonElement> JourneyAsync()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        return await client.GetFromJsonAsync<JsonElement>(ApiClient.JourneyPath);
    }

    [BrowserFact]
    public async Task An_activity_and_its_widgets_are_added_edited_reordered_and_removed()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();
        await page.Locator("#add-activity [name=name]").FillAsync("Gift wrapping");
        await page.Locator("#add-activity [name=phaseId]").SelectOptionAsync(new SelectOptionValue { Label = "Do" });
        await page.Locator("#add-activity button[type=submit]").ClickAsync();
        await SettledAsync(page);

        // A new activity's Detail view offers its edits.
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Gift wrapping");
        await page.Locator("#edit-activity [name=owner]").FillAsync("Eva Novak");
        await page.Locator("#edit-activity [name=name]").FillAsync("Gift wrapping service");
        await page.Locator("#edit-activity button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Gift wrapping service");
        await Expect(page.Locator("#detail dd", new() { HasText = "Eva Novak" })).ToHaveCountAsync(1);

        await AddWidgetAsync(page, "metric", "Wrapped orders");
        await AddWidgetAsync(page, "description", "How we wrap");
        var widgets = page.Locator("#detail .widget h3");
        await Expect(widgets).ToHaveTextAsync(new[] { "Wrapped orders", "How we wrap" });

        await page.Locator("#detail .widget", new() { HasText = "How we wrap" }).Locator("[data-edit=widget-up]").ClickAsync();
        await SettledAsync(page);
        await Expect(widgets).ToHaveTextAsync(new[] { "How we wrap", "Wrapped orders" });

        var metric = page.Locator("#detail .widget", new() { HasText = "Wrapped orders" });
        await metric.Locator("[data-edit=edit-widget]").ClickAsync();
        var edit = page.Locator("form[aria-label='Edit Wrapped orders']");
        await edit.Locator("[name=title]").FillAsync("Orders wrapped");
        await edit.Locator("[name=target]").FillAsync("40");
        await edit.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(widgets).ToHaveTextAsync(new[] { "How we wrap", "Orders wrapped" });
        await Expect(page.Locator("#detail .widget", new() { HasText = "Orders wrapped" })).ToContainTextAsync("target 40");

        var remove = page.Locator("#detail .widget", new() { HasText = "How we wrap" }).Locator("[data-edit=remove]");
        await remove.ClickAsync();
        await SettledAsync(page);
        await remove.ClickAsync();
        await SettledAsync(page);
        await Expect(widgets).ToHaveTextAsync(new[] { "Orders wrapped" });

        var removeActivity = page.Locator(".edit-activity > [data-edit=remove]");
        await removeActivity.ClickAsync();
        await SettledAsync(page);
        await removeActivity.ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=map-node]", new() { HasText = "Gift wrapping" })).ToHaveCountAsync(0);
        Assert.DoesNotContain((await JourneyAsync()).GetProperty("activities").EnumerateArray(), a => a.GetProperty("name").GetString()!.StartsWith("Gift wrapping", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Phases_and_personas_are_added_renamed_reordered_and_removed()
    {
        var page = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();

        await page.Locator("#add-phase [name=name]").FillAsync("Advocate");
        await page.Locator("#add-phase button[type=submit]").ClickAsync();
        await SettledAsync(page);
        var advocate = page.Locator("#edit-journey form[data-phase-id]").Last;
        await Expect(advocate.Locator("[name=name]")).ToHaveValueAsync("Advocate");
        await advocate.Locator("[name=name]").FillAsync("Recommend");
        await advocate.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#map .ood-lane", new() { HasText = "Recommend" })).ToHaveCountAsync(1);

        await page.Locator("#edit-journey form[data-phase-id]").Last.Locator("[data-edit=phase-up]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#edit-journey form[data-phase-id] [name=name]").Nth(3)).ToHaveValueAsync("Recommend");
        Assert.Equal("Recommend", (await JourneyAsync()).GetProperty("phases")[3].GetProperty("name").GetString());

        var remove = page.Locator("#edit-journey form[data-phase-id]").Nth(3).Locator("[data-edit=remove]");
        await remove.ClickAsync();
        await SettledAsync(page);
        await remove.ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#edit-journey form[data-phase-id]")).ToHaveCountAsync(4);

        await page.Locator("#add-persona [name=name]").FillAsync("Corporate buyer");
        await page.Locator("#add-persona button[type=submit]").ClickAsync();
        await SettledAsync(page);
        var persona = page.Locator("#edit-journey form[data-persona-id]").Last;
        await Expect(persona.Locator("[name=name]")).ToHaveValueAsync("Corporate buyer");
        await persona.Locator("[name=description]").FillAsync("Buys gifts for a whole team");
        await persona.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#edit-journey form[data-persona-id]").Last.Locator("[name=description]")).ToHaveValueAsync("Buys gifts for a whole team");
        var removePersona = page.Locator("#edit-journey form[data-persona-id]").Last.Locator("[data-edit=remove]");
        await removePersona.ClickAsync();
        await SettledAsync(page);
        await removePersona.ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#edit-journey form[data-persona-id]")).ToHaveCountAsync(OnlineStoreJourney.PersonaNames.Count);
        Assert.DoesNotContain((await JourneyAsync()).GetProperty("personas").EnumerateArray(), p => p.GetProperty("name").GetString() == "Corporate buyer");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_flow_is_added_relabelled_and_removed_from_the_detail_view()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Live chat"));
        await page.Locator("#add-flow [name=to]").SelectOptionAsync(new SelectOptionValue { Label = "Returns" });
        await page.Locator("#add-flow [name=label]").FillAsync("asks about returns");
        await page.Locator("#add-flow button[type=submit]").ClickAsync();
        await SettledAsync(page);

        var flow = page.Locator("#activity-flows form", new() { HasText = "Live chat → Returns" });
        await Expect(flow.Locator("[name=label]")).ToHaveValueAsync("asks about returns");
        await flow.Locator("[name=label]").FillAsync("return questions");
        await flow.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#activity-flows form", new() { HasText = "Live chat → Returns" }).Locator("[name=label]")).ToHaveValueAsync("return questions");

        var remove = page.Locator("#activity-flows form", new() { HasText = "Live chat → Returns" }).Locator("[data-edit=remove]");
        await remove.ClickAsync();
        await SettledAsync(page);
        await remove.ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#message")).ToBeHiddenAsync();
        await Expect(page.Locator("#activity-flows form", new() { HasText = "Live chat → Returns" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_error_is_shown_next_to_its_field_and_cleared_when_fixed()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Wishlist reminder"));
        var name = page.Locator("#edit-activity [name=name]");
        await name.FillAsync("   ");
        await page.Locator("#edit-activity button[type=submit]").ClickAsync();
        await SettledAsync(page);

        var error = page.Locator("#edit-activity [data-error-for=name]");
        await Expect(error).ToHaveTextAsync("The activity needs a name.");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToBeFocusedAsync();
        await Expect(page.Locator("#message")).ToBeHiddenAsync();

        await name.FillAsync("Wishlist nudge");
        await Expect(error).ToHaveTextAsync("");
        await page.Locator("#edit-activity button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Wishlist nudge");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Dragging_an_activity_to_another_phase_moves_it_and_the_move_survives_a_reload()
    {
        var page = await OpenAsync("#/map");
        var node = page.Locator("[data-testid=map-node][data-activity-id='" + SampleIds.Activity("Search ads") + "']");
        var from = (await node.BoundingBoxAsync())!;
        var header = (await page.Locator("#map .ood-lane[data-phase-id='" + SampleIds.Phase("Think") + "']").BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(header.X + 5, header.Y + 5, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await SettledAsync(page);

        await EventuallyAsync(async () => Phase(await JourneyAsync(), "Search ads") == SampleIds.Phase("Think").ToString());
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        var moved = (await page.Locator("[data-testid=map-node][data-activity-id='" + SampleIds.Activity("Search ads") + "']").BoundingBoxAsync())!;
        var lane = (await page.Locator("#map .ood-lane[data-phase-id='" + SampleIds.Phase("Think") + "']").BoundingBoxAsync())!;
        var next = (await page.Locator("#map .ood-lane[data-phase-id='" + SampleIds.Phase("Do") + "']").BoundingBoxAsync())!;
        Assert.InRange(moved.X, lane.X - 20, next.X);
        Assert.DoesNotContain("#/map/", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Moving_to_a_phase_with_the_keyboard_does_what_dragging_does()
    {
        var page = await OpenAsync("#/map/" + SampleIds.Activity("Review request"));
        await page.Locator("#move-activity [name=phaseId]").FocusAsync();
        await page.Locator("#move-activity [name=phaseId]").SelectOptionAsync(new SelectOptionValue { Label = "Do" });
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await SettledAsync(page);

        await Expect(page.Locator("#detail dd .phase-name")).ToHaveTextAsync("Do");
        Assert.Equal(SampleIds.Phase("Do").ToString(), Phase(await JourneyAsync(), "Review request"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Two_people_in_two_browsers_block_each_other_only_on_the_same_metric()
    {
        var ana = await OpenAsync("#/warnings");
        var ben = await OpenAsync("#/map/" + SampleIds.Activity("Payment"));

        // Ben records a value on Payment; Ana, still on the version she loaded, acknowledges a Support call warning.
        await RecordAsync(ben, "Payment failures", "2026-04-05", "3");
        var row = ana.Locator($"tr[data-warning-key='metric.threshold@metric:{SampleIds.Widget("Support call", "Average wait")}']");
        await row.Locator("button[data-action=acknowledge]").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(ana.Locator("#message")).ToBeHiddenAsync();

        // Ana, still on the version she loaded, records a value of Average wait; Ben records one first.
        await ana.GotoAsync("/#/map/" + SampleIds.Activity("Support call"));
        await Expect(ana.Locator("#detail-name")).ToHaveTextAsync("Support call");
        await ben.GotoAsync("/#/map/" + SampleIds.Activity("Support call"));
        await Expect(ben.Locator("#detail-name")).ToHaveTextAsync("Support call");
        await RecordAsync(ben, "Average wait", "2026-04-05", "4");
        var form = ana.Locator("#detail .widget", new() { HasText = "Average wait" }).Locator("form.record");
        await form.Locator("[name=date]").FillAsync("2026-04-05");
        await form.Locator("[name=value]").FillAsync("6");
        await form.Locator("button[type=submit]").ClickAsync();

        // The refusal is said in the form, which keeps Ana's value: who changed what, and when in her time zone.
        var conflict = form.Locator(".conflict");
        await Expect(conflict).ToContainTextAsync("web user recorded a value of 'Average wait' on ");
        await Expect(conflict).ToContainTextAsync("Not saved");
        await Expect(conflict).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[0-9a-f]{8}-[0-9a-f]{4}-|UTC"));
        await Expect(form.Locator("[name=value]")).ToHaveValueAsync("6");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    private static Task SettledAsync(IPage page) => Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

    private static async Task AddWidgetAsync(IPage page, string kind, string title)
    {
        await page.Locator("#add-widget [name=kind]").SelectOptionAsync(kind);
        await page.Locator("#add-widget [name=title]").FillAsync(title);
        if (kind == "description")
        {
            await page.Locator("#add-widget [name=markdown]").FillAsync("Recycled paper, no plastic.");
        }

        await page.Locator("#add-widget button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail .widget h3", new() { HasText = title })).ToHaveCountAsync(1);
    }

    private static async Task RecordAsync(IPage page, string metric, string date, string value)
    {
        var form = page.Locator("#detail .widget", new() { HasText = metric }).Locator("form.record");
        await form.Locator("[name=date]").FillAsync(date);
        await form.Locator("[name=value]").FillAsync(value);
        await form.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail .widget", new() { HasText = metric }).Locator(".value")).ToContainTextAsync(value);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the condition did not hold within 15 s");
            await Task.Delay(100);
        }
    }

    private static string? Phase(JsonElement journey, string activity) =>
        journey.GetProperty("activities").EnumerateArray().First(a => a.GetProperty("name").GetString() == activity).GetProperty("phaseId").GetString();
}
