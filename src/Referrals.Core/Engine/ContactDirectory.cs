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
        var (contact, externalIdKnown) = await FindWithIdAsync(db, tenantId, customer.ExternalSystem, customer.ExternalId, email, cancellationToken);
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

        // The lookup above already said whether the id is stored (also when it names a redacted contact).
        if (customer.ExternalId is { Length: > 0 } externalId && !externalIdKnown
            && !ChangeTrackerEntries.Tracked<ContactExternalId>(db.ChangeTracker).Any(x => x.TenantId == tenantId && x.System == customer.ExternalSystem && x.Value == externalId))
        {
            db.ContactExternalIds.Add(new ContactExternalId(tenantId, contact.Id, customer.ExternalSystem, externalId));
        }

        return contact;
    }

    /// <summary>The contact with <paramref name="system"/> id <paramref name="externalId"/>, or else the one with the normalized e-mail.</summary>
    public static async Task<Contact?> FindAsync(ReferralsDbContext db, Guid tenantId, string system, string? externalId, string? normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await FindWithIdAsync(db, tenantId, system, externalId, normalizedEmail, cancellationToken)).Contact;
    }

    // The contact as FindAsync finds it, and whether the external id is stored at all (it may name a redacted contact).
    private static async Task<(Contact? Contact, bool ExternalIdKnown)> FindWithIdAsync(ReferralsDbContext db, Guid tenantId, string system, string? externalId,
        string? normalizedEmail, CancellationToken cancellationToken)
    {
        var externalIdKnown = false;
        if (externalId is { Length: > 0 })
        {
            // One statement answers both questions: the id's contact, redacted or not (the key is unique, so one row at most).
            var byId = await ContactByExternalId.For(db)(db, tenantId, system, externalId, cancellationToken);
            externalIdKnown = byId is not null;
            if (byId is { RedactedAt: null })
            {
                return (byId, true);
            }
        }

        return (await FindByEmailAsync(db, tenantId, normalizedEmail, cancellationToken), externalIdKnown);
    }

    private static async Task<Contact?> FindByEmailAsync(ReferralsDbContext db, Guid tenantId, string? normalizedEmail, CancellationToken cancellationToken)
    {
        if (normalizedEmail is null)
        {
            return null;
        }

        // The tracker read without a DetectChanges pass (ChangeTrackerEntries): every order looks its buyer up.
        return ChangeTrackerEntries.Tracked<Contact>(db.ChangeTracker).FirstOrDefault(c => c.TenantId == tenantId && c.NormalizedEmail == normalizedEmail && c.RedactedAt == null)
            ?? await ContactByEmail.For(db)(db, tenantId, normalizedEmail, cancellationToken);
    }

    // Compiled once per model (CompiledPerModel): every order looks its buyer up (EF then skips its per-call expression walk and cache look-up).
    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, string, string, CancellationToken, Task<Contact?>>> ContactByExternalId =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, string system, string externalId, CancellationToken _) => db.ContactExternalIds
            .Where(x => x.TenantId == tenantId && x.System == system && x.Value == externalId)
            .Join(db.Contacts, x => x.ContactId, c => c.Id, (_, c) => c)
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, string, CancellationToken, Task<Contact?>>> ContactByEmail =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, string normalizedEmail, CancellationToken _) => db.Contacts
            .Where(c => c.TenantId == tenantId && c.NormalizedEmail == normalizedEmail && c.RedactedAt == null)
            .OrderBy(c => c.CreatedAt)
            .FirstOrDefault()));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? FormatAddress(PostalAddress address)
    {
        var lines = new[] { address.Line1, address.Line2, string.Join(' ', new[] { address.PostalCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p))), address.CountryCode }
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .ToArray();
        return lines.Length == 0 ? null : string.Join('\n', lines);
    }
}
