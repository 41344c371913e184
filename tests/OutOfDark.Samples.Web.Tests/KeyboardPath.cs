using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Moving through a page with the keyboard only, as the keyboard-path tests do.</summary>
internal static class KeyboardPath
{
    /// <summary>Presses <paramref name="key"/> (Tab, Shift+Tab) until the script <paramref name="condition"/> holds; fails naming the focused element after <paramref name="max"/> presses.</summary>
    public static async Task TabUntilAsync(IPage page, string condition, string key = "Tab", int max = 120)
    {
        for (var i = 0; i < max; i++)
        {
            if (await page.EvaluateAsync<bool>("() => " + condition))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{max} presses of {key} never reached {condition}; focus is on {focused}.");
    }
}
