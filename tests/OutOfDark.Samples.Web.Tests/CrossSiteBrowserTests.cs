using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Tests.Shared;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// A page of another origin (another port of 127.0.0.1, so the same site but not the same origin) tries to change a
/// journey in the sample through the visitor's browser: an auto-submitted <c>text/plain</c> form whose body is JSON,
/// a CORS <c>fetch</c> with a JSON content type, and a <c>no-cors</c> fetch. The journey must not change.
/// </summary>
public sealed class CrossSiteBrowserTests
{
    [BrowserFact]
    public async Task A_page_of_another_origin_cannot_change_a_journey_by_form_or_fetch()
    {
        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException("CI=true and the browser tests must run: " + Chromium.Missing);
        }

        await using var sample = new KestrelWebSample();
        using var client = sample.CreateClient();
        var (before, version) = await GetAsync(client, JourneyPath);
        var target = new Uri(sample.BaseAddress, JourneyPath + "/activities").ToString();
        var phase = SampleIds.Phase("See").ToString();
        // The form's one field is named so that "name=value" is the JSON body {"phaseId":…,"name":"By form","x":"="}.
        var html = $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Another site</title></head>
            <body>
            <form id="attack" method="POST" enctype="text/plain" target="sink" action="{{target}}">
              <input type="hidden" name='{"phaseId":"{{phase}}","name":"By form","x":"' value='"}'>
            </form>
            <iframe name="sink" id="sink"></iframe>
            <script>
              const body = JSON.stringify({ phaseId: "{{phase}}", name: "By fetch" });
              const results = [];
              (async () => {
                try {
                  const r = await fetch("{{target}}", { method: "POST", headers: { "Content-Type": "application/json" }, body });
                  results.push("cors:" + r.status);
                } catch (e) { results.push("cors:refused"); }
                try {
                  const r = await fetch("{{target}}", { method: "POST", mode: "no-cors", headers: { "Content-Type": "application/json" }, body });
                  results.push("no-cors:" + r.type);
                } catch (e) { results.push("no-cors:refused"); }
                document.getElementById("sink").addEventListener("load", () => {
                  document.body.dataset.results = results.join(" ");
                  document.body.dataset.done = "true";
                });
                document.getElementById("attack").submit();
              })();
            </script>
            </body></html>
            """;
        using var otherSite = new OtherOriginPageServer(html);
        Assert.NotEqual(sample.BaseAddress.Port, otherSite.Address.Port);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        await page.GotoAsync(otherSite.Address.ToString());
        await Expect(page.Locator("body[data-done=true]")).ToHaveCountAsync(1);

        // The JSON fetch never got past its preflight; the no-cors one went out as text/plain and got an opaque answer.
        Assert.Equal("cors:refused no-cors:opaque", await page.Locator("body").GetAttributeAsync("data-results"));
        var sink = page.Frames.Single(f => f.Name == "sink");
        Assert.Contains("Cross-site request refused.", await sink.ContentAsync(), StringComparison.Ordinal);
        var (after, versionAfter) = await GetAsync(client, JourneyPath);
        Assert.Equal(version, versionAfter);
        Assert.Equal(before.GetProperty("activities").GetArrayLength(), after.GetProperty("activities").GetArrayLength());
        Assert.DoesNotContain(after.GetProperty("activities").EnumerateArray(), a => a.GetProperty("name").GetString() is "By form" or "By fetch");
    }
}
