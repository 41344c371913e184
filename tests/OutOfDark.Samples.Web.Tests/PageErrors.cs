using System.Collections.Generic;
using Microsoft.Playwright;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Collects what a page reports as broken: console errors (with the resource they are about) and uncaught exceptions.</summary>
internal static class PageErrors
{
    /// <summary>Starts collecting on the page; the list fills as errors come.</summary>
    public static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // Chromium asks for /favicon.ico by itself when a page names no icon: that miss is the browser's, not the page's.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", System.StringComparison.Ordinal))
            {
                lock (errors)
                {
                    errors.Add(message.Text + (message.Location is { Length: > 0 } at ? " at " + at : ""));
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return errors;
    }
}
