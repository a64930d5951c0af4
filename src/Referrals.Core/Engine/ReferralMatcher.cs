using Microsoft.EntityFrameworkCore;
using Referrals.Core.Attribution;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Finds what an order could be attributed to (the advocates behind the codes it carries, and open invitations for
/// the buyer's e-mail) and opens the referral the winning candidate names.
/// </summary>
internal static class ReferralMatcher
{
    /// <summary>The attribution candidates for <paramref name="facts"/>, and the code ids by lookup key.</summary>
    public static async Task<(List<AttributionCandidate> Candidates, Dictionary<string, Guid> CodeIds)> FindCandidatesAsync(
        ReferralsDbContext db, Guid tenantId, OrderAttributionFacts facts, Contact buyer, CancellationToken cancellationToken)
    {
        var candidates = new List<AttributionCandidate>();
        var codeIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var sighting in CodeSightingExtractor.Extract(facts))
        {
            var code = await AdvocateCodes.FindAsync(db, tenantId, sighting.RawValue, cancellationToken);
            if (code is null)
            {
                continue;
            }

            codeIds[code.LookupKey] = code.Id;
            var open = await OpenReferralsFor(db, tenantId, buyer)
                .Where(r => r.AdvocateContactId == code.AdvocateContactId)
                .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            candidates.Add(new AttributionCandidate(sighting.Rule, code.AdvocateContactId, code.LookupKey, open?.Id, open?.TouchedAt));
        }

        if (buyer.NormalizedEmail is not null)
        {
            var invitations = await db.Referrals
                .Where(r => r.TenantId == tenantId && r.FriendNormalizedEmail == buyer.NormalizedEmail
                    && (r.State == ReferralState.Invited || r.State == ReferralState.Visited))
                .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
            candidates.AddRange(invitations.Select(r => new AttributionCandidate(AttributionRule.InvitedEmail, r.AdvocateContactId, null, r.Id, r.TouchedAt)));
        }

        return (candidates, codeIds);
    }

    private static IQueryable<Referral> OpenReferralsFor(ReferralsDbContext db, Guid tenantId, Contact buyer) =>
        db.Referrals.Where(r => r.TenantId == tenantId
            && (r.State == ReferralState.Invited || r.State == ReferralState.Visited)
            && (r.FriendContactId == buyer.Id || (buyer.NormalizedEmail != null && r.FriendNormalizedEmail == buyer.NormalizedEmail)));

    /// <summary>The winner's open referral, or a new one placed in the advocate's chain.</summary>
    public static async Task<Referral> OpenReferralAsync(ReferralsDbContext db, Tenant tenant, AttributionCandidate winner, Contact advocate,
        Dictionary<string, Guid> codeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (winner.ReferralId is { } id && await db.Referrals.FindAsync([id], cancellationToken) is { IsOpen: true } existing)
        {
            return existing;
        }

        var source = winner.Rule switch
        {
            AttributionRule.LandingSiteRef => ReferralSource.Link,
            AttributionRule.InvitedEmail => ReferralSource.EmailMatch,
            _ => ReferralSource.Code,
        };
        var referral = new Referral(tenant.Id, advocate.Id, source, await ChainPositions.ForAdvocateAsync(db, tenant.Id, advocate.Id, cancellationToken), tenant.Settings.Currency, now);
        if (winner.CodeKey is not null && codeIds.TryGetValue(winner.CodeKey, out var codeId))
        {
            referral.ReferralCodeId = codeId;
        }

        db.Referrals.Add(referral);
        return referral;
    }
}
