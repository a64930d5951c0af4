using System.Globalization;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// This process's read and write system calls so far (Linux <c>/proc/self/io</c>: <c>syscr</c>, <c>syscw</c>). SQLite
/// reads a page it does not hold in its cache with one <c>pread</c>, so over a drain the difference is a measure of page
/// reads per order that, unlike the drain's rate, does not move with the machine's speed.
/// </summary>
internal readonly record struct IoCalls(long Reads, long Writes)
{
    /// <summary>The counts now, or null where the kernel does not offer them.</summary>
    public static IoCalls? Now()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return null;
        }

        long reads = 0, writes = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("syscr:", StringComparison.Ordinal))
            {
                reads = long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("syscw:", StringComparison.Ordinal))
            {
                writes = long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return new IoCalls(reads, writes);
    }

    /// <summary>"r w": the calls since <paramref name="before"/> per item, or "- -" without counts.</summary>
    public static string PerItem(IoCalls? before, IoCalls? after, long items) =>
        before is { } b && after is { } a && items > 0
            ? FormattableString.Invariant($"{(a.Reads - b.Reads) / (double)items:0.0} {(a.Writes - b.Writes) / (double)items:0.0}")
            : "- -";
}
