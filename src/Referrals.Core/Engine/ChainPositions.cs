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
        var advocatesOwn = (await ByFriendContactAsync(db, tenantId, advocateContactId, cancellationToken))
            .Where(r => r.State is ReferralState.Converted or ReferralState.Rewarded)
            .OrderBy(r => r.ConvertedAt).ThenBy(r => r.Id)
            .FirstOrDefault();
        return ChainPosition.For(advocateContactId, advocatesOwn);
    }

    /// <summary>The referrals naming <paramref name="friendContactId"/> as the friend, in any state (tracked).</summary>
    public static async Task<List<Referral>> ByFriendContactAsync(ReferralsDbContext db, Guid tenantId, Guid friendContactId, CancellationToken cancellationToken)
    {
        var found = new List<Referral>();
        await foreach (var referral in ByFriendContact.For(db)(db, tenantId, friendContactId).WithCancellation(cancellationToken))
        {
            found.Add(referral);
        }

        return found;
    }

    // Compiled once per model (CompiledPerModel): every referred order places its referral, and orders of known buyers look for their open referrals.
    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, Guid, IAsyncEnumerable<Referral>>> ByFriendContact =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, Guid friendContactId) =>
            db.Referrals.Where(r => r.TenantId == tenantId && r.FriendContactId == friendContactId)));
}
