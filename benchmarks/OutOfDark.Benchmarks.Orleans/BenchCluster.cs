using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Orleans;

namespace OutOfDark.Benchmarks.Orleans;

/// <summary>
/// One or more silos in this process on 127.0.0.1 (localhost clustering), each with its own service provider, journey
/// grains over the given store. The client is the first silo's grain factory (an in-process client).
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly List<IHost> _silos;

    private BenchCluster(List<IHost> silos) => _silos = silos;

    public IGrainFactory Grains => _silos[0].Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider FirstSilo => _silos[0].Services;

    public static async Task<BenchCluster> StartAsync(int silos, IClock clock, Action<OutOfDarkBuilder> store, int basePort)
    {
        var hosts = new List<IHost>();
        for (var i = 0; i < silos; i++)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
            builder.Logging.ClearProviders();
            var index = i;
            builder.UseOrleans(silo =>
            {
                silo.UseOutOfDarkLocalhostClustering(basePort + index, basePort + 100 + index, basePort);
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = "outofdark-bench";
                    cluster.ServiceId = "outofdark-bench";
                });
                silo.AddOutOfDarkGrains(
                    null,
                    outOfDark =>
                    {
                        outOfDark.UseClock(_ => clock);
                        store(outOfDark);
                    },
                    // The benchmarks compare stores, some without a command ledger; their clients do not retry.
                    grains => grains.AllowStoreWithoutCommandLedger = true);
            });
            var host = builder.Build();
            await host.StartAsync();
            hosts.Add(host);
        }

        if (silos > 1)
        {
            // Wait until every silo sees the others as active, so placement spreads grains over all of them.
            var management = hosts[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            for (var attempt = 0; attempt < 120 && (await management.GetHosts(onlyActive: true)).Count < silos; attempt++)
            {
                await Task.Delay(500);
            }
        }

        return new BenchCluster(hosts);
    }

    /// <summary>Deactivates every idle grain of every silo: the next call activates it again (loads it from the store).</summary>
    public Task DeactivateAllAsync() =>
        Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>How many journey grains are active on each silo.</summary>
    public async Task<string> PlacementAsync()
    {
        var stats = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return string.Join(", ", stats
            .Where(s => s.GrainId.Type.ToString()!.Contains("journey", StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.SiloAddress.ToString())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_silos))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
