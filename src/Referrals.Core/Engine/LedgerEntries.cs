using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>Finds the ledger entry an outbox message is about.</summary>
internal static class LedgerEntries
{
    public static async Task<LedgerEntry> FindAsync(ReferralsDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(message.Payload, "N", out var entryId))
        {
            throw new PermanentMessageException($"Outbox message {message.Id} does not name a ledger entry.");
        }

        return await db.Ledger.FindAsync([entryId], cancellationToken)
            ?? throw new PermanentMessageException($"Ledger entry {entryId} does not exist.");
    }
}
