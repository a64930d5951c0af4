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
        var asks = db.Asks.Where(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId);
        var lastSentAt = await asks.Where(a => a.SentAt != null).MaxAsync(a => a.SentAt, cancellationToken);
        var open = ChangeTrackerEntries.Tracked<Ask>(db.ChangeTracker).Any(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId && a.State == AskState.Scheduled)
            || await asks.AnyAsync(a => a.State == AskState.Scheduled, cancellationToken);
        return new AskHistory(lastSentAt, open);
    }

    /// <summary>The history from the tracked asks alone: for a contact not saved yet, whose asks cannot be in the database.</summary>
    public static AskHistory InMemory(ReferralsDbContext db, Guid tenantId, Guid contactId, Guid? exceptAskId)
    {
        var asks = ChangeTrackerEntries.Tracked<Ask>(db.ChangeTracker).Where(a => a.TenantId == tenantId && a.ContactId == contactId && a.Id != exceptAskId).ToList();
        return new AskHistory(asks.Max(a => a.SentAt), asks.Any(a => a.State == AskState.Scheduled));
    }
}
