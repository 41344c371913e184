using System.Threading.Tasks;
using Xunit;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Numbers in messages and history lines (format.js's readable): every number with decimals is read the same way — the
/// whole integer part and at most three decimals, or three significant digits for small ones, no trailing zeros —
/// while the seconds of an ISO instant are left to the date format.
/// </summary>
public sealed class MessageNumberTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Every_number_with_decimals_in_a_message_is_read_by_the_same_rule()
    {
        var page = await WebPage.OpenAsync(fixture, "#/history", locale: "en-GB", timeZone: "UTC");
        var cases = new (string Text, string Shown)[]
        {
            ("Recorded 0.0 s", "Recorded 0 s"),
            ("Recorded 0.0000000000000000000000000000 s", "Recorded 0 s"),
            ("Recorded 74.0 s", "Recorded 74 s"),
            ("Recorded 12.345678901234567890123456789 s", "Recorded 12.346 s"),
            ("Recorded 0.0000000000000000000000000015 s", "Recorded 0.0000000000000000000000000015 s"),
            ("Recorded 0.001234567 s", "Recorded 0.00123 s"),
            ("Recorded -280.90 %", "Recorded -280.9 %"),
            ("Snoozed until 2026-04-12T09:00:57.9068289Z", "Snoozed until 12 Apr 2026, 09:00"),
        };
        foreach (var (text, shown) in cases)
        {
            Assert.Equal(shown, await page.EvaluateAsync<string>("t => readable(t)", text));
        }

        await page.Context.CloseAsync();
    }
}
