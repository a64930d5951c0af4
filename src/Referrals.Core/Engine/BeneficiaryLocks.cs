using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>
/// The lock on one beneficiary's claw-back debt. Maturation takes it before it reads the debt and holds it to the
/// commit of the offset it writes, so two rewards of different orders of the same person (their order locks do not
/// meet) never both pay off the same debt.
/// </summary>
/// <remarks>
/// A lock, not a database constraint on the offsets: an offset's amount depends on every other offset and uncollected
/// claw-back of the person, which no unique index can express, and the offset must be decided in the reward's own
/// transaction. The debt is a sum over many ledger rows, with no row of its own to lock, so it is an application lock
/// held to the end of the transaction: an advisory lock on PostgreSQL, <c>sp_getapplock</c> on SQL Server; SQLite's
/// transactions already hold the database's write lock from their BEGIN IMMEDIATE.
/// <para>
/// Lock order, everywhere: the order's row lock (<see cref="OrderLocks"/>) first, then this one, then ledger rows.
/// Only maturation takes it; writers that only add to the debt (an uncollected claw-back, a repayment returned by a
/// refunded reward) need not: a pass that does not see their addition yet offsets less, and the next reward takes the rest.
/// </para>
/// </remarks>
internal static class BeneficiaryLocks
{
    // An application-chosen namespace for PostgreSQL's two-key advisory locks ("RFDB"), apart from the advocates'
    // previous-start lock ("RFPS", AdvocatePreviousStarts) and other users' keys.
    private const int AdvisoryLockClass = 0x52464442;

    /// <summary>Locks <paramref name="beneficiaryKey"/>'s debt in <paramref name="tenantId"/> until the transaction ends.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no open transaction: the lock would end with the statement.</exception>
    public static async Task LockAsync(ReferralsDbContext db, Guid tenantId, string beneficiaryKey, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A beneficiary's debt lock is held to the commit of a transaction; begin one first.");
        }

        // Stable across processes (string.GetHashCode is not), so two instances agree on the key.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tenantId.ToString("N") + "/" + beneficiaryKey));
        switch (db.Provider)
        {
            case StorageProvider.PostgreSql:
                // A 32-bit key; two people sharing one only wait for each other.
                var key = BitConverter.ToInt32(hash, 0);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {key})", cancellationToken);
                break;
            case StorageProvider.SqlServer:
                var resource = "referrals-debt-" + Convert.ToHexString(hash);
                await SqlServerAppLocks.AcquireAsync(db.Database, resource, SqlServerAppLockOwner.Transaction, cancellationToken);
                break;
        }
    }
}
