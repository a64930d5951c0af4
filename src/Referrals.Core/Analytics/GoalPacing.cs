namespace Referrals.Core.Analytics;

/// <summary>
/// Progress towards <c>ProgramSettings.MonthlyGoal</c> (converted referrals per calendar month, UTC) with a linear
/// projection to the month's end: converted so far ÷ the elapsed share of the month.
/// </summary>
/// <param name="Goal">The monthly goal; 0 means no goal.</param>
/// <param name="Converted">Referrals converted since the month began (Converted or Rewarded now).</param>
/// <param name="MonthStart">The first instant of the month (UTC).</param>
/// <param name="MonthEnd">The first instant of the next month (UTC).</param>
/// <param name="Now">When the pacing was computed.</param>
public sealed record GoalPacing(int Goal, int Converted, DateTimeOffset MonthStart, DateTimeOffset MonthEnd, DateTimeOffset Now)
{
    /// <summary>Whether the program has a goal.</summary>
    public bool HasGoal => Goal > 0;

    /// <summary>The elapsed share of the month, 0 to 1.</summary>
    public decimal ElapsedShare => (decimal)Math.Clamp((Now - MonthStart) / (MonthEnd - MonthStart), 0d, 1d);

    /// <summary>
    /// Conversions expected by the month's end at the pace so far (converted ÷ elapsed share, not rounded); at the very
    /// first instant of a month, when nothing has elapsed, what was converted.
    /// </summary>
    public decimal Projected => ElapsedShare == 0 ? Converted : Converted / ElapsedShare;

    /// <summary>Whether the projection reaches the goal; always true without a goal.</summary>
    public bool OnTrack => !HasGoal || Projected >= Goal;

    /// <summary>The pacing of the UTC calendar month that contains <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goal"/> or <paramref name="converted"/> is negative.</exception>
    public static GoalPacing For(int goal, int converted, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(goal);
        ArgumentOutOfRangeException.ThrowIfNegative(converted);
        var (start, end) = MonthOf(now);
        return new GoalPacing(goal, converted, start, end, now.ToUniversalTime());
    }

    /// <summary>The UTC calendar month containing <paramref name="now"/>: its first instant and the next month's.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) MonthOf(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return (start, start.AddMonths(1));
    }
}
