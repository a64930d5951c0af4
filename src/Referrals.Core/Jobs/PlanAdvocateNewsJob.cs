using Hangfire;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Plans the advocate news of the current period (see <see cref="AdvocateNews"/>). Runs hourly so a new period, a new
/// contact or a tenant that turned the news on is picked up the same hour; a run with nothing to do costs one query
/// per tenant. May run more than once and on several servers: each contact has one news per period by key.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class PlanAdvocateNewsJob
{
    private readonly ReferralsDbContext _db;
    private readonly AdvocateNews _news;
    private readonly JobOptions _jobs;

    /// <summary>Creates the job.</summary>
    public PlanAdvocateNewsJob(ReferralsDbContext db, AdvocateNews news, JobOptions jobs)
    {
        _db = db;
        _news = news;
        _jobs = jobs;
    }

    /// <summary>Runs one pass; returns how many news were planned.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => _news.PlanAsync(_db, _jobs.BatchSize, cancellationToken);
}
