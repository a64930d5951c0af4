using System.Diagnostics;

namespace Referrals.Benchmarks.Throughput;

/// <summary>Mean and percentiles (nearest rank) of per-order times.</summary>
public sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IEnumerable<long> stopwatchTicks)
    {
        var sorted = stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, sorted.Average(), Rank(0.50), Rank(0.90), Rank(0.99), sorted[^1]);
    }

    public override string ToString() =>
        Format.Invariant($"mean {MeanMs:0.000}  p50 {P50Ms:0.000}  p90 {P90Ms:0.000}  p99 {P99Ms:0.000}  max {MaxMs:0.0} ms  (n={Count})");
}
