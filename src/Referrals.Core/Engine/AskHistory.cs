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
            || await Scheduled(asks).AnyAsync(cancellationToken);
        return new AskHistory(lastSentAt, open);
    }

    /// <summary>The contact's asks but <paramref name="exceptAskId"/>.</summary>
    internal static IQueryable<Ask> ContactAsks(ReferralsDbContext db, Guid tenantId, Guid contactId, Guid? exceptAskId) =>
        db.Asks.Where(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId);

    /// <summary>When those of <paramref name="asks"/> that were sent were sent: the contact's sent asks' index.</summary>
    internal static IQueryable<DateTimeOffset?> SentTimes(IQueryable<Ask> asks) => asks.Where(a => a.SentAt != null).Select(a => a.SentAt);

    /// <summary>Those of <paramref name="asks"/> still scheduled: the contact's scheduled asks' index.</summary>
    internal static IQueryable<Ask> Scheduled(IQueryable<Ask> asks) => asks.Where(a => a.State == AskState.Scheduled);

    /// <summary>The history from the tracked asks alone: for a contact not saved yet, whose asks cannot be in the database.</summary>
    public static AskHistory InMemory(ReferralsDbContext db, Guid tenantId, Guid contactId, Guid? exceptAskId)
    {
        var asks = ChangeTrackerEntries.Tracked<Ask>(db.ChangeTracker).Where(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId).ToList();
        return new AskHistory(asks.Max(a => a.SentAt), asks.Any(a => a.State == AskState.Scheduled));
    }
}
