using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>The contacts a privacy request is about.</summary>
internal static class ComplianceContacts
{
    /// <summary>The tenant's contacts with the Shopify customer GID, or with the normalized e-mail (phone alone is not trusted: households share one).</summary>
    public static IQueryable<Contact> Matching(ReferralsDbContext db, Tenant tenant, string? customerGid, string? normalizedEmail) =>
        db.Contacts.Where(c => c.TenantId == tenant.Id
            && ((customerGid != null && db.ContactExternalIds.Any(x => x.ContactId == c.Id && x.System == ContactExternalId.Shopify && x.Value == customerGid))
                || (normalizedEmail != null && c.NormalizedEmail == normalizedEmail)));
}
