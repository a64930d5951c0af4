using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>Reads everything stored about one contact into a <see cref="ContactExport"/>.</summary>
internal static class ContactExporter
{
    public static async Task<ContactExport?> ExportAsync(ReferralsDbContext db, Guid tenantId, Guid contactId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.TenantId == tenantId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var tenantKey = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Key).SingleAsync(cancellationToken);
        var externalIds = await db.ContactExternalIds.AsNoTracking().Where(x => x.ContactId == contactId).OrderBy(x => x.System).ThenBy(x => x.Value).ToListAsync(cancellationToken);
        var codes = await db.ReferralCodes.AsNoTracking().Where(c => c.AdvocateContactId == contactId).ToListAsync(cancellationToken);
        var email = contact.NormalizedEmail;
        var asAdvocate = await db.Referrals.AsNoTracking().Where(r => r.TenantId == tenantId && r.AdvocateContactId == contactId).ToListAsync(cancellationToken);
        var asFriend = await db.Referrals.AsNoTracking()
            .Where(r => r.TenantId == tenantId && (r.FriendContactId == contactId || (email != null && r.FriendNormalizedEmail == email))).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => o.TenantId == tenantId && o.ContactId == contactId).ToListAsync(cancellationToken);
        var orderIds = orders.Select(o => o.ExternalId).ToList();
        var refunds = await db.OrderRefunds.AsNoTracking().Where(r => r.TenantId == tenantId && orderIds.Contains(r.OrderExternalId)).ToListAsync(cancellationToken);
        var ledger = await db.Ledger.AsNoTracking().Where(e => e.TenantId == tenantId && e.ContactId == contactId).ToListAsync(cancellationToken);
        var asks = await db.Asks.AsNoTracking().Where(a => a.TenantId == tenantId && a.ContactId == contactId).ToListAsync(cancellationToken);
        var tasks = await db.StaffTasks.AsNoTracking().Where(x => x.TenantId == tenantId && x.ContactId == contactId).ToListAsync(cancellationToken);
        var referralIds = asAdvocate.Concat(asFriend).Select(r => r.Id).Distinct().ToList();
        var reviews = await db.ReviewItems.AsNoTracking().Where(i => i.TenantId == tenantId && referralIds.Contains(i.ReferralId)).ToListAsync(cancellationToken);

        var fullName = contact.FirstName is null || contact.LastName is null ? null : contact.FirstName + " " + contact.LastName;
        var terms = PersonalDataTerms.From(new[] { contact.Email, contact.NormalizedEmail, contact.Phone, contact.NormalizedPhone, fullName }
            .Concat(externalIds.Select(x => x.Value)).Concat(codes.Select(c => c.Display)));
        // Subjects name rows by id (contact, referral), in either Guid format.
        var ownIds = referralIds.Append(contactId).SelectMany(id => new[] { id.ToString("D"), id.ToString("N") }).ToList();
        var audit = (await db.AuditLog.AsNoTracking().Where(a => a.TenantId == tenantId).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .Where(a => ownIds.Any(id => a.Subject.Contains(id, StringComparison.OrdinalIgnoreCase)) || terms.FoundIn(a.Subject) || terms.FoundIn(a.Details))
            .Select(a => new ExportedAuditEntry(a.Actor, a.Action, a.Subject, a.Details, a.At))
            .ToList();
        var messages = await MessagesAsync(db, tenantId, tenantKey, terms, asks.Select(a => a.Id.ToString()).Concat(ledger.Select(e => e.Id.ToString("N"))).ToList(), cancellationToken);

        return new ContactExport
        {
            ExportedAt = now,
            Tenant = tenantKey,
            Contact = Map(contact),
            ExternalIds = externalIds.Select(x => new ExportedExternalId(x.System, x.Value)).ToList(),
            Codes = codes.OrderBy(c => c.CreatedAt).Select(c => new ExportedCode(c.Display, c.IsActive, c.CreatedAt)).ToList(),
            ReferralsAsAdvocate = asAdvocate.OrderBy(r => r.CreatedAt).Select(Map).ToList(),
            ReferralsAsFriend = asFriend.OrderBy(r => r.CreatedAt).Select(Map).ToList(),
            Orders = orders.OrderBy(o => o.PlacedAt ?? o.CreatedAt).Select(o => new ExportedOrder
            {
                OrderId = o.ExternalId,
                Name = o.Name,
                Total = new ExportedMoney(o.Total, o.Currency),
                Refunded = new ExportedMoney(o.RefundedAmount, o.Currency),
                PlacedAt = o.PlacedAt,
                PaidAt = o.PaidAt,
                CancelledAt = o.CancelledAt,
                ReferralId = o.ReferralId,
                Refunds = refunds.Where(r => r.OrderExternalId == o.ExternalId).OrderBy(r => r.At)
                    .Select(r => new ExportedRefund(r.RefundId, new ExportedMoney(r.Amount, r.Currency), r.At)).ToList(),
            }).ToList(),
            Ledger = ledger.OrderBy(e => e.CreatedAt).Select(e => new ExportedLedgerEntry
            {
                Id = e.Id,
                Type = e.Type,
                Beneficiary = e.Beneficiary,
                Kind = e.Kind,
                Amount = new ExportedMoney(e.Amount, e.Currency),
                State = e.State,
                OrderId = e.OrderId,
                ReferralId = e.ReferralId,
                HoldUntil = e.HoldUntil,
                ExternalRef = e.ExternalRef,
                Note = e.Note,
                CreatedAt = e.CreatedAt,
            }).ToList(),
            Asks = asks.OrderBy(a => a.DueAt).Select(a => new ExportedAsk
            {
                Id = a.Id,
                Trigger = a.Trigger,
                Channel = a.Channel,
                State = a.State,
                SkipReason = a.SkipReason,
                DueAt = a.DueAt,
                SentAt = a.SentAt,
                AnsweredAt = a.AnsweredAt,
                Score = a.Score,
            }).ToList(),
            ReviewItems = reviews.OrderBy(i => i.FlaggedAt).Select(i => new ExportedReviewItem
            {
                ReferralId = i.ReferralId,
                Reasons = i.Reasons,
                Status = i.Status,
                FlaggedAt = i.FlaggedAt,
                DecidedAt = i.DecidedAt,
                Note = i.Note,
            }).ToList(),
            StaffTasks = tasks.OrderBy(x => x.CreatedAt).Select(x => new ExportedStaffTask
            {
                Kind = x.Kind,
                State = x.State,
                SuggestedMessage = x.SuggestedMessage,
                PostalAddress = x.PostalAddress,
                ReferralLink = x.ReferralLink,
                DueAt = x.DueAt,
                CreatedAt = x.CreatedAt,
                DoneAt = x.DoneAt,
            }).ToList(),
            AuditEntries = audit,
            Messages = messages,
        };
    }

    // Webhooks that mention the contact, and outgoing effects about their asks and rewards (those bodies hold ids).
    private static async Task<List<ExportedMessage>> MessagesAsync(ReferralsDbContext db, Guid tenantId, string tenantKey, PersonalDataTerms terms,
        List<string> ownIds, CancellationToken cancellationToken)
    {
        var messages = new List<ExportedMessage>();
        if (!terms.IsEmpty)
        {
            await foreach (var m in db.Inbox.AsNoTracking().Where(m => m.TenantKey == tenantKey).OrderBy(m => m.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (terms.FoundIn(m.Payload))
                {
                    messages.Add(Message("inbox", m.Source + " " + m.Topic, m.ReceivedAt, m.ProcessedAt, Encoding.UTF8.GetString(m.Payload)));
                }
            }
        }

        var t = terms.Terms.Concat(ownIds).ToList();
        if (t.Count > 0)
        {
            var outbox = await db.Outbox.AsNoTracking().Where(m => m.TenantId == tenantId && t.Any(x => m.Payload.ToLower().Contains(x)))
                .OrderBy(m => m.Id).ToListAsync(cancellationToken);
            messages.AddRange(outbox.Select(m => Message("outbox", m.Kind, m.CreatedAt, m.ProcessedAt, m.Payload)));
        }

        return messages;
    }

    private static ExportedMessage Message(string direction, string type, DateTimeOffset at, DateTimeOffset? processedAt, string body)
    {
        JsonElement? json = null;
        string? text = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                text = body;
            }
        }

        return new ExportedMessage { Direction = direction, Type = type, At = at, ProcessedAt = processedAt, Payload = json, PayloadText = text };
    }

    private static ExportedContact Map(Contact c) => new()
    {
        Id = c.Id,
        Kind = c.Kind,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Email = c.Email,
        NormalizedEmail = c.NormalizedEmail,
        Phone = c.Phone,
        NormalizedPhone = c.NormalizedPhone,
        PostalAddress = c.PostalAddress,
        AddressFingerprint = c.AddressFingerprint,
        LastIpAddress = c.LastIpAddress,
        LastUserAgent = c.LastUserAgent,
        CauseId = c.CauseId,
        MarketingConsent = c.MarketingConsent,
        OrdersCount = c.OrdersCount,
        TotalSpent = c.TotalSpent,
        FirstOrderAt = c.FirstOrderAt,
        LastOrderAt = c.LastOrderAt,
        LastSatisfactionScore = c.LastSatisfactionScore,
        BestCustomerScore = c.BestCustomerScore,
        RedactedAt = c.RedactedAt,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
    };

    private static ExportedReferral Map(Referral r) => new()
    {
        Id = r.Id,
        AdvocateContactId = r.AdvocateContactId,
        FriendContactId = r.FriendContactId,
        FriendName = r.FriendName,
        FriendEmail = r.FriendEmail,
        Source = r.Source,
        State = r.State,
        Reason = r.Reason,
        ConvertingOrderId = r.ConvertingOrderId,
        Revenue = new ExportedMoney(r.Revenue, r.Currency),
        Depth = r.Depth,
        CreatedAt = r.CreatedAt,
        VisitedAt = r.VisitedAt,
        ConvertedAt = r.ConvertedAt,
        RewardedAt = r.RewardedAt,
    };
}
