using Microsoft.EntityFrameworkCore;
using Referrals.Core.Configuration;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>
/// Claiming, releasing and failing queued rows (inbox or outbox). A claim sets a unique token and a lease in one
/// conditional UPDATE, so two workers, even in two processes sharing one database, never hold the same row; a worker
/// that dies simply lets its lease run out.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class MessageQueue<T>
    where T : class, IQueuedMessage
{
    private readonly ReferralsDbContextFactory _factory;
    private readonly TimeProvider _clock;
    private readonly JobOptions _jobs;
    private readonly RetrySchedule _retry;

    /// <summary>Creates the queue.</summary>
    public MessageQueue(ReferralsDbContextFactory factory, TimeProvider clock, JobOptions jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _factory = factory;
        _clock = clock;
        _jobs = jobs;
        _retry = new RetrySchedule { MaxAttempts = jobs.MaxAttempts };
    }

    /// <summary>Claims up to <see cref="JobOptions.BatchSize"/> due rows for <see cref="JobOptions.LeaseSeconds"/>, the longest due first (arrival order among rows due at once).</summary>
    /// <returns>The claimed rows, untracked; empty when there is nothing to do.</returns>
    public async Task<IReadOnlyList<T>> ClaimBatchAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var token = Guid.NewGuid();
        var until = now.AddSeconds(_jobs.LeaseSeconds);
        await using var db = _factory.CreateDbContext();
        var rows = db.Set<T>();
        var ids = await DueIds(rows, now, _jobs.BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        // The due conditions are checked again inside the UPDATE: a row another worker claimed meanwhile is skipped.
        await Due(rows.Where(m => ids.Contains(m.Id)), now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        // By id first: ClaimToken has no index, and a scan of a long queue per batch is what this avoids.
        return await rows.AsNoTracking().Where(m => ids.Contains(m.Id) && m.ClaimToken == token).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Releases claims whose lease ran out (their worker died), so the next pass takes them.</summary>
    /// <returns>How many rows were released.</returns>
    public async Task<int> ReleaseExpiredClaimsAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var db = _factory.CreateDbContext();
        return await Live(db.Set<T>())
            .Where(m => m.ClaimedUntil != null && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Counts rows not yet processed nor dead-lettered.</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _factory.CreateDbContext();
        return await Live(db.Set<T>()).CountAsync(cancellationToken);
    }

    /// <summary>Counts dead-lettered rows.</summary>
    public async Task<int> CountDeadLetteredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Set<T>().CountAsync(m => m.DeadLetteredAt != null, cancellationToken);
    }

    /// <summary>
    /// Puts a dead-lettered row back in the queue, due now with its attempts reset, so the next drain tries it again
    /// (after someone fixed the cause). The last error is kept until the next attempt replaces or clears it. One
    /// conditional UPDATE: two people pressing "retry" at once requeue it once.
    /// </summary>
    /// <param name="id">The row's id.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>True when the row was dead-lettered and is queued again; false when no dead-lettered row has that id.</returns>
    public async Task<bool> RequeueDeadLetterAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var db = _factory.CreateDbContext();
        var changed = await db.Set<T>()
            .Where(m => m.Id == id && m.DeadLetteredAt != null && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeadLetteredAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        return changed == 1;
    }

    /// <summary>
    /// Extends the lease of a row this worker still holds, so a long batch keeps the rows it has not reached yet.
    /// </summary>
    /// <returns>False when the claim was lost (its lease ran out and another worker took the row, or it was finished).</returns>
    public async Task<bool> RenewClaimAsync(T claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var until = _clock.GetUtcNow().AddSeconds(_jobs.LeaseSeconds);
        await using var db = _factory.CreateDbContext();
        var changed = await Live(db.Set<T>())
            .Where(m => m.Id == claimed.Id && m.ClaimToken == claimed.ClaimToken)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        return changed == 1;
    }

    /// <summary>
    /// Extends the leases of the rows of <paramref name="claimed"/> this worker still holds, one statement per claim, on
    /// <paramref name="db"/>: inside the transaction of a group handled together, as its first statement, so the renewal
    /// costs no commit of its own (on PostgreSQL its row locks also make a competing claim wait for the group's commit,
    /// after which the rows are no longer due). Rows already lost are left alone, and the group does not handle them.
    /// </summary>
    /// <returns>How many rows were renewed.</returns>
    public async Task<int> RenewClaimsAsync(ReferralsDbContext db, IReadOnlyCollection<T> claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claimed);
        var until = _clock.GetUtcNow().AddSeconds(_jobs.LeaseSeconds);
        return await UpdateHeldAsync(db, claimed, rows => rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken));
    }

    /// <summary>
    /// Marks a claimed row handled, only if this worker still holds its claim: one conditional UPDATE inside the
    /// caller's transaction on <paramref name="db"/>, so the handler's changes commit with it or not at all. On
    /// PostgreSQL the UPDATE also locks the row until the commit, so no one claims it in between.
    /// </summary>
    /// <param name="db">The context whose open transaction carries the handler's changes.</param>
    /// <param name="claimed">The row as claimed (its claim token).</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>False when the claim was lost: the caller must roll back, another worker now holds the row.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction.</exception>
    public async Task<bool> CompleteAsync(ReferralsDbContext db, T claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claimed);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Completing a queued row needs the handler's transaction, so both commit together.");
        }

        var now = _clock.GetUtcNow();
        var changed = await MarkProcessedAsync(Live(db.Set<T>()).Where(m => m.Id == claimed.Id && m.ClaimToken == claimed.ClaimToken), now, cancellationToken);
        return changed == 1;
    }

    /// <summary>
    /// Marks the rows of <paramref name="claimed"/> handled, only those this worker still holds: one conditional UPDATE
    /// per claim inside the caller's transaction on <paramref name="db"/>, as <see cref="CompleteAsync"/> does for one row.
    /// A drain group renews its rows' leases first in the same transaction (<see cref="RenewClaimsAsync"/>), which keeps
    /// them from other workers until its commit, so completing them all at its end loses nothing.
    /// </summary>
    /// <returns>How many rows were marked; fewer than <paramref name="claimed"/> holds means claims were lost.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction.</exception>
    public async Task<int> CompleteAllAsync(ReferralsDbContext db, IReadOnlyCollection<T> claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claimed);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Completing queued rows needs the handlers' transaction, so all commit together.");
        }

        var now = _clock.GetUtcNow();
        return await UpdateHeldAsync(db, claimed, rows => MarkProcessedAsync(rows, now, cancellationToken));
    }

    // Runs update on the rows of claimed still held with their claim, one statement per claim token; the rows it changed.
    private async Task<int> UpdateHeldAsync(ReferralsDbContext db, IReadOnlyCollection<T> claimed, Func<IQueryable<T>, Task<int>> update)
    {
        var changed = 0;
        foreach (var token in claimed.Select(m => m.ClaimToken).Distinct())
        {
            var ids = claimed.Where(m => m.ClaimToken == token).Select(m => m.Id).ToList();
            changed += await update(Live(db.Set<T>()).Where(m => ids.Contains(m.Id) && m.ClaimToken == token));
        }

        return changed;
    }

    // Processed, and no longer claimed or failing.
    private static Task<int> MarkProcessedAsync(IQueryable<T> rows, DateTimeOffset now, CancellationToken cancellationToken) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ProcessedAt, now)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken);

    /// <summary>
    /// Records a failed attempt in its own short transaction: retried later with back-off, or dead-lettered with the
    /// error kept when the error is permanent or the attempts are used up. A row whose claim was lost is left alone.
    /// </summary>
    /// <returns>Whether the row was dead-lettered.</returns>
    public async Task<bool> RecordFailureAsync(T claimed, Exception error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(error);
        await using var db = _factory.CreateDbContext();
        var row = await db.Set<T>().SingleOrDefaultAsync(m => m.Id == claimed.Id && m.ClaimToken == claimed.ClaimToken, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var outcome = FailureOutcome.Decide(_retry, row.Attempts, error, _clock.GetUtcNow(), row.Id);
        row.Attempts = outcome.Attempts;
        row.LastError = outcome.Error;
        row.NextAttemptAt = outcome.NextAttemptAt;
        row.DeadLetteredAt = outcome.DeadLettered ? outcome.NextAttemptAt : null;
        row.ClaimToken = null;
        row.ClaimedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return outcome.DeadLettered;
    }

    /// <summary>Loads the tracked row for a claim, or null when the claim was lost (its lease ran out and another worker took it).</summary>
    public static Task<T?> FindClaimedAsync(ReferralsDbContext db, T claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claimed);
        return db.Set<T>().SingleOrDefaultAsync(m => m.Id == claimed.Id && m.ClaimToken == claimed.ClaimToken, cancellationToken);
    }

    /// <summary>
    /// The ids of the <paramref name="take"/> rows due longest at <paramref name="now"/>: the claim's read, which walks
    /// the pending-rows index in its order (<c>PendingQueueIndex</c>) and stops after <paramref name="take"/>. By due
    /// time and not by id alone: the primary key also gives id order, and PostgreSQL, which cannot know that the pending
    /// rows are the newest, would walk it through every processed row.
    /// </summary>
    internal static IQueryable<long> DueIds(IQueryable<T> rows, DateTimeOffset now, int take) =>
        Due(rows, now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(take);

    private static IQueryable<T> Live(IQueryable<T> rows) => rows.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null);

    private static IQueryable<T> Due(IQueryable<T> rows, DateTimeOffset now) =>
        Live(rows).Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));
}
