using Hangfire;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Jobs;

/// <summary>
/// Recovers work a crash left behind: releases inbox and outbox claims whose lease ran out and enqueues a drain when
/// anything waits. Because the database holds the truth, losing Hangfire's in-memory state loses nothing. On SQLite it
/// also refreshes the planner's statistics (<c>PRAGMA optimize</c>, which only re-analyzes tables that grew or shrank a
/// lot), so the engine's lookups keep using their narrow indexes as the tables grow.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SweeperJob
{
    private readonly MessageQueue<InboxMessage> _inbox;
    private readonly MessageQueue<OutboxMessage> _outbox;
    private readonly IBackgroundJobClient _jobs;
    private readonly ReferralsDbContextFactory _databases;

    /// <summary>Creates the job.</summary>
    public SweeperJob(MessageQueue<InboxMessage> inbox, MessageQueue<OutboxMessage> outbox, IBackgroundJobClient jobs, ReferralsDbContextFactory databases)
    {
        _inbox = inbox;
        _outbox = outbox;
        _jobs = jobs;
        _databases = databases;
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

        if (_databases.Storage.Provider == StorageProvider.Sqlite)
        {
            await using var db = _databases.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }

        return result;
    }
}
