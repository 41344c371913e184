using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace OutOfDark.Tests.Shared;

/// <summary>
/// Debian's Chromium for the browser tests, linked into each test project that drives it: <c>OUTOFDARK_TEST_CHROMIUM</c>
/// or <c>/usr/bin/chromium</c>, launched headless with the flags this machine's closed network and root user need.
/// </summary>
internal static class Chromium
{
    /// <summary>Where Chromium is.</summary>
    public static string Path => Environment.GetEnvironmentVariable("OUTOFDARK_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Whether Chromium is there.</summary>
    public static bool IsInstalled => File.Exists(Path);

    /// <summary>What to do when it is missing.</summary>
    public static string Missing => $"Chromium is not at {Path}: install Debian's chromium (bash build/test.sh does) or set OUTOFDARK_TEST_CHROMIUM.";

    /// <summary>Launches it headless; Playwright's own browser download is never used.</summary>
    /// <param name="playwright">The Playwright driver.</param>
    /// <returns>The browser.</returns>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
}
