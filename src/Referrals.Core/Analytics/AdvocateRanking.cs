namespace Referrals.Core.Analytics;

/// <summary>One advocate's conversions in a period.</summary>
/// <param name="AdvocateContactId">The advocate's contact.</param>
/// <param name="ConvertedReferrals">Referrals of theirs converted in the period (Converted or Rewarded now).</param>
/// <param name="Revenue">
/// The converting orders' totals at conversion, in the tenant's currency (conversions in other currencies count but
/// add no revenue); refunds are not subtracted here.
/// </param>
public sealed record AdvocateRanking(Guid AdvocateContactId, int ConvertedReferrals, decimal Revenue);
