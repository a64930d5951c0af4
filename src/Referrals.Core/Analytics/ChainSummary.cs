namespace Referrals.Core.Analytics;

/// <summary>One referral tree's conversions in a period, grouped by the advocate at its root.</summary>
/// <param name="RootAdvocateContactId">The advocate at the top of the tree.</param>
/// <param name="ConvertedReferrals">Referrals in the tree converted in the period.</param>
/// <param name="MaxDepth">The deepest of those (1 = referred by the root advocate directly).</param>
/// <param name="Revenue">Their converting orders' totals in the tenant's currency, as <see cref="AdvocateRanking.Revenue"/>.</param>
public sealed record ChainSummary(Guid RootAdvocateContactId, int ConvertedReferrals, int MaxDepth, decimal Revenue);
