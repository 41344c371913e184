using BenchmarkDotNet.Running;

namespace OutOfDark.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, for example <c>--filter *Replay*</c>; <c>cpu-time</c> runs the
/// full-evaluation comparison in CPU time instead (<see cref="Warnings.Baselines.CpuTimeComparison"/>); <c>profile</c>
/// calls one contender in a loop for a profiler (<see cref="Warnings.Baselines.ProfileLoop"/>).
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cpu-time")
        {
            Warnings.Baselines.CpuTimeComparison.Run(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "profile")
        {
            Warnings.Baselines.ProfileLoop.Run(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
