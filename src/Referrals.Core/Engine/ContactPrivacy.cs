using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;

namespace Referrals.Core.Engine;

/// <summary>
/// The privacy actions on stored data: find the contacts a request is about, export everything stored about one
/// contact, and erase the personal data of contacts or of a whole tenant while keeping anonymous figures
/// (orders, totals, ledger sums, counts). See docs/privacy.md for what each table keeps.
/// </summary>
/// <remarks>
/// Erasure runs in the caller's transaction, or in its own, with bulk statements; it is idempotent (a second run
/// erases nothing more and still writes its audit entry). Inbox and outbox rows that concern the people erased lose
/// their bodies: handled ones are emptied; rows still waiting are settled (marked processed with
/// <see cref="RedactionMarkers.SettledUnhandled"/>) so they neither fail on an empty body nor bring the data back.
/// A row another worker is handling at that very moment may still commit what it read; erasing again cleans it.
/// </remarks>
public sealed class ContactPrivacy
{
    private readonly TimeProvider _clock;
    private readonly ILogger<ContactPrivacy> _logger;

    /// <summary>Creates the service.</summary>
    public ContactPrivacy(TimeProvider clock, ILogger<ContactPrivacy> logger)
    {
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The tenant's contacts with the external id, or with the normalized e-mail. Phone alone is not trusted:
    /// households share one.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    public static IQueryable<Contact> Matching(ReferralsDbContext db, Guid tenantId, string? externalSystem, string? externalId, string? normalizedEmail)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Contacts.Where(c => c.TenantId == tenantId
            && ((externalId != null && db.ContactExternalIds.Any(x => x.ContactId == c.Id && x.System == externalSystem && x.Value == externalId))
                || (normalizedEmail != null && c.NormalizedEmail == normalizedEmail)));
    }

    /// <summary>Everything stored about one contact, or null when the tenant has no such contact.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    public Task<ContactExport?> ExportAsync(ReferralsDbContext db, Guid tenantId, Guid contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ContactExporter.ExportAsync(db, tenantId, contactId, _clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Erases the personal data of the tenant's contacts <paramref name="contactIds"/> everywhere it is stored, marks
    /// them redacted and audits it, in one transaction.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The tenant does not exist.</exception>
    public async Task<RedactionResult> RedactAsync(ReferralsDbContext db, Guid tenantId, IReadOnlyCollection<Guid> contactIds, RedactionRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contactIds);
        ArgumentNullException.ThrowIfNull(request);
        var ids = contactIds.Distinct().ToList();
        var result = await RunAsync(db, tenantId, request,
            (erasure, ct) => erasure.EraseContactsAsync(ids, ct), cancellationToken);
        _logger.LogInformation("Privacy {Action} for tenant {TenantId}: {Contacts} contact(s) erased, {Rows} row(s) changed", request.Action, tenantId,
            result.ContactsErased, result.TotalRows);
        return result;
    }

    /// <summary>
    /// Erases the personal data of every contact, referral friend and stored body of the tenant (after it left),
    /// and audits it, in one transaction. The tenant row and anonymous figures stay.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The tenant does not exist.</exception>
    public async Task<RedactionResult> RedactTenantAsync(ReferralsDbContext db, Guid tenantId, RedactionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var result = await RunAsync(db, tenantId, request, (erasure, ct) => erasure.EraseTenantAsync(ct), cancellationToken);
        _logger.LogInformation("Privacy {Action} for whole tenant {TenantId}: {Contacts} contact(s) erased, {Rows} row(s) changed", request.Action, tenantId,
            result.ContactsErased, result.TotalRows);
        return result;
    }

    private async Task<RedactionResult> RunAsync(ReferralsDbContext db, Guid tenantId, RedactionRequest request,
        Func<ContactErasure, CancellationToken, Task<RedactionResult>> erase, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var transaction = await Transactions.BeginUnlessInOneAsync(db, cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new KeyNotFoundException($"Tenant {tenantId} does not exist.");
        var result = await erase(new ContactErasure(db, tenant.Id, tenant.Key, request.KeepInboxMessageId, request.HandlingInboxMessageId, now), cancellationToken);
        db.AuditLog.Add(new Audit.AuditEntry(tenant.Id, request.Actor, request.Action, request.Subject, RedactionAudit.Details(result, request.Note), now));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
