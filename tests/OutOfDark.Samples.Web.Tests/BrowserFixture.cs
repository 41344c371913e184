using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutOfDark.Tests.Shared;
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

    /// <summary>Why browser tests cannot run here, or <see langword="null"/> when they can (always null with CI=true: then a missing browser fails).</summary>
    public static string? SkipReason =>
        Chromium.IsInstalled || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : Chromium.Missing + " (With CI=true this is a failure.)";

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running sample's services.</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException("CI=true and the browser tests must run: " + Chromium.Missing);
        }

        _app = new WebSampleFactory();
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

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
