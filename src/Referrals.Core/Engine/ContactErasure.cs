using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Privacy;

namespace Referrals.Core.Engine;

/// <summary>
/// The bulk statements of one erasure, table by table (the list in <see cref="PersonalDataInventory.Redacted"/>).
/// Nothing is loaded but the identifying strings and the ids of matching inbox rows.
/// </summary>
internal sealed class ContactErasure
{
    private const int TenantBatchSize = 200;

    private readonly Persistence.ReferralsDbContext _db;
    private readonly Guid _tenantId;
    private readonly string _tenantKey;
    private readonly long? _keepInboxId;
    private readonly long _handlingInboxId;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);

    public ContactErasure(Persistence.ReferralsDbContext db, Guid tenantId, string tenantKey, long? keepInboxId, long? handlingInboxId, DateTimeOffset now)
    {
        _handlingInboxId = handlingInboxId ?? 0;
        _db = db;
        _tenantId = tenantId;
        _tenantKey = tenantKey;
        _keepInboxId = keepInboxId;
        _now = now;
    }

    /// <summary>Erases the given contacts (those of other tenants are ignored).</summary>
    public async Task<RedactionResult> EraseContactsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var erased = await EraseBatchAsync(ids, scanInbox: true, cancellationToken);
        return new RedactionResult(erased, _rows);
    }

    private async Task<int> EraseBatchAsync(IReadOnlyList<Guid> ids, bool scanInbox, CancellationToken cancellationToken)
    {
        var tenantId = _tenantId;
        var people = await _db.Contacts.Where(c => c.TenantId == tenantId && ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Email, c.NormalizedEmail, c.Phone, c.NormalizedPhone, c.FirstName, c.LastName, c.PostalAddress, c.RedactedAt })
            .ToListAsync(cancellationToken);
        var found = people.Select(p => p.Id).ToList();
        var emails = people.Select(p => p.NormalizedEmail).OfType<string>().ToList();
        var externalIds = await _db.ContactExternalIds.Where(x => x.TenantId == tenantId && found.Contains(x.ContactId)).Select(x => x.Value).ToListAsync(cancellationToken);
        var codes = await _db.ReferralCodes.Where(c => c.TenantId == tenantId && found.Contains(c.AdvocateContactId)).Select(c => c.Display).ToListAsync(cancellationToken);
        var asFriend = _db.Referrals.Where(r => r.TenantId == tenantId
            && ((r.FriendContactId != null && found.Contains(r.FriendContactId.Value)) || (r.FriendNormalizedEmail != null && emails.Contains(r.FriendNormalizedEmail))));
        var friendDetails = await asFriend.Select(r => new { r.FriendEmail, r.FriendNormalizedEmail, r.FriendName }).ToListAsync(cancellationToken);

        var terms = PersonalDataTerms.From(people.SelectMany(p => new[]
            {
                p.Email, p.NormalizedEmail, p.Phone, p.NormalizedPhone, FullName(p.FirstName, p.LastName), FirstLine(p.PostalAddress),
            })
            .Concat(friendDetails.SelectMany(f => new[] { f.FriendEmail, f.FriendNormalizedEmail, f.FriendName }))
            .Concat(externalIds.SelectMany(IdForms))
            .Concat(codes));

        // Text and bodies first: the terms were read from the rows erased below.
        await ScrubTextAsync(terms, cancellationToken);
        if (scanInbox)
        {
            await EraseInboxAsync(terms, cancellationToken);
        }

        await EraseOutboxAsync(terms, cancellationToken);

        Count<Referrals.Referral>(await asFriend.Where(r => r.FriendName != null || r.FriendEmail != null || r.FriendNormalizedEmail != null || r.IntroductionNote != null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FriendName, (string?)null)
            .SetProperty(r => r.IntroductionNote, (string?)null)
            .SetProperty(r => r.FriendEmail, (string?)null)
            .SetProperty(r => r.FriendNormalizedEmail, (string?)null), cancellationToken));
        Count<Referrals.ReferralCode>(await _db.ReferralCodes.Where(c => c.TenantId == tenantId && found.Contains(c.AdvocateContactId)).ExecuteDeleteAsync(cancellationToken));
        Count<ContactExternalId>(await _db.ContactExternalIds.Where(x => x.TenantId == tenantId && found.Contains(x.ContactId)).ExecuteDeleteAsync(cancellationToken));

        // A card, call or recovery task for someone who asked to be forgotten has nobody left to do it for.
        Count<Thanks.StaffTask>(await _db.StaffTasks.Where(x => x.TenantId == tenantId && found.Contains(x.ContactId)).ExecuteDeleteAsync(cancellationToken));

        // The export of their data, kept for the merchant, is their data too.
        Count<Privacy.DataRequest>(await _db.DataRequests.Where(x => x.TenantId == tenantId && x.ContactId != null && found.Contains(x.ContactId.Value))
            .ExecuteDeleteAsync(cancellationToken));
        return await EraseContactRowsAsync(_db.Contacts.Where(c => c.TenantId == tenantId && found.Contains(c.Id) && c.RedactedAt == null), cancellationToken);
    }

    /// <summary>Erases every contact, friend, code, external id and stored body of the tenant.</summary>
    public async Task<RedactionResult> EraseTenantAsync(CancellationToken cancellationToken)
    {
        var tenantId = _tenantId;
        var tenantKey = _tenantKey;
        var keep = _keepInboxId ?? 0;
        await EraseInboxRowsAsync(_db.Inbox.Where(m => m.TenantKey == tenantKey && m.Id != keep), cancellationToken);

        // Contact by contact in batches, so free text naming them (notes, audit details) is found by their terms too.
        var erased = 0;
        while (true)
        {
            var batch = await _db.Contacts.Where(c => c.TenantId == tenantId && c.RedactedAt == null).OrderBy(c => c.Id).Select(c => c.Id)
                .Take(TenantBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            erased += await EraseBatchAsync(batch, scanInbox: false, cancellationToken);
        }

        // What no contact's terms reach: friends invited by name who never became contacts, leftover ids and codes.
        Count<Referrals.Referral>(await _db.Referrals
            .Where(r => r.TenantId == tenantId && (r.FriendName != null || r.FriendEmail != null || r.FriendNormalizedEmail != null || r.IntroductionNote != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FriendName, (string?)null)
                .SetProperty(r => r.IntroductionNote, (string?)null)
                .SetProperty(r => r.FriendEmail, (string?)null)
                .SetProperty(r => r.FriendNormalizedEmail, (string?)null), cancellationToken));
        Count<Referrals.ReferralCode>(await _db.ReferralCodes.Where(c => c.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken));
        Count<ContactExternalId>(await _db.ContactExternalIds.Where(x => x.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken));
        Count<Thanks.StaffTask>(await _db.StaffTasks.Where(x => x.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken));
        Count<Privacy.DataRequest>(await _db.DataRequests.Where(x => x.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken));
        Count<Review.ReviewItem>(await _db.ReviewItems.Where(i => i.TenantId == tenantId && i.Note != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Note, (string?)null), cancellationToken));

        Count<OutboxMessage>(await _db.Outbox.Where(m => m.TenantId == tenantId && (m.LastError != null || (m.ProcessedAt != null && m.Payload != RedactionMarkers.EmptyJson)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.Payload, m => m.ProcessedAt != null ? RedactionMarkers.EmptyJson : m.Payload), cancellationToken));

        return new RedactionResult(erased, _rows);
    }

    private async Task<int> EraseContactRowsAsync(IQueryable<Contact> targets, CancellationToken cancellationToken)
    {
        var now = _now;
        var erased = await targets.ExecuteUpdateAsync(s => s
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
        Count<Contact>(erased);
        return erased;
    }

    // Free text that people type or errors quote: replaced as a whole where it holds a term.
    private async Task ScrubTextAsync(PersonalDataTerms terms, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return;
        }

        var t = terms.Terms.ToList();
        var tenantId = _tenantId;
        const string Marker = RedactionMarkers.Text;
        Count<Referrals.Referral>(await _db.Referrals.Where(r => r.TenantId == tenantId && r.Reason != null && t.Any(x => r.Reason.ToLower().Contains(x)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, Marker), cancellationToken));
        Count<Referrals.Referral>(await _db.Referrals.Where(r => r.TenantId == tenantId && r.IntroductionNote != null && t.Any(x => r.IntroductionNote.ToLower().Contains(x)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IntroductionNote, Marker), cancellationToken));
        Count<Orders.Order>(await _db.Orders.Where(o => o.TenantId == tenantId && o.Name != null && t.Any(x => o.Name.ToLower().Contains(x)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, Marker), cancellationToken));
        Count<Rewards.LedgerEntry>(await _db.Ledger.Where(e => e.TenantId == tenantId
                && ((e.Note != null && t.Any(x => e.Note.ToLower().Contains(x))) || (e.ExternalRef != null && t.Any(x => e.ExternalRef.ToLower().Contains(x)))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Note, e => e.Note != null && t.Any(x => e.Note.ToLower().Contains(x)) ? Marker : e.Note)
                .SetProperty(e => e.ExternalRef, e => e.ExternalRef != null && t.Any(x => e.ExternalRef.ToLower().Contains(x)) ? Marker : e.ExternalRef), cancellationToken));
        Count<Review.ReviewItem>(await _db.ReviewItems.Where(i => i.TenantId == tenantId
                && (t.Any(x => i.Reasons.ToLower().Contains(x)) || (i.Note != null && t.Any(x => i.Note.ToLower().Contains(x)))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Reasons, i => t.Any(x => i.Reasons.ToLower().Contains(x)) ? Marker : i.Reasons)
                .SetProperty(i => i.Note, i => i.Note != null && t.Any(x => i.Note.ToLower().Contains(x)) ? Marker : i.Note), cancellationToken));
        Count<Thanks.StaffTask>(await _db.StaffTasks.Where(x => x.TenantId == tenantId
                && (t.Any(w => x.SuggestedMessage.ToLower().Contains(w))
                    || (x.PostalAddress != null && t.Any(w => x.PostalAddress.ToLower().Contains(w)))
                    || (x.ReferralLink != null && t.Any(w => x.ReferralLink.ToLower().Contains(w)))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.SuggestedMessage, x => t.Any(w => x.SuggestedMessage.ToLower().Contains(w)) ? Marker : x.SuggestedMessage)
                .SetProperty(x => x.PostalAddress, x => x.PostalAddress != null && t.Any(w => x.PostalAddress.ToLower().Contains(w)) ? Marker : x.PostalAddress)
                .SetProperty(x => x.ReferralLink, x => x.ReferralLink != null && t.Any(w => x.ReferralLink.ToLower().Contains(w)) ? Marker : x.ReferralLink), cancellationToken));
        Count<Audit.AuditEntry>(await _db.AuditLog.Where(a => a.TenantId == tenantId
                && (t.Any(x => a.Subject.ToLower().Contains(x)) || (a.Details != null && t.Any(x => a.Details.ToLower().Contains(x)))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Subject, a => t.Any(x => a.Subject.ToLower().Contains(x)) ? Marker : a.Subject)
                .SetProperty(a => a.Details, a => a.Details != null && t.Any(x => a.Details.ToLower().Contains(x)) ? Marker : a.Details), cancellationToken));
    }

    // Webhook bodies are bytes, which SQL cannot search portably: read them once, match here, erase by id.
    private async Task EraseInboxAsync(PersonalDataTerms terms, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return;
        }

        var tenantKey = _tenantKey;
        var keep = _keepInboxId ?? 0;
        var matching = new List<long>();
        await foreach (var row in _db.Inbox.AsNoTracking().Where(m => m.TenantKey == tenantKey && m.Id != keep)
                           .Select(m => new { m.Id, m.Payload, m.LastError }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (terms.FoundIn(row.Payload) || terms.FoundIn(row.LastError))
            {
                matching.Add(row.Id);
            }
        }

        if (matching.Count > 0)
        {
            await EraseInboxRowsAsync(_db.Inbox.Where(m => matching.Contains(m.Id)), cancellationToken);
        }
    }

    private async Task EraseInboxRowsAsync(IQueryable<InboxMessage> rows, CancellationToken cancellationToken)
    {
        var now = _now;
        var empty = Array.Empty<byte>();
        var current = _handlingInboxId;
        var handled = await rows.Where(m => m.ProcessedAt != null || m.DeadLetteredAt != null || m.Id == current)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, empty).SetProperty(m => m.LastError, (string?)null), cancellationToken);
        var settled = await rows.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.Id != current)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Payload, empty)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LastError, RedactionMarkers.SettledUnhandled), cancellationToken);
        Count<InboxMessage>(handled + settled);
    }

    private async Task EraseOutboxAsync(PersonalDataTerms terms, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty)
        {
            return;
        }

        var t = terms.Terms.ToList();
        var tenantId = _tenantId;
        var now = _now;
        var matching = _db.Outbox.Where(m => m.TenantId == tenantId
            && (t.Any(x => m.Payload.ToLower().Contains(x)) || (m.LastError != null && t.Any(x => m.LastError.ToLower().Contains(x)))));
        var handled = await matching.Where(m => m.ProcessedAt != null || m.DeadLetteredAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, RedactionMarkers.EmptyJson).SetProperty(m => m.LastError, (string?)null), cancellationToken);
        var settled = await matching.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Payload, RedactionMarkers.EmptyJson)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LastError, RedactionMarkers.SettledUnhandled), cancellationToken);
        Count<OutboxMessage>(handled + settled);
    }

    private void Count<T>(int rows)
    {
        if (rows == 0)
        {
            return;
        }

        var table = _db.Model.FindEntityType(typeof(T))?.GetTableName() ?? typeof(T).Name;
        _rows[table] = _rows.GetValueOrDefault(table) + rows;
    }

    private static string? FullName(string? first, string? last) =>
        string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(last) ? null : first.Trim() + " " + last.Trim();

    private static string? FirstLine(string? address) => address?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    // gid://shopify/Customer/123 also appears in bodies as the bare number 123.
    private static IEnumerable<string> IdForms(string id)
    {
        yield return id;
        var slash = id.LastIndexOf('/');
        if (slash >= 0 && id.Length - slash - 1 >= 6)
        {
            yield return id[(slash + 1)..];
        }
    }
}
