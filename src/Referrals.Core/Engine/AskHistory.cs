using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>What the planner needs to know about a contact's earlier asks.</summary>
/// <param name="LastSentAt">When the contact was last sent an ask (answered or not), or null.</param>
/// <param name="OpenAskExists">Another ask is scheduled and not yet sent.</param>
internal sealed record AskHistory(DateTimeOffset? LastSentAt, bool OpenAskExists)
{
    public static async Task<AskHistory> LoadAsync(ReferralsDbContext db, Guid tenantId, Guid contactId, Guid? exceptAskId,
        CancellationToken cancellationToken)
    {
        var asks = ContactAsks(db, tenantId, contactId, exceptAskId);
        var lastSentAt = await SentTimes(asks).MaxAsync(cancellationToken);
        var open = ChangeTrackerEntries.Tracked<Ask>(db.ChangeTracker).Any(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId && a.State == AskState.Scheduled)
            || await asks.AnyAsync(a => a.State == AskState.Scheduled, cancellationToken);
        return new AskHistory(lastSentAt, open);
    }

    /// <summary>The contact's asks but <paramref name="exceptAskId"/>, read through the contact's part of the asks' key index.</summary>
    internal static IQueryable<Ask> ContactAsks(ReferralsDbContext db, Guid tenantId, Guid contactId, Guid? exceptAskId) =>
        db.Asks.Where(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId);

    /// <summary>
    /// When each of <paramref name="asks"/> was sent, null for those not sent. No "sent" condition in the statement: MAX
    /// passes over nulls anyway, and with one SQLite read the tenant's index of sent asks (every ask the shop ever sent)
    /// instead of the contact's handful.
    /// </summary>
    internal static IQueryable<DateTimeOffset?> SentTimes(IQueryable<Ask> asks) => asks.Select(a => a.SentAt);

    /// <summary>The history from the tracked asks alone: for a contact not saved yet, whose asks cannot be in the database.</summary>
    public static AskHistory InMemory(ReferralsDbContext db, Guid tenantId, Guid contactId, Guid? exceptAskId)
    {
        var asks = ChangeTrackerEntries.Tracked<Ask>(db.ChangeTracker).Where(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId).ToList();
        return new AskHistory(asks.Max(a => a.SentAt), asks.Any(a => a.State == AskState.Scheduled));
    }
}
