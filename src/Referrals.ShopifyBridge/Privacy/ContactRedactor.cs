using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Privacy;

/// <summary>
/// Erases contacts' personal data in place: names, e-mails, phone, address and its fingerprint, device details,
/// external ids, and the friend details of referrals naming them. Figures stay (orders, spend, scores, ledger) so
/// aggregates still add up; <see cref="Contact.RedactedAt"/> marks the row, and the engine never fills it again.
/// </summary>
/// <remarks>
/// A stop-gap in the bridge until the engine offers redaction itself. Bulk statements in the caller's transaction: no
/// contact is loaded, so a shop with many contacts is erased in a few statements. Webhook bodies already processed
/// are not touched here (see <c>ShopRedactHandler</c> for a whole shop).
/// </remarks>
internal static class ContactRedactor
{
    /// <summary>Erases every not yet redacted contact in <paramref name="contacts"/> (all of tenant <paramref name="tenantId"/>).</summary>
    /// <returns>How many contacts were erased.</returns>
    public static async Task<int> RedactAsync(ReferralsDbContext db, Guid tenantId, IQueryable<Contact> contacts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contacts);
        var targets = contacts.Where(c => c.TenantId == tenantId && c.RedactedAt == null);
        var count = await targets.CountAsync(cancellationToken);
        if (count == 0)
        {
            return 0;
        }

        // Order matters: the targets may be found through their e-mails and external ids, so those go last.
        await db.Referrals
            .Where(r => r.TenantId == tenantId && targets.Any(c => c.Id == r.FriendContactId || (c.NormalizedEmail != null && c.NormalizedEmail == r.FriendNormalizedEmail)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FriendName, (string?)null)
                .SetProperty(r => r.FriendEmail, (string?)null)
                .SetProperty(r => r.FriendNormalizedEmail, (string?)null), cancellationToken);
        await targets.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FirstName, (string?)null)
            .SetProperty(c => c.LastName, (string?)null)
            .SetProperty(c => c.Email, (string?)null)
            .SetProperty(c => c.NormalizedEmail, (string?)null)
            .SetProperty(c => c.Phone, (string?)null)
            .SetProperty(c => c.NormalizedPhone, (string?)null)
            .SetProperty(c => c.AddressFingerprint, (string?)null)
            .SetProperty(c => c.PostalAddress, (string?)null)
            .SetProperty(c => c.LastIpAddress, (string?)null)
            .SetProperty(c => c.LastUserAgent, (string?)null)
            .SetProperty(c => c.MarketingConsent, false)
            .SetProperty(c => c.RedactedAt, now)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);

        // A redacted contact keeps no external id, so these are exactly the ids of the contacts erased just now.
        await db.ContactExternalIds
            .Where(x => x.TenantId == tenantId && db.Contacts.Any(c => c.Id == x.ContactId && c.RedactedAt != null))
            .ExecuteDeleteAsync(cancellationToken);
        return count;
    }
}
