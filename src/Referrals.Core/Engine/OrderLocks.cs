using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// The order's row lock: every change to an order's rewards takes it first, inside its transaction, and reads the
/// rewards' state only after it. Refunds and cancellations, maturation, payouts and review decisions of one order
/// then apply one at a time, so none of them saves a state read before another one's commit (a lost update).
/// </summary>
/// <remarks>
/// A no-op UPDATE: on PostgreSQL (read committed) and SQL Server it holds the row until the commit, and another
/// transaction asking for it waits; on SQLite the transaction already holds the database's write lock from its
/// BEGIN IMMEDIATE. Taken before any other lock and any ledger row, always, so two of these transactions never wait for
/// each other in a circle: the order first, then a beneficiary's debt (<see cref="BeneficiaryLocks"/>), then ledger
/// rows. An order with no row (not stored) locks nothing.
/// </remarks>
internal static class OrderLocks
{
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction: the lock would end with the statement.</exception>
    public static async Task LockAsync(ReferralsDbContext db, Guid tenantId, string orderId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An order's lock is held to the commit of a transaction; begin one first.");
        }

        await db.Orders.Where(o => o.TenantId == tenantId && o.ExternalId == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, o => o.RefundedAmount), cancellationToken);
    }
}
