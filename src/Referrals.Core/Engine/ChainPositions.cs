using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>Places a new referral in its tree: under the referral that brought its advocate in, if any.</summary>
internal static class ChainPositions
{
    public static async Task<ChainPosition> ForAdvocateAsync(ReferralsDbContext db, Guid tenantId, Guid advocateContactId, CancellationToken cancellationToken)
    {
        var advocatesOwn = await db.Referrals
            .Where(r => r.TenantId == tenantId && r.FriendContactId == advocateContactId
                && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded))
            .OrderBy(r => r.ConvertedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return ChainPosition.For(advocateContactId, advocatesOwn);
    }
}
