using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Tests.Shared;

/// <summary>Runs tests/OutOfDark.FeedCrashHost as a real child process, reads its output lines, and kills it.</summary>
internal sealed class FeedCrashHost : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _changed = new(0);

    private FeedCrashHost(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(e.Data);
                }

                _changed.Release();
            }
        };
        _process.BeginOutputReadLine();
    }

    public static FeedCrashHost Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), [Dll(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        return new FeedCrashHost(Process.Start(start) ?? throw new InvalidOperationException("The crash host did not start."));
    }

    /// <summary>Waits until the host has printed a line the condition accepts, counting lines seen.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_lines)
            {
                if (condition(_lines))
                {
                    return;
                }
            }

            if (_process.HasExited && _process.WaitForExit(1000))
            {
                // WaitForExit(int) may return before the asynchronous output handlers ran; the overload without a
                // timeout waits for them, so the lines the host printed before exiting are all seen.
                _process.WaitForExit();
                lock (_lines)
                {
                    if (condition(_lines))
                    {
                        return;
                    }

                    throw new InvalidOperationException($"The crash host exited with code {_process.ExitCode} before the awaited output. It printed:{Environment.NewLine}{string.Join(Environment.NewLine, _lines)}");
                }
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The crash host did not print the awaited output in time.");
            }

            await _changed.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Kills the process at once, as a crash would, and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _changed.Dispose();
    }

    private static string Dll()
    {
        // The helper is built beside the tests, in the same configuration.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutOfDark.sln")))
            {
                var dll = Path.Combine(dir.FullName, "tests", "OutOfDark.FeedCrashHost", "bin", configuration, "net10.0", "OutOfDark.FeedCrashHost.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build tests/OutOfDark.FeedCrashHost ({configuration}) first: {dll} is missing.", dll);
            }
        }

        throw new DirectoryNotFoundException("The repository root (OutOfDark.sln) was not found above the test assembly.");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
