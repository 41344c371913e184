using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The web map is the renderer's SVG: flow labels, legend, phase colours, every lane, severity outlines, and the keyboard path.</summary>
public sealed class MapBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private Task<IPage> OpenAsync(string hash, int width = 1400) => WebPage.OpenAsync(fixture, hash, width);

    [BrowserFact]
    public async Task The_web_map_shows_the_flow_labels_the_legend_the_phase_colours_and_the_care_lane()
    {
        var page = await OpenAsync("#/map");

        var labels = page.Locator("#map g.ood-flow-label");
        await Expect(labels.Filter(new() { HasText = "clicks through" })).ToHaveCountAsync(1);
        await Expect(labels.Filter(new() { HasText = "adds to cart" })).ToBeVisibleAsync();
        Assert.True(await labels.CountAsync() >= 11, "every labelled flow of the online store has its label");
        await Expect(page.Locator("#map path.ood-flow").First).ToBeVisibleAsync();

        var legend = page.Locator("#map g.ood-legend");
        await legend.ScrollIntoViewIfNeededAsync();
        await Expect(legend).ToBeInViewportAsync();
        await Expect(legend).ToContainTextAsync("critical warning");

        var headers = await page.Locator("#map g.ood-lane").EvaluateAllAsync<string[]>("lanes => lanes.map(l => l.querySelectorAll('rect')[1].getAttribute('fill'))");
        Assert.Equal(4, headers.Length);
        Assert.Equal(4, headers.Distinct().Count());

        var care = page.Locator("#map g.ood-lane", new() { HasText = "Care" });
        await care.ScrollIntoViewIfNeededAsync();
        await Expect(care).ToBeInViewportAsync();
        var loyalty = page.Locator($"#map g.ood-node[data-activity-id='{SampleIds.Activity("Loyalty programme")}']");
        await loyalty.ScrollIntoViewIfNeededAsync();
        await Expect(loyalty).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Enter_on_a_map_box_opens_its_detail_view_with_focus_in_it_and_escape_gives_focus_back_to_the_box()
    {
        var page = await OpenAsync("#/map");
        var checkout = page.Locator($"#map g.ood-node[data-activity-id='{SampleIds.Activity("Checkout")}']");
        await Expect(checkout).ToHaveAttributeAsync("role", "button");
        await Expect(checkout).ToHaveAttributeAsync("tabindex", "0");

        await checkout.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        await Expect(page.Locator("#detail-name")).ToBeFocusedAsync();
        Assert.EndsWith("#/map/" + SampleIds.Activity("Checkout"), page.Url, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await Expect(checkout).ToBeFocusedAsync();
        Assert.EndsWith("#/map", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_flagged_box_names_its_severity_in_its_label_not_only_in_its_outline_colour()
    {
        var page = await OpenAsync("#/map");
        var support = page.Locator($"#map g.ood-node[data-activity-id='{SampleIds.Activity("Support call")}']");

        await Expect(support).ToHaveAttributeAsync("data-severity", "critical");
        await Expect(support).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("critical"));
        Assert.Equal("#b91c1c", await support.Locator("rect").First.GetAttributeAsync("stroke"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_map_svg_is_the_renderers_document_with_a_box_per_activity()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        using var response = await http.GetAsync(ApiClient.JourneyPath + "/map.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var boxes = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "ood-node").ToList();
        Assert.Contains(boxes, g => (string?)g.Attribute("data-activity-id") == SampleIds.Activity("Checkout").ToString());
        Assert.All(boxes, g => Assert.Equal("0", (string?)g.Attribute("tabindex")));
        Assert.Empty(svg.Descendants(Svg + "script"));
    }
}
