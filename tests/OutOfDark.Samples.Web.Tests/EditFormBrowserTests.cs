using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The Detail form sends back only what the person changed: untouched text reaches the server exactly as it was.</summary>
public sealed class EditFormBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Changing_only_the_owner_keeps_a_padded_name_and_channels_holding_commas_exactly()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var created = await ApiClient.SendAsync(client, HttpMethod.Post, ApiClient.JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = "  padded  ", channels = new[] { "in-store, pickup", " spaced " } }, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 2200, Height = 1300 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/#/map/" + id);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#edit-activity [name=channels]")).ToHaveValueAsync("in-store, pickup\n spaced ");

        await page.Locator("#edit-activity [name=owner]").FillAsync("Eva Novak");
        await page.Locator("#edit-activity button[type=submit]").ClickAsync();
        await Expect(page.Locator("body[aria-busy]")).ToHaveCountAsync(0);

        var (detail, _) = await ApiClient.GetAsync(client, ApiClient.JourneyPath + "/activities/" + id);
        var activity = detail.GetProperty("activity");
        Assert.Equal("Eva Novak", activity.GetProperty("owner").GetString());
        Assert.Equal("  padded  ", activity.GetProperty("name").GetString());
        Assert.Equal(["in-store, pickup", " spaced "], activity.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("description").GetString()!.Contains("Eva Novak", System.StringComparison.Ordinal));
    }
}
