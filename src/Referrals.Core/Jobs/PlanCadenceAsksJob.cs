using Hangfire;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Plans the cadence asks of the current period (see <see cref="CadenceAsks"/>). Runs hourly so a new period, a new
/// contact or a tenant that turned the cadence on is picked up the same hour; a run with nothing to do costs one query
/// per tenant. May run more than once and on several servers: each contact has one cadence ask per period by key.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class PlanCadenceAsksJob
{
    private readonly ReferralsDbContext _db;
    private readonly CadenceAsks _cadence;
    private readonly JobOptions _jobs;

    /// <summary>Creates the job.</summary>
    public PlanCadenceAsksJob(ReferralsDbContext db, CadenceAsks cadence, JobOptions jobs)
    {
        _db = db;
        _cadence = cadence;
        _jobs = jobs;
    }

    /// <summary>Runs one pass; returns how many asks were planned.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => _cadence.PlanAsync(_db, _jobs.BatchSize, cancellationToken);
}
