using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>Places a new referral in its tree: under the referral that brought its advocate in, if any.</summary>
internal static class ChainPositions
{
    public static async Task<ChainPosition> ForAdvocateAsync(ReferralsDbContext db, Guid tenantId, Guid advocateContactId, CancellationToken cancellationToken)
    {
        // The state and the earliest are picked here, not in SQL: with a state filter or an ORDER BY ConvertedAt there,
        // SQLite's planner (without statistics) walks a tenant-wide state or ConvertedAt index (all of the tenant's
        // conversions) instead of the (TenantId, FriendContactId) index (the advocate's own few referrals).
        var advocatesOwn = (await db.Referrals
                .Where(r => r.TenantId == tenantId && r.FriendContactId == advocateContactId)
                .ToListAsync(cancellationToken))
            .Where(r => r.State is ReferralState.Converted or ReferralState.Rewarded)
            .OrderBy(r => r.ConvertedAt).ThenBy(r => r.Id)
            .FirstOrDefault();
        return ChainPosition.For(advocateContactId, advocatesOwn);
    }
}
