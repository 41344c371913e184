using System;
using System.Diagnostics;
using System.Globalization;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>
/// One contender of the comparison called in a loop for a given time, for a sampling profiler to attach to (for example
/// <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet bin/Release/net10.0/OutOfDark.Benchmarks.dll profile repeat 1000 20</c>).
/// Contenders: <c>hand</c>, <c>repeat</c>, <c>first</c> (full evaluation, <see cref="RuleEngineComparisonBenchmarks"/>),
/// <c>hand-recheck</c>, <c>refresh</c>, <c>command</c> (incremental, <see cref="IncrementalComparisonBenchmarks"/>).
/// </summary>
public static class ProfileLoop
{
    /// <summary>Runs the loop and writes the calls made and the CPU time per call.</summary>
    /// <param name="args">The contender, the activity count (default 1000) and the seconds (default 20).</param>
    /// <exception cref="ArgumentException">The contender is not one of those listed.</exception>
    /// <exception cref="FormatException">The activity count or the seconds are not numbers.</exception>
    public static void Run(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "repeat";
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var call = Contender(what, n);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++)
            {
                call();
            }

            calls += 100;
        }

        process.Refresh();
        Console.WriteLine(FormattableString.Invariant($"{what} at {n}: {calls} calls, {(process.TotalProcessorTime - cpu).TotalMicroseconds / calls:F2} µs CPU per call"));
    }

    /// <summary>The contender's call, its benchmark class set up (and its agreement check passed).</summary>
    /// <param name="what">The contender's name (see <see cref="ProfileLoop"/>).</param>
    /// <param name="n">The activity count.</param>
    /// <returns>The call.</returns>
    /// <exception cref="ArgumentException"><paramref name="what"/> is not a contender.</exception>
    public static Func<long> Contender(string what, int n)
    {
        if (what is "hand-recheck" or "refresh" or "command")
        {
            var incremental = new IncrementalComparisonBenchmarks { Activities = n };
            incremental.Setup();
            return what switch
            {
                "hand-recheck" => () => incremental.HandRecheck(),
                "refresh" => () => incremental.OutOfDarkRefresh(),
                _ => incremental.CommandOnly,
            };
        }

        var full = new RuleEngineComparisonBenchmarks { Activities = n };
        full.Setup();
        return what switch
        {
            "hand" => () => full.HandLoop(),
            "repeat" => () => full.OutOfDarkRepeat(),
            "first" => () => full.OutOfDarkFirst(),
            _ => throw new ArgumentException($"'{what}' is not a contender: use hand, repeat, first, hand-recheck, refresh or command.", nameof(what)),
        };
    }
}
