using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using OutOfDark.Orleans;

namespace OutOfDark.Samples.Cluster;

/// <summary><c>where</c>: connects to the cluster as a client and prints which silo holds each active journey grain.</summary>
internal static class WhereCommand
{
    public static async Task<int> RunAsync(ClusterSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            if (settings.Clustering == "PostgreSql")
            {
                client.UseOutOfDarkPostgreSqlClustering(settings.ConnectionString!);
            }
            else
            {
                client.UseStaticClustering([.. settings.GatewayPorts.Select(p => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, p))]);
            }

            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.ClusterId;
                cluster.ServiceId = settings.ServiceId;
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        Console.WriteLine($"{hosts.Count} active silo(s): {string.Join(", ", hosts.Keys.Select(h => h.ToString()))}");
        var journeys = (await management.GetDetailedGrainStatistics())
            .Where(s => s.GrainId.Type.ToString()!.Contains("journey", StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.SiloAddress.ToString(), StringComparer.Ordinal)
            .ToList();
        foreach (var s in journeys)
        {
            Console.WriteLine($"{s.SiloAddress}  {s.GrainId.Key}");
        }

        Console.WriteLine($"{journeys.Count} active journey grain(s)");
        await host.StopAsync();
        return 0;
    }
}
