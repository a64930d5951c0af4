using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>What referral trees are worth: for each root advocate, the converted referrals below them, how deep, and their revenue.</summary>
public static class ReferralTrees
{
    /// <summary>One tree's figures, computed in SQL.</summary>
    /// <param name="RootAdvocateContactId">The advocate at the top.</param>
    /// <param name="Referrals">Converted referrals in the tree.</param>
    /// <param name="MaxDepth">The deepest level reached.</param>
    /// <param name="Revenue">Revenue of the converting orders.</param>
    public sealed record TreeSummary(Guid RootAdvocateContactId, int Referrals, int MaxDepth, decimal Revenue);

    /// <summary>The largest trees by revenue.</summary>
    public static async Task<IReadOnlyList<TreeSummary>> TopAsync(ReferralsDbContext db, Guid tenantId, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Referrals
            .Where(r => r.TenantId == tenantId && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded))
            .GroupBy(r => r.RootAdvocateContactId)
            .Select(g => new { Root = g.Key, Count = g.Count(), MaxDepth = g.Max(r => r.Depth), Revenue = g.Sum(r => r.Revenue) })
            .OrderByDescending(t => t.Revenue)
            .Take(count)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TreeSummary(r.Root, r.Count, r.MaxDepth, r.Revenue)).ToList();
    }
}
