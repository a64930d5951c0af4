using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

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

        var entry = await db.Ledger.FindAsync([entryId], cancellationToken)
            ?? throw new PermanentMessageException($"Ledger entry {entryId} does not exist.");
        if (await db.Tenants.FindAsync([entry.TenantId], cancellationToken) is not { State: TenantState.Active })
        {
            // Kept in the dead-letter queue, not dropped: an operator can requeue it if the shop is reinstalled.
            throw new PermanentMessageException($"The tenant of ledger entry {entryId} is uninstalled; nothing was sent.");
        }

        return entry;
    }
}
