using Microsoft.EntityFrameworkCore.Storage;
using Referrals.Core.Persistence;

namespace Referrals.Core.Engine;

/// <summary>Runs engine work in the caller's transaction when there is one, or in its own.</summary>
internal static class Transactions
{
    /// <summary>A new transaction, or null when <paramref name="db"/> is already in one (the caller commits).</summary>
    public static async Task<IDbContextTransaction?> BeginUnlessInOneAsync(ReferralsDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
}
