namespace Referrals.Core.Analytics;

/// <summary>
/// A half-open reporting period <c>[From, To)</c> in UTC, cut into weeks: 7-day buckets starting at
/// <see cref="From"/>, the last one ending at <see cref="To"/> (so it may be shorter). Start the period on a Monday
/// for calendar weeks.
/// </summary>
public sealed record AnalyticsPeriod
{
    /// <summary>The longest period, in weeks, that a by-week series is built for (about two years).</summary>
    public const int MaxWeeks = 106;

    /// <summary>Creates the period.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>, or the period is longer than <see cref="MaxWeeks"/> weeks.</exception>
    public AnalyticsPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The period must end after it starts ({from:O} to {to:O}).", nameof(to));
        }

        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
        var weeks = (int)Math.Ceiling((To - From).TotalDays / 7);
        if (weeks > MaxWeeks)
        {
            throw new ArgumentException($"The period spans {weeks} weeks; at most {MaxWeeks} are reported at once.", nameof(to));
        }

        WeekStarts = [.. Enumerable.Range(0, weeks).Select(w => From.AddDays(7 * w))];
    }

    /// <summary>The first instant in the period (UTC).</summary>
    public DateTimeOffset From { get; }

    /// <summary>The first instant after the period (UTC).</summary>
    public DateTimeOffset To { get; }

    /// <summary>The start of each week bucket, in order; the first is <see cref="From"/>.</summary>
    public IReadOnlyList<DateTimeOffset> WeekStarts { get; }

    /// <summary>
    /// The dashboard's default period: 90 days ending at the end of the hour holding <paramref name="now"/> (at
    /// <paramref name="now"/> itself when it is on the hour). Nothing has happened after now, so the figures are the same
    /// as up to now, while every bound and week boundary falls on a whole hour, which the rollups answer alone.
    /// </summary>
    public static AnalyticsPeriod Last90Days(DateTimeOffset now)
    {
        var end = HourEnd(now.ToUniversalTime());
        return new(end.AddDays(-90), end);
    }

    private static DateTimeOffset HourEnd(DateTimeOffset utc)
    {
        var intoTheHour = utc.UtcTicks % TimeSpan.TicksPerHour;
        return intoTheHour == 0 ? utc : utc.AddTicks(TimeSpan.TicksPerHour - intoTheHour);
    }
}
