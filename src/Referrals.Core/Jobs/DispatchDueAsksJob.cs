using Hangfire;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Sends asks that are due, one batch per run (see <see cref="AskDispatcher"/>). May run more than once and on several
/// servers; each ask's e-mail has one outbox key, so nothing is sent twice.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class DispatchDueAsksJob
{
    private readonly ReferralsDbContext _db;
    private readonly AskDispatcher _dispatcher;
    private readonly JobOptions _jobs;

    /// <summary>Creates the job.</summary>
    public DispatchDueAsksJob(ReferralsDbContext db, AskDispatcher dispatcher, JobOptions jobs)
    {
        _db = db;
        _dispatcher = dispatcher;
        _jobs = jobs;
    }

    /// <summary>Runs one pass; returns how many asks were sent.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => _dispatcher.DispatchDueAsync(_db, _jobs.BatchSize, cancellationToken);
}
