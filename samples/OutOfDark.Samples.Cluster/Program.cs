using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using OutOfDark.Samples.Cluster;

// The sample cluster: silos holding a grain per journey, and the web sample as their Orleans client.
//   up [--silos 3]             every silo and the web front end, each a process of its own (Ctrl+C stops them)
//   silo --instance N          one silo: silo port 11111+N, gateway port 30000+N on 127.0.0.1
//   where                      which silo holds each active journey grain
// Common switches: --store Sqlite|PostgreSql, --db FILE, --postgres CONNECTION, --clustering Localhost|PostgreSql,
// --silo-port, --gateway-port, --web-port (see README.md).
var verb = args.FirstOrDefault();
var rest = args.Skip(1).ToArray();
ClusterSettings settings;
IConfiguration configuration;
try
{
    configuration = new ConfigurationBuilder()
        .AddEnvironmentVariables()
        .AddCommandLine(rest, ClusterSettings.Switches.ToDictionary(s => s.Key, s => s.Value))
        .Build();
    settings = ClusterSettings.Read(configuration);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync("The cluster sample cannot start: " + e.Message);
    return 2;
}

switch (verb)
{
    case "up":
        // The silos get every switch but their instance, which the launcher gives each.
        return await Launcher.RunAsync(settings, rest);
    case "silo":
        return await SiloHost.RunAsync(settings, configuration);
    case "where":
        return await WhereCommand.RunAsync(settings);
    default:
        await Console.Error.WriteLineAsync("Usage: OutOfDark.Samples.Cluster up [--silos 3] | silo --instance N | where  (see samples/OutOfDark.Samples.Cluster/README.md)");
        return 2;
}
