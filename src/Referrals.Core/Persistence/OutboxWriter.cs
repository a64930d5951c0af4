using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>Adds effects to the outbox inside the transaction of the change that needs them.</summary>
public static class OutboxWriter
{
    /// <summary>
    /// Adds <paramref name="message"/> to <paramref name="db"/> unless one with its idempotency key exists. The caller
    /// saves; if a concurrent writer adds the same key first, that save fails on the unique key and the work is retried.
    /// </summary>
    /// <returns>True when added.</returns>
    public static async Task<bool> EnqueueAsync(ReferralsDbContext db, OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (db.Outbox.Local.Any(m => m.IdempotencyKey == message.IdempotencyKey)
            || await db.Outbox.AnyAsync(m => m.IdempotencyKey == message.IdempotencyKey, cancellationToken))
        {
            return false;
        }

        db.Outbox.Add(message);
        return true;
    }
}
