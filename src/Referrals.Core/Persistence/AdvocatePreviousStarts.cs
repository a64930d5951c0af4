using Microsoft.EntityFrameworkCore;
using Referrals.Core.Referrals;

namespace Referrals.Core.Persistence;

/// <summary>
/// Sets <see cref="Referral.AdvocatePreviousStartedAt"/> on the referrals a save adds: the start of the same advocate's
/// latest earlier referral, stored or added in the same save. Runs inside the save's transaction, before the rows are
/// written. Two transactions adding referrals of one advocate at once must not both read the same "latest", so on
/// PostgreSQL and SQL Server the advocate is locked for the transaction first (SQLite has one writer at a time).
/// </summary>
internal static class AdvocatePreviousStarts
{
    // An application-chosen namespace for PostgreSQL's two-key advisory locks ("RFPS"), apart from other users' keys.
    private const int AdvisoryLockClass = 0x52465053;

    /// <summary>The referrals the save adds, as the last <c>DetectChanges</c> found them.</summary>
    public static List<Referral> Added(ReferralsDbContext db) =>
        [.. ChangeTrackerEntries.AsDetected<Referral>(db.ChangeTracker).Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>
    /// Sets the previous starts of <paramref name="added"/>. Returns whether stored referrals were changed too (re-chained),
    /// which a <c>DetectChanges</c> must then find; the added ones' values an insert reads as they are.
    /// </summary>
    public static async Task<bool> AssignAsync(ReferralsDbContext db, List<Referral> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return false;
        }

        var groups = added.GroupBy(r => (r.TenantId, r.AdvocateContactId)).OrderBy(g => g.Key.AdvocateContactId).ThenBy(g => g.Key.TenantId).ToList();
        await LockAsync(db, groups.Select(g => g.Key.AdvocateContactId), cancellationToken);

        var latest = await LatestStartsAsync(db, groups.Select(g => g.Key).ToList(), cancellationToken);

        var rechained = false;
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
            var stored = latest.GetValueOrDefault(group.Key);
            if (stored is { } last && last > ordered[0].CreatedAt)
            {
                // A stored referral started after an added one (clocks of two instances apart): re-chain from the
                // added ones' start on, so the stored successors point at the right predecessor too.
                await RechainAsync(db, group.Key.TenantId, group.Key.AdvocateContactId, ordered, cancellationToken);
                rechained = true;
                continue;
            }

            Chain(ordered, stored);
        }

        return rechained;
    }

    // The latest stored start of each advocate. A referred order adds one referral: its advocate's latest start is one
    // seek in the (tenant, advocate, start) index, by a compiled query. Several advocates at once are read together.
    private static async Task<Dictionary<(Guid TenantId, Guid AdvocateContactId), DateTimeOffset?>> LatestStartsAsync(ReferralsDbContext db,
        List<(Guid TenantId, Guid AdvocateContactId)> advocates, CancellationToken cancellationToken)
    {
        if (advocates is [var only])
        {
            return new() { [only] = await LatestStartQuery.For(db)(db, only.TenantId, only.AdvocateContactId, cancellationToken) };
        }

        var tenantIds = advocates.Select(a => a.TenantId).Distinct().ToList();
        var advocateIds = advocates.Select(a => a.AdvocateContactId).Distinct().ToList();
        return await db.Referrals.AsNoTracking()
            .Where(r => tenantIds.Contains(r.TenantId) && advocateIds.Contains(r.AdvocateContactId))
            .GroupBy(r => new { r.TenantId, r.AdvocateContactId })
            .Select(g => new { g.Key.TenantId, g.Key.AdvocateContactId, Latest = g.Max(r => r.CreatedAt) })
            .ToDictionaryAsync(x => (x.TenantId, x.AdvocateContactId), x => (DateTimeOffset?)x.Latest, cancellationToken);
    }

    private static readonly CompiledPerModel<Func<ReferralsDbContext, Guid, Guid, CancellationToken, Task<DateTimeOffset?>>> LatestStartQuery =
        new(() => EF.CompileAsyncQuery((ReferralsDbContext db, Guid tenantId, Guid advocateId, CancellationToken _) =>
            db.Referrals.Where(r => r.TenantId == tenantId && r.AdvocateContactId == advocateId).Max(r => (DateTimeOffset?)r.CreatedAt)));

    private static void Chain(IEnumerable<Referral> ordered, DateTimeOffset? previous)
    {
        foreach (var referral in ordered)
        {
            referral.AdvocatePreviousStartedAt = previous;
            previous = referral.CreatedAt;
        }
    }

    private static async Task RechainAsync(ReferralsDbContext db, Guid tenantId, Guid advocateId, List<Referral> added, CancellationToken cancellationToken)
    {
        var from = added[0].CreatedAt;
        var later = await db.Referrals
            .Where(r => r.TenantId == tenantId && r.AdvocateContactId == advocateId && r.CreatedAt >= from)
            .ToListAsync(cancellationToken);
        var before = await db.Referrals.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.AdvocateContactId == advocateId && r.CreatedAt < from)
            .MaxAsync(r => (DateTimeOffset?)r.CreatedAt, cancellationToken);
        Chain(later.Concat(added).DistinctBy(r => r.Id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id), before);
    }

    private static async Task LockAsync(ReferralsDbContext db, IEnumerable<Guid> advocateIds, CancellationToken cancellationToken)
    {
        // Sorted, so two saves locking the same advocates take them in the same order and cannot deadlock on them.
        var keys = advocateIds.Distinct().Order().ToList();
        switch (db.Provider)
        {
            case StorageProvider.PostgreSql:
                foreach (var key in keys)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {LockKey(key)})", cancellationToken);
                }

                break;
            case StorageProvider.SqlServer:
                foreach (var key in keys)
                {
                    var resource = "referrals-advocate-" + key.ToString("N");
                    await SqlServerAppLocks.AcquireAsync(db.Database, resource, SqlServerAppLockOwner.Transaction, cancellationToken);
                }

                break;
        }
    }

    // A 32-bit key per advocate; two advocates sharing one only wait for each other.
    private static int LockKey(Guid advocateId)
    {
        Span<byte> bytes = stackalloc byte[16];
        advocateId.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }
}
