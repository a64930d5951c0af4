using Microsoft.EntityFrameworkCore;
using Referrals.Core.Configuration;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>
/// The durable inbox: insert-if-new by delivery id, claim batches with a lease, record outcomes.
/// Safe for several processes sharing one database: a row is claimed by one worker at a time.
/// </summary>
public sealed class InboxStore
{
    private readonly ReferralsDbContextFactory _factory;
    private readonly TimeProvider _clock;
    private readonly JobOptions _jobs;

    /// <summary>Creates the store.</summary>
    public InboxStore(ReferralsDbContextFactory factory, TimeProvider clock, JobOptions jobs)
    {
        _factory = factory;
        _clock = clock;
        _jobs = jobs;
    }

    /// <summary>Stores <paramref name="message"/> unless a message with the same source and delivery id exists.</summary>
    /// <returns>True when stored; false for a repeated delivery (nothing changes).</returns>
    public async Task<bool> TryAddAsync(InboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = _factory.CreateDbContext();
        if (await db.Inbox.AnyAsync(m => m.Source == message.Source && m.DeliveryId == message.DeliveryId, cancellationToken))
        {
            return false;
        }

        db.Inbox.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two deliveries raced; the other one won and holds the same bytes.
            return false;
        }
    }

    /// <summary>
    /// Claims up to <see cref="JobOptions.BatchSize"/> due messages in arrival order for <see cref="JobOptions.LeaseSeconds"/>.
    /// </summary>
    /// <returns>The claimed messages, oldest first; empty when there is nothing to do.</returns>
    public async Task<IReadOnlyList<InboxMessage>> ClaimBatchAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var token = Guid.NewGuid();
        var until = now.AddSeconds(_jobs.LeaseSeconds);
        await using var db = _factory.CreateDbContext();
        var ids = await Due(db.Inbox, now).OrderBy(m => m.Id).Select(m => m.Id).Take(_jobs.BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        // The conditions are checked again in the UPDATE, so a row another worker claimed in between is skipped.
        await Due(db.Inbox.Where(m => ids.Contains(m.Id)), now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        return await db.Inbox.AsNoTracking().Where(m => m.ClaimToken == token).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Counts messages waiting (not processed, not dead-lettered).</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Inbox.CountAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null, cancellationToken);
    }

    /// <summary>Releases claims whose lease ran out (their worker died), so the next drain takes them.</summary>
    /// <returns>How many rows were released.</returns>
    public async Task<int> ReleaseExpiredClaimsAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        await using var db = _factory.CreateDbContext();
        return await db.Inbox
            .Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.ClaimedUntil != null && m.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private static IQueryable<InboxMessage> Due(IQueryable<InboxMessage> messages, DateTimeOffset now) =>
        messages.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));
}
