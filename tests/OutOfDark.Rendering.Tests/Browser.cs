using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OutOfDark.Tests.Shared;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>One headless Chromium shared by every browser test, with Mermaid's bundle located.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser is missing, or <see langword="null"/> when it runs.</summary>
    public string? Missing { get; private set; }

    /// <summary>The Mermaid bundle to load, or <see langword="null"/> when it is not installed.</summary>
    public string? MermaidBundle { get; } = FindMermaid();

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            Missing = Chromium.Missing;
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>The browser; the test fails with what to do when it is missing.</summary>
    public IBrowser? Require(Xunit.Abstractions.ITestOutputHelper output)
    {
        if (Browser is not null)
        {
            return Browser;
        }

        // A browser test that cannot run fails, with what to do, rather than passing without having run.
        // build/test.sh installs Chromium; a plain `dotnet test` needs it on the machine.
        Assert.Fail((OnCi ? "CI=true but the browser is missing: " : "The browser is missing (bash build/test.sh provisions it): ") + Missing);
        return null;
    }

    /// <summary>The Mermaid bundle's path; the test fails with what to do when it is missing.</summary>
    public string? RequireMermaid(Xunit.Abstractions.ITestOutputHelper output)
    {
        if (MermaidBundle is not null)
        {
            return MermaidBundle;
        }

        const string reason = "Mermaid's bundle is missing: run `npm ci` in tools/mermaid and set OUTOFDARK_TEST_MERMAID_JS to node_modules/mermaid/dist/mermaid.min.js.";
        Assert.Fail((OnCi ? "CI=true but " : "") + reason + " bash build/test.sh does both.");
        return null;
    }

    /// <summary>Opens a page where the document is served from a fake origin, with window.alert hooked to count calls.</summary>
    public static async Task<(IPage Page, List<string> Leaks)> OpenAsync(IBrowser browser, string body, string contentType, int width = 1280, int height = 900, float scale = 1)
    {
        var leaks = new List<string>();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, DeviceScaleFactor = scale });
        await page.AddInitScriptAsync("window.__pwned = 0; window.alert = () => { window.__pwned++; }; window.confirm = window.alert; window.prompt = window.alert;");
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == "http://outofdark.test/doc")
            {
                await route.FulfillAsync(new RouteFulfillOptions { Body = body, ContentType = contentType + "; charset=utf-8", Status = 200 });
            }
            else
            {
                // Anything else the document asks for is a request it should never make: record it and refuse.
                lock (leaks)
                {
                    leaks.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        await page.GotoAsync("http://outofdark.test/doc", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, leaks);
    }

    private static string? FindMermaid()
    {
        if (Environment.GetEnvironmentVariable("OUTOFDARK_TEST_MERMAID_JS") is { Length: > 0 } path)
        {
            return File.Exists(path) ? path : null;
        }

        var local = Path.Combine(RepositoryRoot.Path, "tools", "mermaid", "node_modules", "mermaid", "dist", "mermaid.min.js");
        return File.Exists(local) ? local : null;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Finds the repository's root (the folder holding OutOfDark.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OutOfDark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No OutOfDark.sln above " + AppContext.BaseDirectory);
    }
}
