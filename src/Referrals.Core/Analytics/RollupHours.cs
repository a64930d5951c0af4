namespace Referrals.Core.Analytics;

/// <summary>
/// How a period is read from hourly rollups: the whole hours inside one week bucket come from the rollup rows, the
/// hours cut by the period's start, end or a week boundary from the raw tables (only the part of the hour inside the
/// period). Together they cover the period exactly once, so the sums equal the raw queries' over the whole period.
/// </summary>
public sealed class RollupHours
{
    private RollupHours(long fromHour, long toHour, IReadOnlyList<long> cutHours, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> raw, long[] bucketBounds)
    {
        FromHour = fromHour;
        ToHour = toHour;
        CutHours = cutHours;
        RawRanges = raw;
        BucketBounds = bucketBounds;
    }

    /// <summary>The first hour read from the rollups (inclusive).</summary>
    public long FromHour { get; }

    /// <summary>The hour after the last one read from the rollups (exclusive); not above <see cref="FromHour"/> when the period has no whole hour.</summary>
    public long ToHour { get; }

    /// <summary>Hours in <c>[FromHour, ToHour)</c> that a week boundary cuts: they are read raw, not from the rollups.</summary>
    public IReadOnlyList<long> CutHours { get; }

    /// <summary>The time ranges read from the raw tables, in order and disjoint.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> RawRanges { get; }

    /// <summary>For a whole hour h, its week bucket is the number of these bounds that are ≤ h.</summary>
    public IReadOnlyList<long> BucketBounds { get; }

    /// <summary>The hour number of <paramref name="time"/>: UTC ticks ÷ ticks per hour.</summary>
    public static long Of(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerHour;

    /// <summary>The first instant of hour <paramref name="hour"/>.</summary>
    public static DateTimeOffset Start(long hour) => new(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);

    /// <summary>The split of <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public static RollupHours For(AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var fromHour = Ceiling(period.From);
        var toHour = Of(period.To);
        if (toHour <= fromHour)
        {
            return new RollupHours(fromHour, fromHour, [], [(period.From, period.To)], []);
        }

        var cuts = period.WeekStarts.Skip(1).Where(b => !Aligned(b)).Select(Of).Distinct().ToList();
        var rawHours = new SortedSet<long>(cuts);
        if (!Aligned(period.From))
        {
            rawHours.Add(Of(period.From));
        }

        if (!Aligned(period.To))
        {
            rawHours.Add(toHour);
        }

        var raw = rawHours.Select(h => (Max(period.From, Start(h)), Min(period.To, Start(h + 1)))).ToList();
        var bounds = period.WeekStarts.Skip(1).Select(Ceiling).ToArray();
        return new RollupHours(fromHour, toHour, cuts, raw, bounds);
    }

    private static bool Aligned(DateTimeOffset time) => time.UtcTicks % TimeSpan.TicksPerHour == 0;

    private static long Ceiling(DateTimeOffset time) => Aligned(time) ? Of(time) : Of(time) + 1;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
