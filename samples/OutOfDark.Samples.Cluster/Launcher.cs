using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Samples.Cluster;

/// <summary>
/// <c>up</c>: starts the silos and the web front end (as an Orleans client) as processes of their own, prints their
/// output with a prefix, and stops them all on Ctrl+C or SIGTERM. A silo that dies is reported and not restarted, so
/// killing one (<c>kill -9 PID</c>) shows its journeys moving to the others.
/// </summary>
internal static class Launcher
{
    public static async Task<int> RunAsync(ClusterSettings settings, IReadOnlyList<string> passThrough)
    {
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var children = new List<Child>();
        try
        {
            var self = typeof(Launcher).Assembly.Location;
            for (var i = 0; i < settings.Silos; i++)
            {
                children.Add(Child.Start($"silo{i}", self, Environment.CurrentDirectory, ["silo", "--instance", i.ToString(System.Globalization.CultureInfo.InvariantCulture), .. passThrough]));
            }

            foreach (var (port, i) in settings.GatewayPorts.Select((p, i) => (p, i)))
            {
                await WaitForPortAsync(port, children[i], stop.Token);
            }

            var web = Metadata("WebDll");
            if (!File.Exists(web))
            {
                throw new FileNotFoundException($"The web sample is not built at {web}: build samples/OutOfDark.Samples.Cluster (it builds the web sample first).");
            }

            string[] webArgs =
            [
                "--urls", $"http://127.0.0.1:{settings.WebPort}",
                "--OutOfDark:Hosting=Orleans",
                $"--OutOfDark:Orleans:Clustering={settings.Clustering}",
                $"--OutOfDark:Orleans:Gateways={string.Join(',', settings.GatewayPorts)}",
                $"--OutOfDark:Orleans:ClusterId={settings.ClusterId}",
                $"--OutOfDark:Store={settings.Store}",
                $"--OutOfDark:Sqlite:Path={settings.SqlitePath}",
                $"--OutOfDark:PostgreSql:ConnectionString={settings.ConnectionString}",
                $"--OutOfDark:Clock:Start={settings.ClockStart}",
                "--Logging:LogLevel:Orleans=Warning",
            ];

            // The web project's folder is its content root: appsettings.json and wwwroot are found there.
            var webChild = Child.Start("web", web, Metadata("WebProject"), webArgs);
            children.Add(webChild);
            await WaitForPortAsync(settings.WebPort, webChild, stop.Token);
            Console.WriteLine($"ready: http://127.0.0.1:{settings.WebPort} — {string.Join(", ", children.Select(c => $"{c.Name} pid {c.Process.Id}"))}. Ctrl+C stops them all.");

            var webExit = webChild.Process.WaitForExitAsync(stop.Token);
            try
            {
                await webExit;
                Console.WriteLine($"web exited with code {webChild.Process.ExitCode}; stopping the silos.");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        finally
        {
            // The web front end first, then the silos in reverse order (silo 0, the localhost primary, last).
            foreach (var child in Enumerable.Reverse(children))
            {
                await child.StopAsync();
            }
        }
    }

    private static string Metadata(string key)
    {
        var value = typeof(Launcher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return Path.GetFullPath(value.Replace('\\', Path.DirectorySeparatorChar));
    }

    private static async Task WaitForPortAsync(int port, Child child, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (child.Process.HasExited)
            {
                throw new InvalidOperationException($"{child.Name} exited with code {child.Process.ExitCode} before listening on 127.0.0.1:{port}; see its output above.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    /// <summary>A child process whose output lines are printed with its name in front.</summary>
    private sealed class Child
    {
        private Child(string name, Process process) => (Name, Process) = (name, process);

        public string Name { get; }

        public Process Process { get; }

        public static Child Start(string name, string dll, string workingDirectory, IEnumerable<string> args)
        {
            var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
            var start = new ProcessStartInfo(dotnet)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Print(name, e.Data);
            process.ErrorDataReceived += (_, e) => Print(name, e.Data);
            process.Exited += (_, _) => Console.WriteLine($"[{name}] exited with code {process.ExitCode}");
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Child(name, process);
        }

        public async Task StopAsync()
        {
            if (!Process.HasExited)
            {
                // SIGTERM first, so a silo leaves the cluster cleanly; killed if it has not within ten seconds.
                using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await Process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    Process.Kill(entireProcessTree: true);
                    await Process.WaitForExitAsync();
                }
            }

            Process.Dispose();
        }

        private static void Print(string name, string? line)
        {
            if (line is not null)
            {
                Console.WriteLine($"[{name}] {line}");
            }
        }
    }
}
