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
/// The web sample on a 390 px phone: no view scrolls the page sideways (WCAG 1.4.10 reflow), the map keeps its
/// readable size and scrolls inside its own box instead of shrinking, the Detail view and its forms fit the width, and
/// every button, field and disclosure is a target of at least 24×24 CSS px (WCAG 2.2, 2.5.8 target size).
/// </summary>
public sealed class PhoneWidthTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string hash)
    {
        List<string> errors = [];
        var page = await WebPage.OpenAsync(fixture, hash, Screenshots.Phone, 844, configure: o => (o.IsMobile, o.HasTouch) = (true, true), beforeLoad: p => errors = PageErrors.Watch(p));
        return (page, errors);
    }

    // What on the page is wrong at this width: the page's sideways scroll, then every visible target (button, field,
    // disclosure, navigation link) smaller than 24×24 CSS px. Links inside a sentence or a table cell are exempt
    // (WCAG 2.5.8 "inline"), as are targets the browser draws inside a field.
    private const string Findings = """
        () => {
          const found = [];
          const page = document.scrollingElement;
          if (page.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways: ${page.scrollWidth} px wide at ${window.innerWidth} px`);
          const targets = document.querySelectorAll('button, select, input:not([type=hidden]), textarea, summary, .top nav a, .exports a, .search-results a');
          for (const t of targets) {
            const r = t.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(t).visibility === 'hidden') continue;
            if (r.width < 24 - 0.01 || r.height < 24 - 0.01) {
              const name = (t.getAttribute('aria-label') || t.textContent || t.name || t.type || '').trim().slice(0, 40);
              found.push(`${t.tagName.toLowerCase()}${t.id ? '#' + t.id : ''} "${name}" is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
            }
          }
          return [...new Set(found)];
        }
        """;

    private static async Task AssertFitsAsync(IPage page, List<string> errors, string view)
    {
        var findings = await page.EvaluateAsync<string[]>(Findings);
        Assert.True(findings.Length == 0, $"At 390 px the {view} view:\n" + string.Join('\n', findings));
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
    }

    [BrowserFact]
    public async Task The_map_keeps_its_readable_size_and_scrolls_inside_its_box()
    {
        var (page, errors) = await OpenAsync("#/map");
        await Expect(page.Locator("[data-testid=map-node]").First).ToBeVisibleAsync();

        var sizes = await page.EvaluateAsync<double[]>("""
            () => {
              const box = document.getElementById('map'), svg = box.querySelector('svg');
              return [window.innerWidth, box.clientWidth, box.scrollWidth, svg.getBoundingClientRect().width, svg.viewBox.baseVal.width];
            }
            """);
        var (viewport, box, content, drawn, natural) = (sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);

        Assert.True(drawn >= viewport * 0.9, $"The map is drawn {drawn:0} px wide on a {viewport:0} px screen: shrunk, not readable.");
        Assert.True(drawn >= natural - 1, $"The map is drawn at {drawn:0} px, smaller than its own {natural:0} px.");
        Assert.True(box <= viewport, $"The map's box is {box:0} px wide on a {viewport:0} px screen.");
        Assert.True(content > box, $"The map ({content:0} px) should scroll inside its {box:0} px box.");

        // Scrolling the box sideways reaches the map's right edge (the last lane and the legend) without moving the page.
        await page.Locator("#map").EvaluateAsync("box => box.scrollLeft = box.scrollWidth");
        Assert.True(await page.EvaluateAsync<double>("() => document.getElementById('map').scrollLeft") > 0, "The map's box does not scroll sideways.");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollX"));
        await AssertFitsAsync(page, errors, "map");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_detail_view_and_its_forms_fit_the_width()
    {
        var (page, errors) = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        await page.Locator("#detail .widget [data-edit=edit-widget]").First.ClickAsync();
        await Expect(page.Locator("#edit-widget-0")).ToBeVisibleAsync();

        // Nothing in the Detail view reaches past its right edge or scrolls inside it sideways.
        var wide = await page.EvaluateAsync<string[]>("""
            () => {
              const detail = document.getElementById('detail'), edge = detail.getBoundingClientRect().right + 1;
              const out = [];
              if (edge > window.innerWidth + 2) out.push(`the Detail view ends at ${edge.toFixed(0)} px`);
              if (detail.scrollWidth > detail.clientWidth + 1) out.push(`the Detail view scrolls sideways (${detail.scrollWidth} in ${detail.clientWidth})`);
              for (const n of detail.querySelectorAll('form, input, select, textarea, button, h2, h3, dl, article')) {
                const r = n.getBoundingClientRect();
                if (r.width > 0 && r.right > edge) out.push(`${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.name ? '[name=' + n.name + ']' : ''} ends at ${r.right.toFixed(0)} px`);
              }
              return out;
            }
            """);
        Assert.True(wide.Length == 0, "At 390 px the Detail view does not fit:\n" + string.Join('\n', wide));
        await AssertFitsAsync(page, errors, "Detail");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_journey_panel_fits_the_width()
    {
        var (page, errors) = await OpenAsync("#/map");
        await page.Locator("#edit-journey summary").ClickAsync();
        await Expect(page.Locator("#add-phase")).ToBeVisibleAsync();

        var edge = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('#edit-journey input, #edit-journey select, #edit-journey button')].map(n => n.getBoundingClientRect().right))");
        Assert.True(edge <= Screenshots.Phone, $"A field of the journey panel ends at {edge:0} px on a 390 px screen.");
        await AssertFitsAsync(page, errors, "Edit the journey");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_warnings_view_fits_with_its_rows_as_cards_and_the_snooze_form_open()
    {
        var (page, errors) = await OpenAsync("#/warnings");
        var row = page.Locator("#warnings [data-section=open] tbody tr").First;
        await Expect(row).ToBeVisibleAsync();
        await row.Locator("input.select").CheckAsync();
        await Expect(page.Locator("#bulk-bar")).ToBeVisibleAsync();
        await row.Locator("button[data-action=snooze]").ClickAsync();
        await Expect(row.Locator("form.snooze")).ToBeVisibleAsync();

        await AssertFitsAsync(page, errors, "Warnings");
        await page.Context.CloseAsync();
    }

    // Where each part of the first open warning's card ends up: the page's sideways scroll, then every action button,
    // the message and the evidence that is not wholly inside the viewport.
    private const string FirstWarningOffScreen = """
        () => {
          const out = [];
          if (document.scrollingElement.scrollWidth > window.innerWidth + 1) out.push(`the page is ${document.scrollingElement.scrollWidth} px wide`);
          const row = document.querySelector('#warnings [data-section=open] tbody tr');
          const parts = [...row.querySelectorAll('td.actions button, .message, .evidence')];
          if (!parts.some(p => p.matches('button'))) out.push('the first warning has no action buttons');
          for (const p of parts) {
            const r = p.getBoundingClientRect();
            if (r.left < 0 || r.right > window.innerWidth || r.width === 0) {
              out.push(`${p.tagName.toLowerCase()} "${p.textContent.trim().slice(0, 30)}" spans x=${r.left.toFixed(0)}..${r.right.toFixed(0)}`);
            }
          }
          for (const box of document.querySelectorAll('#warnings-view, .warning-section, table.warnings')) {
            if (box.scrollWidth > box.clientWidth + 1) out.push(`${box.className || box.id} scrolls sideways (${box.scrollWidth} in ${box.clientWidth})`);
          }
          return out;
        }
        """;

    [BrowserFact]
    public Task Every_action_of_the_first_warning_is_on_screen_in_the_journey_scope() => AssertFirstWarningOnScreenAsync("journey");

    [BrowserFact]
    public Task Every_action_of_the_first_warning_is_on_screen_in_the_workspace_scope() => AssertFirstWarningOnScreenAsync("workspace");

    private async Task AssertFirstWarningOnScreenAsync(string scope)
    {
        var (page, errors) = await OpenAsync("#/warnings");
        if (scope == "workspace")
        {
            await page.Locator("select[name=scope]").SelectOptionAsync("workspace");
            await Expect(page.Locator("#warning-counts")).ToContainTextAsync("across the workspace");
        }

        var row = page.Locator("#warnings [data-section=open] tbody tr").First;
        await Expect(row.Locator("button[data-action=acknowledge]")).ToBeVisibleAsync();
        var offScreen = await page.EvaluateAsync<string[]>(FirstWarningOffScreen);
        Assert.True(offScreen.Length == 0, $"At 390 px ({scope} scope) the first warning is not all on screen:\n" + string.Join('\n', offScreen));

        // The card still reads as a table row: its cells are announced under their column headers.
        await Expect(page.Locator("#warnings [data-section=open] table").First).ToHaveAttributeAsync("role", "table");
        await Expect(row.GetByRole(AriaRole.Cell).First).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Columnheader, new() { Name = "Actions" }).CountAsync() > 0, "The cards lost their column headers.");
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_whole_workspace_warnings_fit_the_width()
    {
        var (page, errors) = await OpenAsync("#/warnings");
        await page.Locator("select[name=scope]").SelectOptionAsync("workspace");
        await Expect(page.Locator("#warning-counts")).ToContainTextAsync("across the workspace");

        await AssertFitsAsync(page, errors, "Warnings (whole workspace)");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_history_view_fits_the_width()
    {
        var (page, errors) = await OpenAsync("#/history");
        await Expect(page.Locator("#history-list[data-shows=everything]")).ToHaveCountAsync(1);
        var run = page.Locator("#history-list .history details summary");
        if (await run.CountAsync() > 0)
        {
            await run.First.ClickAsync();
        }

        await AssertFitsAsync(page, errors, "History");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Search_results_and_the_export_menu_fit_the_width()
    {
        var (page, errors) = await OpenAsync("#/map");
        await page.Locator("#search").FillAsync("pay");
        await Expect(page.Locator("#search-results a").First).ToBeVisibleAsync();
        await AssertFitsAsync(page, errors, "search");

        await page.Locator("#search").PressAsync("Escape");
        await page.Locator("#exports summary").ClickAsync();
        await Expect(page.Locator("#exports a[data-export=json]")).ToBeVisibleAsync();
        var right = await page.EvaluateAsync<double>("() => document.querySelector('#exports ul').getBoundingClientRect().right");
        Assert.True(right <= Screenshots.Phone, $"The export menu ends at {right:0} px on a 390 px screen.");
        await AssertFitsAsync(page, errors, "export menu");
        await page.Context.CloseAsync();
    }
}
