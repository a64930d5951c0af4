using BenchmarkDotNet.Running;

namespace Referrals.Benchmarks;

/// <summary>
/// Runs the benchmarks through BenchmarkDotNet's own command line, for example
/// <c>dotnet run -c Release --project bench/Referrals.Benchmarks -- --filter '*' --job short</c>.
/// See docs/performance.md for the figures and how they were taken.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
