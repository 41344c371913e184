using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>
/// The full-evaluation comparison of <see cref="RuleEngineComparisonBenchmarks"/> timed in the process's CPU time
/// (<see cref="Process.TotalProcessorTime"/>) instead of wall-clock time, for a machine so loaded that a benchmark
/// process waits for a core longer than it runs: each contender is called in a loop for a third of the given seconds,
/// three times, and the best round's CPU time per call is reported, with its ratio to the hand loop's. Run it with
/// <c>dotnet bin/Release/net10.0/OutOfDark.Benchmarks.dll cpu-time [sizes] [seconds]</c>, for example
/// <c>cpu-time 1000,10000,100000 3</c>.
/// </summary>
public static class CpuTimeComparison
{
    /// <summary>Runs the comparison and writes one line per contender and size, then the ratios.</summary>
    /// <param name="args">Optional: the activity counts, comma-separated (default 1000,10000,100000), and the seconds per contender (default 3).</param>
    /// <exception cref="FormatException">An activity count or the seconds are not numbers.</exception>
    /// <exception cref="InvalidOperationException">A contender disagrees with the hand loop.</exception>
    public static void Run(string[] args)
    {
        var sizes = args.Length > 0 ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 100_000];
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"// CPU time per call, best of 3 rounds of {seconds / 3:F1} s each");
        foreach (var n in sizes)
        {
            var comparison = new RuleEngineComparisonBenchmarks { Activities = n };
            comparison.Setup();
            var hand = Time(n, "hand loop", comparison.HandLoop, seconds);
            var repeat = Time(n, "OutOfDark repeat", comparison.OutOfDarkRepeat, seconds);
            var first = Time(n, "OutOfDark first", comparison.OutOfDarkFirst, seconds);
            var nrules = Time(n, "NRules", comparison.NRules, seconds);
            var rulesEngine = Time(n, "RulesEngine", comparison.RulesEngine, seconds);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10; i++)
            {
                comparison.OutOfDarkRepeat();
            }

            var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
            Console.WriteLine(FormattableString.Invariant(
                $"{n,7}: repeat {repeat / hand:F2}x the hand loop, first {first / hand:F2}x; NRules {nrules / repeat:F2}x and RulesEngine {rulesEngine / repeat:F2}x the repeat's time ({nrules / first:F2}x and {rulesEngine / first:F2}x the first's); repeat allocates {bytes} B"));
        }
    }

    private static double Time(int n, string name, Func<int> call, double seconds)
    {
        for (var i = 0; i < 20; i++)
        {
            call();
        }

        var best = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < 3; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var calls = 0;
            while (clock.Elapsed.TotalSeconds < seconds / 3 || calls == 0)
            {
                call();
                calls++;
            }

            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - cpu).TotalMicroseconds / calls);
        }

        Console.WriteLine(FormattableString.Invariant($"{n,7} {name,-17} {best,12:F1} µs CPU"));
        return best;
    }
}
