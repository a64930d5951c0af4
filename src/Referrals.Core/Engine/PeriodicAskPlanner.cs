using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// The loop <see cref="CadenceAsks"/> and <see cref="AdvocateNews"/> share: for every active tenant whose step is on,
/// one ask of the trigger per candidate contact per period. Candidates are read in batches of contacts that have not
/// been erased and have no ask of the trigger for the period yet, so memory stays flat, a stopped run resumes where it
/// stopped, and a second runner fails on the ask's unique key (its job is retried, planning nothing twice).
/// </summary>
internal static class PeriodicAskPlanner
{
    /// <summary>Plans the current period's asks of <paramref name="trigger"/> for every active tenant.</summary>
    /// <param name="db">The context; its change tracker is cleared after each batch.</param>
    /// <param name="scheduler">Decides each candidate (scheduled, or skipped with a reason).</param>
    /// <param name="clock">The time the period is taken from, read once per tenant.</param>
    /// <param name="trigger">The ask's trigger.</param>
    /// <param name="sourceKeyIfOn">The period's source key for a tenant, or null when its step is off.</param>
    /// <param name="candidates">Narrows and orders a tenant's contacts (who is asked, who first).</param>
    /// <param name="batchSize">How many contacts to read at a time.</param>
    /// <param name="cancellationToken">Cancels the work; asks already planned stay.</param>
    /// <returns>How many asks were planned (scheduled or skipped).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public static async Task<int> PlanAsync(
        ReferralsDbContext db,
        AskScheduler scheduler,
        TimeProvider clock,
        AskTrigger trigger,
        Func<Tenant, DateTimeOffset, string?> sourceKeyIfOn,
        Func<IQueryable<Contact>, Tenant, IOrderedQueryable<Contact>> candidates,
        int batchSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var tenantIds = await db.Tenants.Where(t => t.State == TenantState.Active).OrderBy(t => t.CreatedAt).Select(t => t.Id).ToListAsync(cancellationToken);
        var planned = 0;
        foreach (var tenantId in tenantIds)
        {
            var now = clock.GetUtcNow();
            if (await db.Tenants.FindAsync([tenantId], cancellationToken) is not { } tenant || sourceKeyIfOn(tenant, now) is not { } sourceKey)
            {
                continue;
            }

            while (true)
            {
                var open = db.Contacts.Where(c => c.TenantId == tenant.Id && c.RedactedAt == null
                    && !db.Asks.Any(a => a.TenantId == tenant.Id && a.ContactId == c.Id && a.Trigger == trigger && a.SourceKey == sourceKey));
                var batch = await candidates(open, tenant).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var contactId in batch)
                {
                    await scheduler.ScheduleAsync(db, tenant, contactId, trigger, sourceKey, now, cancellationToken);
                    planned++;
                }

                // Each candidate now has its ask, so the next query moves on; forgetting the batch keeps memory flat.
                db.ChangeTracker.Clear();
            }
        }

        return planned;
    }
}
