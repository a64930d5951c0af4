using Referrals.Core.Satisfaction;

namespace Referrals.Core.Analytics;

/// <summary>Every dashboard figure of one tenant for one period.</summary>
/// <param name="Period">The period reported.</param>
/// <param name="Currency">The tenant's currency, used for rankings and chains.</param>
/// <param name="Funnel">The funnel over the whole period (the sum of <paramref name="Weeks"/>).</param>
/// <param name="Weeks">The funnel by week bucket, one per <see cref="AnalyticsPeriod.WeekStarts"/>, empty weeks included.</param>
/// <param name="Nps">The NPS of the asks answered in the period, or <see langword="null"/> with no answer.</param>
/// <param name="Revenue">Revenue by currency, ordered by currency.</param>
/// <param name="RewardCost">The ledger of the period.</param>
/// <param name="Viral">The K-factor of the period's referrals.</param>
/// <param name="Goal">Pacing of the current month (not the period) against the monthly goal.</param>
/// <param name="TopAdvocatesByConversions">The top advocates by converted referrals (ties by revenue, then id).</param>
/// <param name="TopAdvocatesByRevenue">The top advocates by revenue (ties by converted referrals, then id).</param>
/// <param name="MaxChainDepth">The deepest referral converted in the period, 0 with none.</param>
/// <param name="TopChains">The trees with the most revenue (ties by conversions, then id).</param>
public sealed record AnalyticsOverview(
    AnalyticsPeriod Period,
    string Currency,
    FunnelCounts Funnel,
    IReadOnlyList<WeeklyFunnel> Weeks,
    NetPromoterScoreResult? Nps,
    IReadOnlyList<RevenueFigures> Revenue,
    RewardCost RewardCost,
    ViralCoefficient Viral,
    GoalPacing Goal,
    IReadOnlyList<AdvocateRanking> TopAdvocatesByConversions,
    IReadOnlyList<AdvocateRanking> TopAdvocatesByRevenue,
    int MaxChainDepth,
    IReadOnlyList<ChainSummary> TopChains);
