namespace Referrals.Core.Analytics;

/// <summary>
/// The funnel's counts of one tenant for one UTC hour, each counted on the hour of the figure's own time column
/// (asks by <c>CreatedAt</c>, <c>SentAt</c>, <c>AnsweredAt</c>; referrals by <c>CreatedAt</c>, <c>VisitedAt</c>,
/// <c>ConvertedAt</c>). A precomputed row kept by the engine in the transaction of every change to those columns;
/// see docs/analytics.md "Rollups".
/// </summary>
public sealed class AnalyticsHour
{
    /// <summary>The tenant.</summary>
    public Guid TenantId { get; set; }

    /// <summary>The hour: UTC ticks divided by <see cref="TimeSpan.TicksPerHour"/> (<see cref="RollupHours.Of"/>).</summary>
    public long Hour { get; set; }

    /// <summary>Asks created in the hour, advocate news left out.</summary>
    public int AsksScheduled { get; set; }

    /// <summary>Asks sent in the hour, advocate news left out.</summary>
    public int AsksSent { get; set; }

    /// <summary>Asks answered in the hour.</summary>
    public int AsksAnswered { get; set; }

    /// <summary>Of those answers, scores 9-10.</summary>
    public int Promoters { get; set; }

    /// <summary>Of those answers, scores 0-6.</summary>
    public int Detractors { get; set; }

    /// <summary>Referrals started in the hour.</summary>
    public int ReferralsStarted { get; set; }

    /// <summary>Of the referrals started in the hour, those Converted or Rewarded now.</summary>
    public int StartedConverted { get; set; }

    /// <summary>Referrals first visited in the hour.</summary>
    public int Visits { get; set; }

    /// <summary>Referrals converted in the hour and Converted or Rewarded now.</summary>
    public int Conversions { get; set; }
}
