using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>The web sample with some settings changed or added on top of <see cref="WebSampleFactory"/>'s.</summary>
public class ConfiguredWebSampleFactory(IReadOnlyDictionary<string, string?> settings) : WebSampleFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var all = base.Settings;
            foreach (var (key, value) in settings)
            {
                all[key] = value;
            }

            return all;
        }
    }
}

/// <summary>The web sample on a real Kestrel port on 127.0.0.1, for what the in-process test server does not do (size limits, browsers).</summary>
public sealed class KestrelWebSample : IAsyncDisposable
{
    private readonly ConfiguredWebSampleFactory _factory;

    public KestrelWebSample(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new ConfiguredWebSampleFactory(settings ?? new Dictionary<string, string?>());
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    /// <summary>Where the sample listens, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
