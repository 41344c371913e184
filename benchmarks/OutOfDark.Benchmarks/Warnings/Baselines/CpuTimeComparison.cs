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
/// process waits for a core longer than it runs: in each of five rounds every contender in turn is called in a loop for
/// a fifth of the given seconds, and each one's best round's CPU time per call is reported, with its ratio to the hand
/// loop's. With <c>incremental</c>, the incremental comparison of <see cref="IncrementalComparisonBenchmarks"/> follows.
/// Run it with <c>dotnet bin/Release/net10.0/OutOfDark.Benchmarks.dll cpu-time [sizes] [seconds] [incremental]</c>, for
/// example <c>cpu-time 1000,10000,100000 3 incremental</c>.
/// </summary>
public static class CpuTimeComparison
{
    /// <summary>How many turns each contender gets; its best counts.</summary>
    private const int Rounds = 5;

    /// <summary>Runs the comparison and writes one line per contender and size, then the ratios.</summary>
    /// <param name="args">Optional: the activity counts, comma-separated (default 1000,10000,100000), the seconds per contender (default 3), and <c>incremental</c> to time the incremental comparison too.</param>
    /// <exception cref="FormatException">An activity count or the seconds are not numbers.</exception>
    /// <exception cref="InvalidOperationException">A contender disagrees with the hand loop.</exception>
    public static void Run(string[] args)
    {
        var sizes = args.Length > 0 ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 100_000];
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var incremental = args.Length > 2 && args[2] == "incremental";
        Console.WriteLine($"// CPU time per call, best of {Rounds} rounds of {seconds / Rounds:F1} s each, the contenders taking turns");
        foreach (var n in sizes)
        {
            var comparison = new RuleEngineComparisonBenchmarks { Activities = n };
            comparison.Setup();
            var times = Time(
                n,
                seconds,
                ("hand loop", () => comparison.HandLoop()),
                ("OutOfDark repeat", () => comparison.OutOfDarkRepeat()),
                ("OutOfDark first", () => comparison.OutOfDarkFirst()),
                ("NRules", () => comparison.NRules()),
                ("RulesEngine", () => comparison.RulesEngine()));
            var (hand, repeat, first, nrules, rulesEngine) = (times[0], times[1], times[2], times[3], times[4]);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10; i++)
            {
                comparison.OutOfDarkRepeat();
            }

            var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
            Console.WriteLine(FormattableString.Invariant(
                $"{n,7}: repeat {repeat / hand:F2}x the hand loop, first {first / hand:F2}x; NRules {nrules / repeat:F2}x and RulesEngine {rulesEngine / repeat:F2}x the repeat's time ({nrules / first:F2}x and {rulesEngine / first:F2}x the first's); repeat allocates {bytes} B"));
        }

        if (incremental)
        {
            foreach (var n in sizes)
            {
                var comparison = new IncrementalComparisonBenchmarks { Activities = n };
                comparison.Setup();
                var times = Time(
                    n,
                    seconds,
                    ("command only", comparison.CommandOnly, null),
                    ("hand recheck", () => comparison.HandRecheck(), null),
                    ("OutOfDark refresh", () => comparison.OutOfDarkRefresh(), comparison.CatchUp),
                    ("NRules update+fire", () => comparison.NRulesUpdateAndFire(), null),
                    ("RulesEngine one", () => comparison.RulesEngineOneActivity(), null));
                var (command, hand, refresh, nrules, rulesEngine) = (times[0], times[1], times[2], times[3], times[4]);
                Console.WriteLine(FormattableString.Invariant(
                    $"{n,7}: refresh {refresh / hand:F2}x the hand recheck; NRules {nrules / refresh:F2}x and RulesEngine {rulesEngine / refresh:F2}x the refresh's time; the command alone {command:F2} µs"));
            }
        }
    }

    /// <summary>
    /// Times the contenders in CPU time: each warmed up (its code compiled at the final tier), then <see cref="Rounds"/>
    /// rounds in which each contender in turn runs for its share of <paramref name="seconds"/>, so that a change in the machine's load
    /// touches all of them alike; the best round's time per call of each.
    /// </summary>
    private static double[] Time(int n, double seconds, params (string Name, Func<long> Call)[] contenders) =>
        Time(n, seconds, [.. contenders.Select(c => (c.Name, c.Call, (Action?)null))]);

    /// <summary>As above, with an untimed action before each of a contender's turns (bringing its state up to date after the others').</summary>
    private static double[] Time(int n, double seconds, params (string Name, Func<long> Call, Action? Before)[] contenders)
    {
        var process = Process.GetCurrentProcess();
        foreach (var (_, call, before) in contenders)
        {
            before?.Invoke();
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < 0.5)
            {
                call();
            }
        }

        var best = new double[contenders.Length];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                var call = contenders[c].Call;
                contenders[c].Before?.Invoke();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var calls = 0;
                while (clock.Elapsed.TotalSeconds < seconds / Rounds || calls == 0)
                {
                    call();
                    calls++;
                }

                process.Refresh();
                best[c] = Math.Min(best[c], (process.TotalProcessorTime - cpu).TotalMicroseconds / calls);
            }
        }

        for (var c = 0; c < contenders.Length; c++)
        {
            Console.WriteLine(FormattableString.Invariant($"{n,7} {contenders[c].Name,-19} {best[c],12:F2} µs CPU"));
        }

        return best;
    }
}
