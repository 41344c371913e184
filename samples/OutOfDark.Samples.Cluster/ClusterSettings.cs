using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Samples.Cluster;

/// <summary>
/// The sample cluster's settings, from the command line (short switches such as <c>--silos 3</c>, or any
/// configuration key such as <c>--OutOfDark:Store=PostgreSql</c>) and the environment (<c>OutOfDark__Store</c>).
/// Silo <c>i</c> listens on <see cref="SiloPort"/> + i for silos and <see cref="GatewayPort"/> + i for clients, on 127.0.0.1.
/// </summary>
internal sealed record ClusterSettings
{
    /// <summary>The short switches and the configuration keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--instance"] = "Cluster:Instance",
        ["--silos"] = "Cluster:Silos",
        ["--silo-port"] = "Cluster:SiloPort",
        ["--gateway-port"] = "Cluster:GatewayPort",
        ["--web-port"] = "Cluster:WebPort",
        ["--store"] = "OutOfDark:Store",
        ["--db"] = "OutOfDark:Sqlite:Path",
        ["--postgres"] = "OutOfDark:PostgreSql:ConnectionString",
        ["--clustering"] = "OutOfDark:Orleans:Clustering",
    };

    public int Instance { get; init; }

    public int Silos { get; init; } = 3;

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public int WebPort { get; init; } = 5080;

    /// <summary><c>Sqlite</c> (one file that every silo opens; development) or <c>PostgreSql</c>.</summary>
    public string Store { get; init; } = "Sqlite";

    public string SqlitePath { get; init; } = Path.GetFullPath("outofdark-cluster.db");

    public string? ConnectionString { get; init; }

    /// <summary><c>Localhost</c> (silo 0 is the primary: keep it running) or <c>PostgreSql</c> (Orleans' ADO.NET membership table).</summary>
    public string Clustering { get; init; } = "Localhost";

    public string ClusterId { get; init; } = "outofdark-sample";

    public string ServiceId { get; init; } = "outofdark";

    /// <summary>Where the sample's clock starts; it runs on from there, so the seeded journey looks current.</summary>
    public Instant ClockStart { get; init; } = Instant.FromUtc(2026, 4, 5, 9, 0);

    public IEnumerable<int> GatewayPorts => Enumerable.Range(GatewayPort, Silos);

    /// <summary>Reads the settings.</summary>
    /// <exception cref="ArgumentException">A setting has a value the sample cannot use; the message names the key.</exception>
    public static ClusterSettings Read(IConfiguration configuration)
    {
        var settings = new ClusterSettings
        {
            Instance = Number(configuration, "Cluster:Instance", 0, 0, 99),
            Silos = Number(configuration, "Cluster:Silos", 3, 1, 16),
            SiloPort = Number(configuration, "Cluster:SiloPort", 11111, 1024, 65000),
            GatewayPort = Number(configuration, "Cluster:GatewayPort", 30000, 1024, 65000),
            WebPort = Number(configuration, "Cluster:WebPort", 5080, 1024, 65535),
            ConnectionString = configuration["OutOfDark:PostgreSql:ConnectionString"] is { Length: > 0 } cs ? cs : null,
        };
        if (configuration["OutOfDark:Sqlite:Path"] is { Length: > 0 } path)
        {
            settings = settings with { SqlitePath = Path.GetFullPath(path) };
        }

        settings = settings with
        {
            Store = OneOf(configuration, "OutOfDark:Store", "Sqlite", "Sqlite", "PostgreSql"),
            Clustering = OneOf(configuration, "OutOfDark:Orleans:Clustering", "Localhost", "Localhost", "PostgreSql"),
        };
        if ((settings.Store == "PostgreSql" || settings.Clustering == "PostgreSql") && settings.ConnectionString is null)
        {
            throw new ArgumentException("The PostgreSQL store and PostgreSQL clustering need a connection string: --postgres \"Host=127.0.0.1;Username=…;Database=…\" (or OutOfDark__PostgreSql__ConnectionString).");
        }

        if (configuration["OutOfDark:Orleans:ClusterId"] is { Length: > 0 } clusterId)
        {
            settings = settings with { ClusterId = clusterId };
        }

        if (configuration["OutOfDark:Clock:Start"] is { Length: > 0 } start)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(start);
            settings = settings with
            {
                ClockStart = parsed.Success ? parsed.Value : throw new ArgumentException($"OutOfDark:Clock:Start must be an ISO instant such as 2026-04-05T09:00:00Z; got '{start}'."),
            };
        }

        return settings;
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{key} must be a whole number from {min} to {max}; got '{text}'.");
    }

    private static string OneOf(IConfiguration configuration, string key, string fallback, params string[] allowed)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        return allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{key} must be {string.Join(" or ", allowed)}; got '{text}'.");
    }
}
