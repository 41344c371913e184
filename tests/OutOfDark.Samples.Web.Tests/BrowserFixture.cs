using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The web sample on a real Kestrel port on 127.0.0.1 (a browser cannot reach the in-process test server) and one
/// headless Debian Chromium, shared by the tests of a class.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebSampleFactory? _app;
    private IPlaywright? _playwright;

    /// <summary>Where Chromium is: <c>OUTOFDARK_TEST_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("OUTOFDARK_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Why browser tests cannot run here, or <see langword="null"/> when they can (always null with CI=true: then a missing browser fails).</summary>
    public static string? SkipReason =>
        File.Exists(ChromiumPath) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Chromium not found at {ChromiumPath}; install Debian's chromium or set OUTOFDARK_TEST_CHROMIUM (with CI=true this is a failure).";

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"CI=true and Chromium is not at {ChromiumPath}: browser tests must run in CI. Install Debian's chromium or set OUTOFDARK_TEST_CHROMIUM.");
        }

        _app = new WebSampleFactory();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>A fact that needs the browser: skipped with the reason when Chromium is missing, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
