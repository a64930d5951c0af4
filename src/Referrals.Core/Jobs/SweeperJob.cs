using Hangfire;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Recovers work a crash left behind: releases inbox and outbox claims whose lease ran out and enqueues a drain when
/// anything waits. Because the database holds the truth, losing Hangfire's in-memory state loses nothing.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SweeperJob
{
    private readonly MessageQueue<InboxMessage> _inbox;
    private readonly MessageQueue<OutboxMessage> _outbox;
    private readonly IBackgroundJobClient _jobs;

    /// <summary>Creates the job.</summary>
    public SweeperJob(MessageQueue<InboxMessage> inbox, MessageQueue<OutboxMessage> outbox, IBackgroundJobClient jobs)
    {
        _inbox = inbox;
        _outbox = outbox;
        _jobs = jobs;
    }

    /// <summary>Runs one sweep and returns what it found.</summary>
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = new SweepResult(
            await _inbox.ReleaseExpiredClaimsAsync(cancellationToken),
            await _outbox.ReleaseExpiredClaimsAsync(cancellationToken),
            await _inbox.CountPendingAsync(cancellationToken),
            await _outbox.CountPendingAsync(cancellationToken));
        if (result.InboxPending > 0)
        {
            _jobs.Enqueue<DrainInboxJob>(job => job.RunAsync(CancellationToken.None));
        }

        if (result.OutboxPending > 0)
        {
            _jobs.Enqueue<ProcessOutboxJob>(job => job.RunAsync(CancellationToken.None));
        }

        return result;
    }
}
