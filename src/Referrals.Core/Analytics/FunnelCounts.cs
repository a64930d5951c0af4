namespace Referrals.Core.Analytics;

/// <summary>
/// The asking-to-converting funnel of a period or a week. Each step counts events whose own time falls in the period,
/// so a step can exceed the one before it (an ask planned last month and answered this month counts as answered here).
/// </summary>
/// <param name="AsksScheduled">Asks planned in the period (by creation time), whatever happened to them next.</param>
/// <param name="AsksSent">Asks handed to their channel in the period.</param>
/// <param name="AsksAnswered">Asks answered in the period.</param>
/// <param name="Promoters">Of those answers, the promoters (9-10).</param>
/// <param name="Referrals">Referrals started in the period (invitations, link visits or direct code uses).</param>
/// <param name="Visits">Referrals whose friend first visited in the period.</param>
/// <param name="Conversions">Referrals converted in the period and not rejected or under review (Converted or Rewarded now).</param>
public sealed record FunnelCounts(int AsksScheduled, int AsksSent, int AsksAnswered, int Promoters, int Referrals, int Visits, int Conversions)
{
    /// <summary>A funnel with nothing in it.</summary>
    public static FunnelCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Step-to-step rates of this funnel.</summary>
    public FunnelRates Rates => FunnelRates.Of(this);
}
