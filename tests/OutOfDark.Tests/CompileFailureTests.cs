using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>
/// Calls that must not compile: each program under tests/CompileFailures is built against the OutOfDark.dll these tests
/// use, once as written (it must fail with the named error) and once with the <c>CORRECT</c> symbol (it must build).
/// </summary>
public class CompileFailureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_swapped_actor_and_name_does_not_compile()
    {
        var correct = await BuildAsync("SwappedActor", correct: true);
        Assert.True(correct.ExitCode == 0, "The correct variant must build, or the failure below proves nothing:\n" + correct.Output);

        var swapped = await BuildAsync("SwappedActor", correct: false);
        Assert.NotEqual(0, swapped.ExitCode);
        Assert.Contains("error CS1503", swapped.Output, StringComparison.Ordinal);
        Assert.Contains("'string' to 'OutOfDark.Actor'", swapped.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(12,", swapped.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string program, bool correct)
    {
        var source = Path.Combine(RepositoryRoot(), "tests", "CompileFailures", program);
        var work = Directory.CreateTempSubdirectory("outofdark-compile-");
        try
        {
            // A copy outside the repository: none of its Directory.Build/Packages files apply, and parallel runs do not share obj/.
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(work.FullName, Path.GetFileName(file)));
            }

            var emptyFeed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = work.FullName,
            };
            foreach (var argument in new[]
            {
                "build", Path.Combine(work.FullName, program + ".csproj"), "-nologo", "-v", "quiet", "-nodeReuse:false",
                "--disable-build-servers", "--source", emptyFeed, "-p:OutOfDarkBin=" + AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar),
                correct ? "-p:DefineConstants=CORRECT" : "-p:DefineConstants=WRONG",
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Building {program} took longer than {Timeout.TotalMinutes} minutes.");
            }

            return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutOfDark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OutOfDark.sln above {AppContext.BaseDirectory}.");
    }
}
