using Hangfire;
using Referrals.Core.Configuration;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Applies review lapse policies, then approves rewards whose hold has passed and queues their payout.
/// Idempotent: an approved reward is not approved again, and its payout has one outbox key.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class MatureRewardsJob
{
    private readonly ReferralsDbContext _db;
    private readonly RewardLedger _ledger;
    private readonly ReviewQueue _review;
    private readonly JobOptions _jobs;

    /// <summary>Creates the job.</summary>
    public MatureRewardsJob(ReferralsDbContext db, RewardLedger ledger, ReviewQueue review, JobOptions jobs)
    {
        _db = db;
        _ledger = ledger;
        _review = review;
        _jobs = jobs;
    }

    /// <summary>Runs one pass; returns how many rewards were approved.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _review.ApplyLapsesAsync(_db, _jobs.BatchSize, cancellationToken);
        return await _ledger.MatureAsync(_db, _jobs.BatchSize, cancellationToken);
    }
}
