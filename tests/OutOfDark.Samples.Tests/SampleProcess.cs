using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace OutOfDark.Samples.Tests;

/// <summary>Runs a built sample as a process (<c>dotnet Sample.dll …</c>) and captures what it prints.</summary>
internal sealed record SampleProcess(int ExitCode, string Output, string Errors, TimeSpan Elapsed)
{
    public static string DllOf(string key)
    {
        var path = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        path = Path.GetFullPath(path.Replace('\\', Path.DirectorySeparatorChar));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The sample is not built at {path}; build the test project (it references the samples) first.", path);
    }

    public static Task<SampleProcess> RunAsync(string dll, string workingDirectory, params string[] args) =>
        RunAsync(dll, workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the sample with extra environment variables, for example configuration keys such as <c>OutOfDark__Store</c>.</summary>
    public static async Task<SampleProcess> RunAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet} {dll}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} did not finish within 90 s. Output so far: {await output}");
        }

        return new SampleProcess(process.ExitCode, await output, await errors, stopwatch.Elapsed);
    }
}
