using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Api;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The page's text rules: a right-to-left name inside a sentence is isolated, so it cannot reorder the words around it;
/// the forms stop at the API's length limits, counted in characters (an emoji is one).
/// </summary>
public sealed class TextRulesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_detail_form_stops_each_field_at_the_apis_limit_for_its_kind()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 2200, Height = 1300 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/#/map/" + SampleIds.Activity("Checkout"));
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        foreach (var (name, limit) in new[] { ("name", TextLimits.Name), ("owner", TextLimits.Name), ("team", TextLimits.Name), ("description", TextLimits.Text) })
        {
            await Expect(page.Locator($"#edit-activity [name={name}]")).ToHaveAttributeAsync("data-max-characters", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Counted in characters as the server counts them: 500 emoji (1,000 UTF-16 units) fit a name, the 501st does not.
        var owner = page.Locator("#edit-activity [name=owner]");
        await owner.FillAsync(string.Concat(System.Linq.Enumerable.Repeat("\U0001F680", 500)));
        Assert.True(await owner.EvaluateAsync<bool>("e => e.checkValidity()"));
        // 499 emoji and two letters: 501 characters in 1,000 UTF-16 units, within maxlength, so the count refuses it.
        await owner.FillAsync(string.Concat(System.Linq.Enumerable.Repeat("\U0001F680", 499)) + "ab");
        Assert.False(await owner.EvaluateAsync<bool>("e => e.checkValidity()"));
        Assert.Equal("Keep it to 500 characters; this one has 501.", await owner.EvaluateAsync<string>("e => e.validationMessage"));
    }

    [BrowserFact]
    public async Task A_right_to_left_name_in_a_history_line_sits_in_an_isolating_element_of_its_own()
    {
        // Arabic, Hebrew and a number: unisolated, the number and the closing quote would join the right-to-left run.
        const string name = "مرحبا שלום 42";
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using (var created = await ApiClient.SendAsync(client, HttpMethod.Post, ApiClient.JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name }, null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/#/history");
        await Expect(page.Locator("#history-list[data-shows]")).ToHaveCountAsync(1);

        var line = page.Locator("#history-list li", new() { HasTextString = name }).First;
        var isolated = line.Locator("bdi", new() { HasTextString = name }).First;
        await Expect(isolated).ToHaveTextAsync(name);
        Assert.Equal("BDI isolate", await isolated.EvaluateAsync<string>("e => e.tagName + ' ' + getComputedStyle(e).unicodeBidi"));
        // The words around the name stay outside it, in the sentence's own order.
        Assert.Contains($"\"{name}\" to phase", await line.EvaluateAsync<string>("e => [...e.childNodes].filter(n => n.nodeName !== 'TIME').map(n => n.textContent).join('')"), System.StringComparison.Ordinal);
        Assert.Equal("BDI", await line.Locator("time bdi").EvaluateAsync<string>("e => e.tagName"));
    }
}
