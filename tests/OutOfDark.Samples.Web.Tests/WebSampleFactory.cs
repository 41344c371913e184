using System.Collections.Generic;
using System.Threading;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The web sample on a fresh in-memory store seeded with the online-store journey, its clock fixed at the sample's "now".</summary>
public class WebSampleFactory : WebApplicationFactory<Program>
{
    public const string ClockStart = "2026-04-05T09:00:00Z";

    // WebApplicationFactory finds a minimal-hosting app's host through process-wide diagnostic events while the app's
    // entry point runs; test classes run in parallel, so hosts are started one at a time.
    private static readonly Lock StartLock = new();

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OutOfDark:Store"] = "InMemory",
        ["OutOfDark:Seed"] = "true",
        ["OutOfDark:Clock:Start"] = ClockStart,
    };

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartLock)
        {
            return base.CreateHost(builder);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings));
    }
}
