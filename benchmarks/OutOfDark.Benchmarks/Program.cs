using BenchmarkDotNet.Running;

namespace OutOfDark.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, for example <c>--filter *Replay*</c>.</summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
