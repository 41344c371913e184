using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// How the host reaches its journeys: in this process (<c>OutOfDark:Hosting = InProcess</c>, the default) or as a client
/// of an Orleans cluster of OutOfDark silos (<c>Orleans</c>, see samples/OutOfDark.Samples.Cluster), and how it finds
/// the cluster. Read once when the host is built, from the command line, the environment or appsettings.json.
/// </summary>
internal sealed record ClusterClientOptions
{
    /// <summary>The cluster's id; silos and clients of one cluster share it.</summary>
    public string ClusterId { get; init; } = "outofdark-sample";

    /// <summary>The service's id; it keys reminders, so it stays the same across deployments.</summary>
    public string ServiceId { get; init; } = "outofdark";

    /// <summary><c>Localhost</c> (development: silos on 127.0.0.1, gateways listed in <see cref="GatewayPorts"/>) or <c>PostgreSql</c>.</summary>
    public string Clustering { get; init; } = "Localhost";

    /// <summary>The silos' gateway ports on 127.0.0.1, for localhost clustering.</summary>
    public IReadOnlyList<int> GatewayPorts { get; init; } = [30000];

    /// <summary>The PostgreSQL membership table's database, for PostgreSQL clustering.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Reads the options; <see langword="null"/> when the host keeps its journeys in process.</summary>
    /// <param name="section">The <c>OutOfDark</c> configuration section.</param>
    /// <exception cref="StartupException">A key has a value the host cannot use; the message names it.</exception>
    public static ClusterClientOptions? Read(IConfiguration section)
    {
        var hosting = section["Hosting"];
        if (string.IsNullOrEmpty(hosting) || hosting.Equals("InProcess", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!hosting.Equals("Orleans", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException($"Configuration key 'OutOfDark:Hosting' must be InProcess or Orleans; got '{hosting}'.");
        }

        var orleans = section.GetSection("Orleans");
        var options = new ClusterClientOptions
        {
            ConnectionString = orleans["ConnectionString"] is { Length: > 0 } own ? own : section["PostgreSql:ConnectionString"],
        };
        if (orleans["ClusterId"] is { Length: > 0 } clusterId)
        {
            options = options with { ClusterId = clusterId };
        }

        if (orleans["ServiceId"] is { Length: > 0 } serviceId)
        {
            options = options with { ServiceId = serviceId };
        }

        var clustering = orleans["Clustering"];
        if (!string.IsNullOrEmpty(clustering))
        {
            options = clustering.ToUpperInvariant() switch
            {
                "LOCALHOST" => options with { Clustering = "Localhost" },
                "POSTGRESQL" => options with { Clustering = "PostgreSql" },
                _ => throw new StartupException($"Configuration key 'OutOfDark:Orleans:Clustering' must be Localhost or PostgreSql; got '{clustering}'."),
            };
        }

        if (options.Clustering == "PostgreSql" && string.IsNullOrEmpty(options.ConnectionString))
        {
            throw new StartupException("PostgreSQL clustering needs 'OutOfDark:Orleans:ConnectionString' (or 'OutOfDark:PostgreSql:ConnectionString'): the database holding Orleans' membership table.");
        }

        if (orleans["Gateways"] is { Length: > 0 } gateways)
        {
            var ports = new List<int>();
            foreach (var part in gateways.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                ports.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port
                    : throw new StartupException($"Configuration key 'OutOfDark:Orleans:Gateways' must list ports on 127.0.0.1 separated by commas, such as 30000,30001,30002; '{part}' is not a port."));
            }

            options = options with { GatewayPorts = ports };
        }

        return options;
    }

    /// <summary>Configures an Orleans client for this cluster.</summary>
    public void Configure(IClientBuilder client)
    {
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = ClusterId;
            cluster.ServiceId = ServiceId;
        });
        if (Clustering == "PostgreSql")
        {
            client.UseAdoNetClustering(ado =>
            {
                ado.Invariant = "Npgsql";
                ado.ConnectionString = ConnectionString;
            });
        }
        else
        {
            client.UseStaticClustering([.. GatewayPorts.Select(port => new IPEndPoint(IPAddress.Loopback, port))]);
        }
    }
}
