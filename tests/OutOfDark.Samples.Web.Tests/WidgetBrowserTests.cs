using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Adding and editing every widget kind in the web sample's UI (widgets.js hooking edit.js's widget forms), in Chromium:
/// an emotion widget reaching the emotion lane, a solution, a feedback entry, a metric's kind with a refused limit shown
/// next to its field, and axe-core on the new forms at desktop and phone width.
/// </summary>
public sealed class WidgetBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Reminder = "#/map/" + SampleIds.Activity("Wishlist reminder");

    private async Task<IPage> OpenAsync(string hash, int width = 2200)
    {
        var page = await WebPage.OpenAsync(fixture, hash, width, width == Screenshots.Phone ? 844 : 1300);
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Wishlist reminder");
        return page;
    }

    private static Task SettledAsync(IPage page) => Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

    private static async Task ChooseKindAsync(IPage page, string kind, string title)
    {
        await page.Locator("#add-widget [name=kind]").SelectOptionAsync(kind);
        await page.Locator("#add-widget [name=title]").FillAsync(title);
    }

    private static async Task SubmitAddAsync(IPage page, string title)
    {
        await page.Locator("#add-widget button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail .widget h3", new() { HasText = title })).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task An_emotion_widget_added_for_a_persona_shows_in_the_emotion_lane_after_reload_and_its_to_be_score_is_edited()
    {
        var page = await OpenAsync(Reminder);
        await ChooseKindAsync(page, "emotion", "Reminder mood");
        await page.Locator("#add-widget [name=persona]").SelectOptionAsync(new SelectOptionValue { Label = "Gift shopper" });
        await page.Locator("#add-widget [name=asIs]").SelectOptionAsync(new SelectOptionValue { Label = "negative (−1)" });
        await page.Locator("#add-widget [name=toBe]").SelectOptionAsync(new SelectOptionValue { Label = "positive (+1)" });
        await SubmitAddAsync(page, "Reminder mood");
        var widget = page.Locator("#detail .widget", new() { HasText = "Reminder mood" });
        await Expect(widget).ToContainTextAsync("Gift shopper feels negative (−1); should feel positive (+1)");

        await page.ReloadAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await page.Locator("#emotion-lane #persona").SelectOptionAsync(new SelectOptionValue { Label = "Gift shopper" });
        var point = page.Locator($"#emotion-lane tr[data-activity-id='{SampleIds.Activity("Wishlist reminder")}']");
        await Expect(point).ToContainTextAsync("negative (−1)");
        await Expect(point).ToContainTextAsync("positive (+1)");

        await page.Locator("#detail .widget", new() { HasText = "Reminder mood" }).Locator("[data-edit=edit-widget]").ClickAsync();
        var edit = page.Locator("form[aria-label='Edit Reminder mood']");
        await Expect(edit.Locator("[name=persona]")).ToHaveValueAsync(SampleIds.Persona("Gift shopper").ToString());
        await edit.Locator("[name=toBe]").SelectOptionAsync(new SelectOptionValue { Label = "very positive (+2)" });
        await edit.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail .widget", new() { HasText = "Reminder mood" })).ToContainTextAsync("should feel very positive (+2)");
        await Expect(page.Locator($"#emotion-lane tr[data-activity-id='{SampleIds.Activity("Wishlist reminder")}']")).ToContainTextAsync("very positive (+2)");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_solution_and_a_feedback_entry_are_added_and_the_solution_status_is_edited()
    {
        var page = await OpenAsync(Reminder);
        await ChooseKindAsync(page, "solution", "Fewer reminders");
        await page.Locator("#add-widget [name=problem]").FillAsync("Too many e-mails.");
        await page.Locator("#add-widget [name=solution]").FillAsync("One reminder a week.");
        await SubmitAddAsync(page, "Fewer reminders");
        await Expect(page.Locator("#detail .widget", new() { HasText = "Fewer reminders" })).ToContainTextAsync("Status: proposed");

        await page.Locator("#detail .widget", new() { HasText = "Fewer reminders" }).Locator("[data-edit=edit-widget]").ClickAsync();
        var edit = page.Locator("form[aria-label='Edit Fewer reminders']");
        await edit.Locator("[name=status]").SelectOptionAsync(new SelectOptionValue { Label = "in progress" });
        await edit.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail .widget", new() { HasText = "Fewer reminders" })).ToContainTextAsync("Status: in progress");

        await ChooseKindAsync(page, "feedback", "What they say");
        await SubmitAddAsync(page, "What they say");
        await page.Locator("#detail .widget", new() { HasText = "What they say" }).Locator("[data-edit=edit-widget]").ClickAsync();
        var feedback = page.Locator("form[aria-label='Edit What they say']");
        await feedback.Locator("[name='addEntry.source']").FillAsync("Chat");
        await feedback.Locator("[name='addEntry.quote']").FillAsync("One e-mail a week would be plenty.");
        await feedback.Locator("[name='addEntry.sentiment']").SelectOptionAsync(new SelectOptionValue { Label = "negative" });
        await feedback.Locator("[name='addEntry.date']").FillAsync("2026-04-02");
        await feedback.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#detail .widget", new() { HasText = "What they say" })).ToContainTextAsync("One e-mail a week would be plenty.");
        await Expect(page.Locator("#detail .widget", new() { HasText = "What they say" })).ToContainTextAsync("Chat");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_minutes_metric_with_a_negative_target_is_refused_next_to_the_target_and_its_kind_is_kept_in_the_form()
    {
        var page = await OpenAsync(Reminder);
        await ChooseKindAsync(page, "metric", "Chat wait");
        await page.Locator("#add-widget [name=unit]").FillAsync("min");
        await page.Locator("#add-widget [name=metricKind]").SelectOptionAsync(new SelectOptionValue { Label = "count" });
        await page.Locator("#add-widget [name=direction]").SelectOptionAsync(new SelectOptionValue { Label = "lower is better" });
        await page.Locator("#add-widget [name=target]").FillAsync("-5");
        await page.Locator("#add-widget button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#add-widget [data-error-for=target]")).ToHaveTextAsync("A count cannot be negative; got -5.");
        await Expect(page.Locator("#add-widget [name=target]")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#detail .widget h3", new() { HasText = "Chat wait" })).ToHaveCountAsync(0);

        await page.Locator("#add-widget [name=metricKind]").SelectOptionAsync(new SelectOptionValue { Label = "Net Promoter Score (NPS)" });
        await page.Locator("#add-widget [name=target]").FillAsync("40");
        await SubmitAddAsync(page, "Chat wait");
        await page.Locator("#detail .widget", new() { HasText = "Chat wait" }).Locator("[data-edit=edit-widget]").ClickAsync();
        var edit = page.Locator("form[aria-label='Edit Chat wait']");
        await Expect(edit.Locator("[name=metricKind]")).ToHaveValueAsync("nps");
        await Expect(edit.Locator("[name=direction]")).ToHaveValueAsync("lowerIsBetter");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_metric_widgets_target_and_thresholds_reach_the_server_with_the_digits_typed_when_added_and_edited()
    {
        var page = await OpenAsync(Reminder);
        await ChooseKindAsync(page, "metric", "Exact limits");
        await page.Locator("#add-widget [name=unit]").FillAsync("s");
        await page.Locator("#add-widget [name=direction]").SelectOptionAsync(new SelectOptionValue { Label = "lower is better" });
        await page.Locator("#add-widget [name=target]").FillAsync("12.345678901234567890123");
        await page.Locator("#add-widget [name=warningThreshold]").FillAsync("13.0000000000000000001");
        await page.Locator("#add-widget [name=criticalThreshold]").FillAsync("14.0000000000000000001");
        await SubmitAddAsync(page, "Exact limits");
        var added = await MetricContentAsync(page, "Exact limits");
        Assert.Equal(12.345678901234567890123m, added.GetProperty("target").GetDecimal());
        Assert.Equal(13.0000000000000000001m, added.GetProperty("warningThreshold").GetDecimal());
        Assert.Equal(14.0000000000000000001m, added.GetProperty("criticalThreshold").GetDecimal());

        await page.Locator("#detail .widget", new() { HasText = "Exact limits" }).Locator("[data-edit=edit-widget]").ClickAsync();
        var edit = page.Locator("form[aria-label='Edit Exact limits']");
        await edit.Locator("[name=target]").FillAsync("9.0000000000000000001");
        await edit.Locator("button[type=submit]").ClickAsync();
        await SettledAsync(page);
        var edited = await MetricContentAsync(page, "Exact limits");
        Assert.Equal(9.0000000000000000001m, edited.GetProperty("target").GetDecimal());
        Assert.Equal(13.0000000000000000001m, edited.GetProperty("warningThreshold").GetDecimal());
        await page.Context.CloseAsync();
    }

    // The content of the Wishlist reminder's widget titled `title`, as the API returns it.
    private static async Task<JsonElement> MetricContentAsync(IPage page, string title)
    {
        var response = await page.APIRequest.GetAsync(ApiClient.JourneyPath + "/activities/" + SampleIds.Activity("Wishlist reminder"));
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.TextAsync());
        foreach (var widget in json.RootElement.GetProperty("widgets").EnumerateArray())
        {
            if (widget.GetProperty("title").GetString() == title)
            {
                return widget.GetProperty("content").Clone();
            }
        }

        throw new Xunit.Sdk.XunitException($"No widget titled {title} in the activity's JSON.");
    }

    [BrowserFact]
    public Task The_new_widget_forms_have_no_serious_accessibility_violation_at_desktop_width() => CheckFormsAsync(Screenshots.Desktop);

    [BrowserFact]
    public Task The_new_widget_forms_have_no_serious_accessibility_violation_at_phone_width() => CheckFormsAsync(Screenshots.Phone);

    private async Task CheckFormsAsync(int width)
    {
        var page = await OpenAsync(Reminder, width);
        foreach (var kind in new[] { "metric", "emotion", "solution", "feedback" })
        {
            await page.Locator("#add-widget [name=kind]").SelectOptionAsync(kind);
            await AxeAssert.NoSeriousViolationsAsync(page, $"add-widget form ({kind}) at {width} px");
        }

        // An emotion refused for want of a persona shows its error next to the persona select.
        await ChooseKindAsync(page, "emotion", "Mood");
        await page.Locator("#add-widget [name=persona]").SelectOptionAsync("");
        await page.Locator("#add-widget button[type=submit]").ClickAsync();
        await SettledAsync(page);
        await Expect(page.Locator("#add-widget [data-error-for=persona]")).ToContainTextAsync("Choose the persona who feels this");
        await AxeAssert.NoSeriousViolationsAsync(page, $"add-widget form (emotion, refused) at {width} px");
        await page.Context.CloseAsync();
    }
}
