using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Plans the regular asks (DESIGN.md §2.1 "on a cadence"): for every active tenant whose timeline has the Cadence step
/// on, one ask per contact per <see cref="CadencePeriod"/>, best customers first. Every contact that has not been
/// erased is a candidate; the planner decides each one (consent, detractor, open ask, frequency cap), so a skipped
/// candidate is recorded with its reason and not looked at again in the same period.
/// </summary>
/// <remarks>
/// Contacts are read in batches of candidates that have no cadence ask for the period yet, so memory stays flat
/// however many contacts a tenant has, and a run that stops half-way resumes where it stopped. A second runner at the
/// same moment fails on the ask's unique key and its job is retried, planning nothing twice.
/// </remarks>
public sealed class CadenceAsks
{
    private readonly AskScheduler _scheduler;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public CadenceAsks(AskScheduler scheduler, TimeProvider clock)
    {
        _scheduler = scheduler;
        _clock = clock;
    }

    /// <summary>Plans the current period's cadence asks of every active tenant.</summary>
    /// <param name="db">The context; its change tracker is cleared after each batch.</param>
    /// <param name="batchSize">How many contacts to read at a time.</param>
    /// <param name="cancellationToken">Cancels the work; asks already planned stay.</param>
    /// <returns>How many asks were planned (scheduled or skipped).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public async Task<int> PlanAsync(ReferralsDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var tenantIds = await db.Tenants.Where(t => t.State == TenantState.Active).OrderBy(t => t.CreatedAt).Select(t => t.Id).ToListAsync(cancellationToken);
        var planned = 0;
        foreach (var tenantId in tenantIds)
        {
            var tenant = await db.Tenants.FindAsync([tenantId], cancellationToken);
            if (tenant is null || !tenant.Settings.Timeline.Cadence.Enabled)
            {
                continue;
            }

            planned += await PlanTenantAsync(db, tenant, batchSize, cancellationToken);
        }

        return planned;
    }

    private async Task<int> PlanTenantAsync(ReferralsDbContext db, Tenant tenant, int batchSize, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var sourceKey = CadencePeriod.For(now, tenant.Settings.Timeline.CadenceIntervalDays).SourceKey;
        var planned = 0;
        while (true)
        {
            var batch = await db.Contacts
                .Where(c => c.TenantId == tenant.Id && c.RedactedAt == null
                    && !db.Asks.Any(a => a.TenantId == tenant.Id && a.ContactId == c.Id && a.Trigger == AskTrigger.Cadence && a.SourceKey == sourceKey))
                .OrderByDescending(c => c.BestCustomerScore).ThenBy(c => c.Id)
                .Select(c => c.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return planned;
            }

            foreach (var contactId in batch)
            {
                await _scheduler.ScheduleAsync(db, tenant, contactId, AskTrigger.Cadence, sourceKey, now, cancellationToken);
                planned++;
            }

            // Each candidate now has its ask, so the next query moves on; forgetting the batch keeps memory flat.
            db.ChangeTracker.Clear();
        }
    }
}
