using System.Collections.Generic;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The web sample on a fresh in-memory store seeded with the online-store journey, its clock fixed at the sample's "now".</summary>
public class WebSampleFactory : WebApplicationFactory<Program>
{
    public const string ClockStart = "2026-04-05T09:00:00Z";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OutOfDark:Store"] = "InMemory",
        ["OutOfDark:Seed"] = "true",
        ["OutOfDark:Clock:Start"] = ClockStart,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings));
    }
}
