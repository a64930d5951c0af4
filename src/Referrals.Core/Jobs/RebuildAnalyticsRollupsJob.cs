using Hangfire;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Recomputes the analytics rollups from the raw tables (<see cref="AnalyticsRollups.RebuildAsync"/>): after a bulk
/// import, or as a repair. Enqueued on demand, not recurring. Idempotent: running it twice gives the same rows.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class RebuildAnalyticsRollupsJob
{
    private readonly ReferralsDbContext _db;
    private readonly AnalyticsRollups _rollups;

    /// <summary>Creates the job.</summary>
    public RebuildAnalyticsRollupsJob(ReferralsDbContext db, AnalyticsRollups rollups)
    {
        _db = db;
        _rollups = rollups;
    }

    /// <summary>Rebuilds one tenant's rollups, or every tenant's when <paramref name="tenantId"/> is null; returns the rows written.</summary>
    public async Task<int> RunAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        var tenants = tenantId is { } id ? [id] : await _db.Tenants.Select(t => t.Id).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var tenant in tenants)
        {
            written += await _rollups.RebuildAsync(_db, tenant, cancellationToken);
        }

        return written;
    }
}
