using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Every view of the web sample checked by axe-core (no serious or critical violation), and the keyboard path walked
/// with Tab, Enter and Escape only: map → Detail → back to the map → Warnings → acknowledge → snooze, with a visible
/// focus ring on every stop.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string hash, int width = 1400)
    {
        List<string> errors = [];
        var page = await WebPage.OpenAsync(fixture, hash, width, beforeLoad: p => errors = PageErrors.Watch(p));
        return (page, errors);
    }

    [BrowserFact]
    public async Task The_activity_map_has_no_serious_accessibility_violation()
    {
        var (page, errors) = await OpenAsync("#/map");
        await Expect(page.Locator("[data-testid=map-node]").First).ToBeVisibleAsync();

        await AxeAssert.NoSeriousViolationsAsync(page, "Activity Map");
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_detail_view_has_no_serious_accessibility_violation()
    {
        var (page, errors) = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");

        await AxeAssert.NoSeriousViolationsAsync(page, "Detail (Checkout)");
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_warnings_view_of_one_journey_has_no_serious_accessibility_violation()
    {
        var (page, errors) = await OpenAsync("#/warnings");
        await Expect(page.Locator("#warnings tbody tr").First).ToBeVisibleAsync();

        await AxeAssert.NoSeriousViolationsAsync(page, "Warnings (this journey)");
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_warnings_view_of_the_whole_workspace_has_no_serious_accessibility_violation()
    {
        await fixture.Services.GetRequiredService<DueRecheckService>().RecheckAsync();
        var (page, errors) = await OpenAsync("#/warnings");
        await page.Locator("select[name=scope]").SelectOptionAsync("workspace");
        await Expect(page.Locator("#warning-counts")).ToContainTextAsync("across the workspace");

        await AxeAssert.NoSeriousViolationsAsync(page, "Warnings (whole workspace)");
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_keyboard_alone_opens_an_activity_closes_it_and_acknowledges_a_warning_keeping_focus()
    {
        var (page, errors) = await OpenAsync("#/map");
        var checkout = SampleIds.Activity("Checkout").ToString();

        // Map → Checkout: Tab through the page until the activity has focus, then Enter.
        await KeyboardPath.TabUntilAsync(page, $"document.activeElement?.getAttribute('data-activity-id') === '{checkout}'");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        await Expect(page.Locator("#detail h2")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.closest('#detail') !== null"), "Tab after opening the Detail view should stay in it.");

        // Escape closes it and gives focus back to the activity on the map.
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await Expect(page.Locator($"#map [data-activity-id='{checkout}']")).ToBeFocusedAsync();
        Assert.EndsWith("#/map", page.Url, StringComparison.Ordinal);

        // Back up to the navigation and into the Warnings view.
        await KeyboardPath.TabUntilAsync(page, "document.activeElement?.id === 'nav-warnings'", "Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#warnings tbody tr").First).ToBeVisibleAsync();

        var key = $"metric.threshold@metric:{SampleIds.Widget("Support call", "Average wait")}";
        var row = page.Locator($"tr[data-warning-key='{key}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "open");
        await KeyboardPath.TabUntilAsync(page, $"document.activeElement?.matches(\"tr[data-warning-key='{key}'] button[data-action=acknowledge]\") === true");
        var place = await page.EvaluateAsync<int>($"() => [...document.querySelectorAll('#warnings tbody tr[data-warning-key]')].findIndex(r => r.getAttribute('data-warning-key') === \"{key}\")");

        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");

        // The acknowledged warning leaves "Needs attention" for its folded section: focus stays at its place in the list.
        await AssertFocusOnRowAsync(page, key, place);
        await Expect(page.Locator("#triage-announce")).ToHaveTextAsync("Acknowledged: Average wait on Support call (Metric past threshold)");

        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Every_stop_of_the_keyboard_shows_a_focus_ring_of_at_least_3_to_1()
    {
        var (page, errors) = await OpenAsync("#/map/" + SampleIds.Activity("Checkout"));
        await Expect(page.Locator("#detail-name")).ToHaveTextAsync("Checkout");
        var weak = new List<string>();

        // Every stop of the map and Detail view, then of the Warnings view.
        await CollectWeakRingsAsync(page, weak, 60);
        await page.GotoAsync("/#/warnings");
        await Expect(page.Locator("#warnings tbody tr").First).ToBeVisibleAsync();
        await CollectWeakRingsAsync(page, weak, 40);

        Assert.True(weak.Count == 0, "Focus rings missing or too faint:\n" + string.Join('\n', weak));
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    private static async Task CollectWeakRingsAsync(IPage page, List<string> weak, int stops)
    {
        for (var i = 0; i < stops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var finding = await page.EvaluateAsync<string?>(FocusRingCheck);
            if (finding is not null && !weak.Contains(finding))
            {
                weak.Add(finding);
            }
        }
    }

    // Measures the focused element's ring: an HTML element's outline against the background around it; an SVG map
    // node's card stroke against the card and the map. Returns what is wrong, or null when the ring is visible.
    private const string FocusRingCheck = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const rgb = s => { const m = s.match(/[\d.]+/g); return m ? m.slice(0, 4).map(Number) : null; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
          const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          const background = node => {
            for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
              const c = rgb(getComputedStyle(n).backgroundColor);
              if (c && (c.length < 4 || c[3] > 0.5)) return c;
            }
            return [255, 255, 255];
          };
          const name = el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.getAttribute('data-action') ? `[data-action=${el.getAttribute('data-action')}]` : '')
            + (el.getAttribute('data-activity-id') ? '[data-activity-id]' : '') + ` "${(el.textContent || '').trim().slice(0, 30)}"`;
          // A date field's calendar button (inside the field) takes focus without :focus-visible on the field.
          if (!el.matches(':focus-visible') && !el.matches('input:focus-within')) return name + ': focused without :focus-visible';
          if (el instanceof SVGElement) {
            const rect = el.querySelector('rect');
            if (!rect) return name + ': an SVG stop without a card';
            const s = getComputedStyle(rect);
            const stroke = rgb(s.stroke), fill = rgb(s.fill) || [255, 255, 255];
            if (!stroke || parseFloat(s.strokeWidth) < 3) return name + `: card stroke ${s.stroke} ${s.strokeWidth}`;
            const r = Math.min(ratio(stroke, fill), ratio(stroke, background(el.ownerSVGElement)));
            return r >= 3 ? null : name + `: card stroke ${s.stroke} is ${r.toFixed(2)}:1`;
          }
          const s = getComputedStyle(el);
          if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) return name + `: outline ${s.outlineStyle} ${s.outlineWidth}`;
          const r = ratio(rgb(s.outlineColor), background(el.parentElement || el));
          return r >= 3 ? null : name + `: outline ${s.outlineColor} on its background is ${r.toFixed(2)}:1`;
        }
        """;

    // Focus stays on the warning's row, or on the row now at its place when the warning left the list.
    private static async Task AssertFocusOnRowAsync(IPage page, string key, int place)
    {
        await Expect(page.Locator("#warnings tbody tr:focus-within")).ToHaveCountAsync(1);
        var focused = await page.EvaluateAsync<string[]>("""
            () => {
              const row = document.activeElement.closest('tr[data-warning-key]');
              const rows = [...document.querySelectorAll('#warnings tbody tr[data-warning-key]')].filter(r => r.getClientRects().length > 0);
              return [row.getAttribute('data-warning-key'), String(rows.indexOf(row))];
            }
            """);
        Assert.True(focused[0] == key || focused[1] == place.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Focus went to row {focused[1]} ({focused[0]}), not to the warning's row {place}.");
    }
}
