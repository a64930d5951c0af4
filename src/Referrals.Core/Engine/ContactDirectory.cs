using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>Finds or creates contacts from what hosts know of a person: an external id first, then the normalized e-mail.</summary>
public sealed class ContactDirectory
{
    private readonly TimeProvider _clock;

    /// <summary>Creates the directory.</summary>
    public ContactDirectory(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>
    /// Finds the contact for <paramref name="customer"/> or creates one, and updates it with what the host sent. A redacted
    /// contact is never given personal data again; a new contact is created instead when the person returns.
    /// </summary>
    public async Task<Contact> UpsertAsync(ReferralsDbContext db, Guid tenantId, CustomerInfo customer, ContactKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customer);
        var now = _clock.GetUtcNow();
        var email = EmailNormalizer.Normalize(customer.Email);
        var contact = await FindAsync(db, tenantId, customer.ExternalSystem, customer.ExternalId, email, cancellationToken);
        if (contact is null)
        {
            contact = new Contact(tenantId, kind, customer.Email, email, now);
            db.Contacts.Add(contact);
        }

        // The host is the source of truth for who the customer is: what it sends now replaces what we had.
        if (email is not null)
        {
            contact.Email = customer.Email;
            contact.NormalizedEmail = email;
        }

        contact.FirstName = Blank(customer.FirstName) ?? contact.FirstName;
        contact.LastName = Blank(customer.LastName) ?? contact.LastName;
        if (customer.Phone is not null)
        {
            contact.Phone = customer.Phone;
            contact.NormalizedPhone = PhoneNormalizer.Normalize(customer.Phone) ?? contact.NormalizedPhone;
        }

        if (customer.Address is not null)
        {
            contact.AddressFingerprint = AddressFingerprint.Compute(customer.Address) ?? contact.AddressFingerprint;
            contact.PostalAddress = FormatAddress(customer.Address) ?? contact.PostalAddress;
        }

        // Consent follows the host both ways: a withdrawal must stop the e-mails.
        if (customer.AcceptsMarketing is { } consent)
        {
            contact.MarketingConsent = consent;
        }
        contact.UpdatedAt = now;

        if (customer.ExternalId is { Length: > 0 } externalId
            && !db.ContactExternalIds.Local.Any(x => x.TenantId == tenantId && x.System == customer.ExternalSystem && x.Value == externalId)
            && !await db.ContactExternalIds.AnyAsync(x => x.TenantId == tenantId && x.System == customer.ExternalSystem && x.Value == externalId, cancellationToken))
        {
            db.ContactExternalIds.Add(new ContactExternalId(tenantId, contact.Id, customer.ExternalSystem, externalId));
        }

        return contact;
    }

    /// <summary>The contact with <paramref name="system"/> id <paramref name="externalId"/>, or else the one with the normalized e-mail.</summary>
    public static async Task<Contact?> FindAsync(ReferralsDbContext db, Guid tenantId, string system, string? externalId, string? normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (externalId is { Length: > 0 })
        {
            var byId = await db.ContactExternalIds
                .Where(x => x.TenantId == tenantId && x.System == system && x.Value == externalId)
                .Join(db.Contacts, x => x.ContactId, c => c.Id, (_, c) => c)
                .FirstOrDefaultAsync(c => c.RedactedAt == null, cancellationToken);
            if (byId is not null)
            {
                return byId;
            }
        }

        if (normalizedEmail is null)
        {
            return null;
        }

        return db.Contacts.Local.FirstOrDefault(c => c.TenantId == tenantId && c.NormalizedEmail == normalizedEmail && c.RedactedAt == null)
            ?? await db.Contacts.Where(c => c.TenantId == tenantId && c.NormalizedEmail == normalizedEmail && c.RedactedAt == null)
                .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? FormatAddress(PostalAddress address)
    {
        var lines = new[] { address.Line1, address.Line2, string.Join(' ', new[] { address.PostalCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p))), address.CountryCode }
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .ToArray();
        return lines.Length == 0 ? null : string.Join('\n', lines);
    }
}
