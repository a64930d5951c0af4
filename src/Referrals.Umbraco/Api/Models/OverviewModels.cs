namespace Referrals.Umbraco.Api.Models;

/// <summary>The dashboard of <c>GET /overview</c>: one tenant's figures for a period.</summary>
/// <param name="From">The first instant of the period (UTC).</param>
/// <param name="To">The first instant after the period (UTC).</param>
/// <param name="Kpis">The headline figures.</param>
/// <param name="Funnel">The funnel stages in order: Asked, Invited, Visited, Converted, Rewarded.</param>
/// <param name="Weeks">The funnel by week bucket, empty weeks included.</param>
/// <param name="Goal">Pacing of the current month against the monthly goal; null without a goal.</param>
/// <param name="Nps">The NPS of the answers in the period.</param>
/// <param name="TopAdvocates">The advocates with the most conversions in the period.</param>
public sealed record OverviewModel(
    DateTimeOffset From,
    DateTimeOffset To,
    OverviewKpis Kpis,
    IReadOnlyList<FunnelStageModel> Funnel,
    IReadOnlyList<WeekModel> Weeks,
    GoalModel? Goal,
    NpsModel Nps,
    IReadOnlyList<TopAdvocateModel> TopAdvocates);

/// <summary>Headline figures of a period.</summary>
/// <param name="Referrals">Referrals started.</param>
/// <param name="Conversions">Referrals converted (and still standing).</param>
/// <param name="ConversionRate">Conversions ÷ referrals as a fraction; 0 without referrals.</param>
/// <param name="Revenue">Net referral revenue in the program currency.</param>
/// <param name="RewardsIssued">Rewards issued in the period, in the program currency.</param>
/// <param name="KFactor">The viral coefficient; 0 without advocates.</param>
public sealed record OverviewKpis(int Referrals, int Conversions, decimal ConversionRate, MoneyModel Revenue, MoneyModel RewardsIssued, decimal KFactor);

/// <summary>One funnel stage.</summary>
/// <param name="Stage">Asked, Invited, Visited, Converted or Rewarded.</param>
/// <param name="Count">Events of that stage in the period.</param>
public sealed record FunnelStageModel(string Stage, int Count);

/// <summary>One week bucket of the funnel.</summary>
/// <param name="WeekStart">The bucket's first instant.</param>
/// <param name="Asked">Asks sent.</param>
/// <param name="Referrals">Referrals started.</param>
/// <param name="Visits">First visits.</param>
/// <param name="Conversions">Conversions.</param>
public sealed record WeekModel(DateTimeOffset WeekStart, int Asked, int Referrals, int Visits, int Conversions);

/// <summary>Goal pacing of the current UTC month.</summary>
/// <param name="Target">The monthly goal (converted referrals).</param>
/// <param name="Actual">Converted so far this month.</param>
/// <param name="ExpectedToDate">The goal times the elapsed share of the month.</param>
/// <param name="Projected">Conversions expected by the month's end at the pace so far.</param>
/// <param name="DaysInMonth">Days in the month.</param>
/// <param name="Cumulative">Conversions so far by the end of each elapsed day (index 0 = day 1).</param>
public sealed record GoalModel(int Target, int Actual, decimal ExpectedToDate, decimal Projected, int DaysInMonth, IReadOnlyList<int> Cumulative);

/// <summary>The NPS of a period.</summary>
/// <param name="Score">−100 to 100, or null without answers.</param>
/// <param name="Promoters">Answers 9–10.</param>
/// <param name="Passives">Answers 7–8.</param>
/// <param name="Detractors">Answers 0–6.</param>
/// <param name="Responses">All answers.</param>
public sealed record NpsModel(int? Score, int Promoters, int Passives, int Detractors, int Responses);

/// <summary>One advocate of the ranking.</summary>
/// <param name="Id">The advocate's contact id.</param>
/// <param name="Name">The display name (empty when redacted).</param>
/// <param name="Conversions">Their converted referrals in the period.</param>
/// <param name="Revenue">The converting orders' totals.</param>
public sealed record TopAdvocateModel(Guid Id, string Name, int Conversions, MoneyModel Revenue);
