using Referrals.Core.Asks;
using Referrals.Core.Persistence;

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
    public Task<int> PlanAsync(ReferralsDbContext db, int batchSize, CancellationToken cancellationToken) =>
        PeriodicAskPlanner.PlanAsync(
            db, _scheduler, _clock, AskTrigger.Cadence,
            (tenant, now) => tenant.Settings.Timeline.Cadence.Enabled ? CadencePeriod.For(now, tenant.Settings.Timeline.CadenceIntervalDays).SourceKey : null,
            (contacts, _) => contacts.OrderByDescending(c => c.BestCustomerScore).ThenBy(c => c.Id),
            batchSize,
            cancellationToken);
}
