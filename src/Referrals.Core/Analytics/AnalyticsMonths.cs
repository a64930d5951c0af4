namespace Referrals.Core.Analytics;

/// <summary>
/// A half-open reporting period <c>[From, To)</c> in UTC, cut into calendar months (UTC): the first bucket starts at
/// <see cref="From"/>, every later one on the 1st of a month, and the last one ends at <see cref="To"/>. A period that
/// starts and ends on the 1st of a month therefore has whole calendar months only.
/// </summary>
public sealed record AnalyticsMonths
{
    /// <summary>The most month buckets reported at once (three years).</summary>
    public const int MaxMonths = 36;

    /// <summary>Creates the period.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>, or the period touches more than <see cref="MaxMonths"/> months.</exception>
    public AnalyticsMonths(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The period must end after it starts ({from:O} to {to:O}).", nameof(to));
        }

        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
        var starts = new List<DateTimeOffset> { From };
        var next = new DateTimeOffset(From.Year, From.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        while (next < To)
        {
            starts.Add(next);
            if (starts.Count > MaxMonths)
            {
                throw new ArgumentException($"The period touches more than {MaxMonths} months; at most {MaxMonths} are reported at once.", nameof(to));
            }

            next = next.AddMonths(1);
        }

        MonthStarts = starts;
    }

    /// <summary>The first instant in the period (UTC).</summary>
    public DateTimeOffset From { get; }

    /// <summary>The first instant after the period (UTC).</summary>
    public DateTimeOffset To { get; }

    /// <summary>The start of each month bucket, in order; the first is <see cref="From"/>.</summary>
    public IReadOnlyList<DateTimeOffset> MonthStarts { get; }
}
