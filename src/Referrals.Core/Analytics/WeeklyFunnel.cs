namespace Referrals.Core.Analytics;

/// <summary>The funnel of one week bucket of an <see cref="AnalyticsPeriod"/>.</summary>
/// <param name="WeekStart">The bucket's first instant (UTC); it ends 7 days later or at the period's end.</param>
/// <param name="Counts">What happened in that bucket.</param>
public sealed record WeeklyFunnel(DateTimeOffset WeekStart, FunnelCounts Counts);
