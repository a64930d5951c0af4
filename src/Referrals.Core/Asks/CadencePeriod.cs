using System.Globalization;

namespace Referrals.Core.Asks;

/// <summary>
/// One period of the cadence: the stretch of <see cref="AskTimeline.CadenceIntervalDays"/> days a moment falls in. Each
/// contact gets at most one cadence ask per period; <see cref="SourceKey"/> is that ask's idempotency key.
/// </summary>
/// <remarks>
/// Periods are counted in whole intervals from a fixed Monday, <see cref="Epoch"/>, so every server and every run
/// agrees on them without stored state. The key names the interval too (<c>cadence:90d:2026-10-05</c>): changing the
/// interval starts new periods, and the frequency cap keeps the first ask of the new rhythm from following too soon.
/// Pure and thread-safe.
/// </remarks>
/// <param name="Start">The first instant of the period (UTC midnight).</param>
/// <param name="IntervalDays">The period's length in days.</param>
public sealed record CadencePeriod(DateTimeOffset Start, int IntervalDays)
{
    /// <summary>Where periods are counted from: Monday 3 January 2000, 00:00 UTC.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant of the next period.</summary>
    public DateTimeOffset End => Start.AddDays(IntervalDays);

    /// <summary>The source key of the period's cadence asks, at most 30 characters.</summary>
    public string SourceKey => string.Create(CultureInfo.InvariantCulture, $"cadence:{IntervalDays}d:{Start:yyyy-MM-dd}");

    /// <summary>The source key of the period's advocate news, at most 30 characters (<c>news:30d:2026-10-05</c>).</summary>
    public string AdvocateNewsSourceKey => string.Create(CultureInfo.InvariantCulture, $"news:{IntervalDays}d:{Start:yyyy-MM-dd}");

    /// <summary>The period <paramref name="now"/> falls in.</summary>
    /// <param name="now">The moment.</param>
    /// <param name="intervalDays">The interval, 1 to <see cref="AskTimelineValidator.MaximumCadenceIntervalDays"/> days.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalDays"/> is outside the valid range, or <paramref name="now"/> is before <see cref="Epoch"/>.</exception>
    public static CadencePeriod For(DateTimeOffset now, int intervalDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intervalDays, AskTimelineValidator.MaximumCadenceIntervalDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(now, Epoch);
        var length = TimeSpan.FromDays(intervalDays);
        var index = (now.ToUniversalTime() - Epoch).Ticks / length.Ticks;
        return new CadencePeriod(Epoch.AddTicks(length.Ticks * index), intervalDays);
    }
}
