using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using OutOfDark.Orleans;
using OutOfDark.Storage.Sqlite;

namespace OutOfDark.Samples.Cluster;

/// <summary>One silo of the sample cluster: journey grains over the shared store, with a log line for every journey call it serves.</summary>
internal static class SiloHost
{
    public static async Task<int> RunAsync(ClusterSettings settings, IConfiguration configuration)
    {
        var siloPort = settings.SiloPort + settings.Instance;
        var gatewayPort = settings.GatewayPort + settings.Instance;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("OutOfDark", LogLevel.Information);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        IClock clock = new RunningClock(settings.ClockStart);
        if (settings.Clustering == "PostgreSql")
        {
            // The membership tables and Orleans' query texts; idempotent, safe when several silos start at once.
            await OrleansPostgreSqlSchema.ApplyAsync(settings.ConnectionString!).ConfigureAwait(false);
        }

        builder.UseOrleans(silo =>
        {
            if (settings.Clustering == "PostgreSql")
            {
                silo.UseOutOfDarkPostgreSqlClustering(settings.ConnectionString!)
                    .UseOutOfDarkPostgreSqlReminders(settings.ConnectionString!)
                    .ConfigureEndpoints(System.Net.IPAddress.Loopback, siloPort, gatewayPort);
            }
            else
            {
                silo.UseOutOfDarkLocalhostClustering(siloPort, gatewayPort, primarySiloPort: settings.SiloPort);
            }

            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = settings.ClusterId;
                cluster.ServiceId = settings.ServiceId;
            });
            silo.AddOutOfDarkGrains(configuration.GetSection("OutOfDark"), outOfDark =>
            {
                outOfDark.UseClock(_ => clock);
                if (settings.Store == "PostgreSql")
                {
                    outOfDark.UseOrleansPostgreSql(settings.ConnectionString!);
                }
                else
                {
                    outOfDark.UseStore(sp => new SqliteJourneyStore(settings.SqlitePath, sp.GetRequiredService<IClock>()));
                }
            },
            // SQLite keeps no command ledger: a command retried after its grain moved or a silo restarted is applied
            // again. Acceptable for this one-machine demo; use the PostgreSql store where clients retry.
            grains => grains.AllowStoreWithoutCommandLedger = settings.Store != "PostgreSql");
            silo.AddIncomingGrainCallFilter<JourneyCallLog>();
        });
        builder.Services.AddSingleton(new SiloName($"silo{settings.Instance}"));

        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"silo{settings.Instance} up: pid {Environment.ProcessId}, silo port {siloPort}, gateway port {gatewayPort}, clustering {settings.Clustering}, store {settings.Store}");
        await host.WaitForShutdownAsync();
        return 0;
    }
}

/// <summary>This silo's name in the log ("silo0", "silo1", …).</summary>
internal sealed record SiloName(string Value);

/// <summary>
/// Logs each call a journey grain of this silo serves, and the first one per activation ("activated here"), so the
/// console shows which silo holds which journey, reminders firing, and journeys moving when a silo dies.
/// </summary>
internal sealed partial class JourneyCallLog(SiloName silo, ILogger<JourneyCallLog> logger) : IIncomingGrainCallFilter
{
    // Weak: a deactivated grain is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _seen = [];

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IJourneyGrain grain && logger.IsEnabled(LogLevel.Information))
        {
            var first = _seen.TryAdd(grain, silo);
            Log(logger, silo.Value, context.TargetId, context.MethodName, first ? " (activated here)" : "");
        }

        await context.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Silo}: {Key} {Method}{First}")]
    private static partial void Log(ILogger logger, string silo, GrainId key, string method, string first);
}
