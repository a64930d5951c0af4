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
    /// <summary>
    /// The attribution candidates for <paramref name="facts"/>, the code ids by lookup key, and the stored
    /// <paramref name="externalSystem"/> id of each code's advocate (the advocates themselves are then tracked).
    /// </summary>
    public static async Task<MatchedCandidates> FindCandidatesAsync(
        ReferralsDbContext db, Guid tenantId, OrderAttributionFacts facts, Contact buyer, string externalSystem, CancellationToken cancellationToken)
    {
        var candidates = new List<AttributionCandidate>();
        var codeIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var advocateIds = new Dictionary<Guid, string?>();
        List<Referral>? open = null;
        foreach (var sighting in CodeSightingExtractor.Extract(facts))
        {
            var found = await AdvocateCodes.FindWithAdvocateAsync(db, tenantId, sighting.RawValue, externalSystem, cancellationToken);
            if (found is null)
            {
                continue;
            }

            var code = found.Code;
            codeIds[code.LookupKey] = code.Id;
            advocateIds[code.AdvocateContactId] = found.AdvocateExternalId;
            open ??= await OpenReferralsForAsync(db, tenantId, buyer, cancellationToken);
            var latest = open.Where(r => r.AdvocateContactId == code.AdvocateContactId)
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefault();
            candidates.Add(new AttributionCandidate(sighting.Rule, code.AdvocateContactId, code.LookupKey, latest?.Id, latest?.TouchedAt));
        }

        if (buyer.NormalizedEmail is not null)
        {
            open ??= await OpenReferralsForAsync(db, tenantId, buyer, cancellationToken);
            candidates.AddRange(open.Where(r => r.FriendNormalizedEmail == buyer.NormalizedEmail).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new AttributionCandidate(AttributionRule.InvitedEmail, r.AdvocateContactId, null, r.Id, r.TouchedAt)));
        }

        return new MatchedCandidates(candidates, codeIds, advocateIds);
    }

    // The open (invited or visited) referrals naming the buyer, by contact or by e-mail: read once for all the order's
    // codes and its invitations. Each lookup filters on one friend column only, and the state and the order are applied
    // here: with a state or an ORDER BY in the SQL, SQLite's planner (without statistics) walks a tenant-wide state or
    // date index (every open referral, or every referral, of the tenant) instead of the friend index (the buyer's few rows).
    private static async Task<List<Referral>> OpenReferralsForAsync(ReferralsDbContext db, Guid tenantId, Contact buyer, CancellationToken cancellationToken)
    {
        var found = new List<Referral>();
        if (buyer.NormalizedEmail is { } email)
        {
            await foreach (var referral in ByFriendEmail.For(db)(db, tenantId, email).WithCancellation(cancellationToken))
            {
                found.Add(referral);
            }
        }

        // A contact added by this order is in no stored referral yet.
        if (!ChangeTrackerEntries.IsAdded(db, buyer))
        {
            found.AddRange(await ChainPositions.ByFriendContactAsync(db, tenantId, buyer.Id, cancellationToken));
        }

        return found.Where(r => r.State is ReferralState.Invited or ReferralState.Visited).DistinctBy(r => r.Id).ToList();
    }

    // Compiled once per model (CompiledPerModel): every order with an e-mail runs it.
    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, string, IAsyncEnumerable<Referral>>> ByFriendEmail =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, string email) =>
            db.Referrals.Where(r => r.TenantId == tenantId && r.FriendNormalizedEmail == email)));

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
