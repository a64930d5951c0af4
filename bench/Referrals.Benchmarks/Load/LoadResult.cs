using System.Diagnostics;
using Referrals.Benchmarks.Throughput;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// One phase's figures. Percentiles are exact (every latency is kept and sorted: a 20 s run at 10,000/s is 200,000 longs,
/// so no histogram is needed at these rates).
/// </summary>
internal sealed record LoadResult(string Name, int Connections, double? Rate, long Scheduled, TimeSpan Elapsed, long Count, long Errors,
    double P50Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public static LoadResult Of(string name, int connections, double? rate, long scheduled, TimeSpan elapsed, IEnumerable<long> stopwatchTicks, long errors)
    {
        var sorted = stopwatchTicks.Order().ToArray();
        double Rank(double p) => sorted.Length == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(name, connections, rate, scheduled, elapsed, sorted.Length, errors, Rank(0.50), Rank(0.99), Rank(0.999), Rank(1.0));
    }

    /// <summary>A Markdown table row: phase, mode, req/s, ratio to the baseline, p50, p99, p99.9, max, errors.</summary>
    public string Row(LoadResult? baseline, string load, string memory) => Format.Invariant(
        $"| {Name} | {(Rate is { } r ? $"open {r:0}/s" : "closed")}, c={Connections} | {PerSecond:N0} | {(baseline is null ? "—" : (PerSecond / baseline.PerSecond).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))} | {P50Ms:0.00} | {P99Ms:0.00} | {P999Ms:0.00} | {MaxMs:0.0} | {Errors} of {Count}{(Scheduled > 0 ? $" sent ({Scheduled} scheduled)" : "")} | {memory} | {load} |");
}
