using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Referrals.Core.Analytics;
using Referrals.Core.Asks;
using Referrals.Core.Orders;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;

namespace Referrals.Core.Persistence;

/// <summary>
/// Reads what a pending save changes in the counted columns, from the change tracker's original and current values,
/// into a <see cref="RollupDelta"/>. An order's referral part depends on its referral's state, so a referral that
/// starts or stops standing also moves its unchanged orders (read from the database), and a changed order looks up its
/// referral's state before and after the save.
/// </summary>
internal static class AnalyticsRollupTracker
{
    public static bool Touches(ReferralsDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return Changed(db).Any(e => e.Entity is Ask or Referral or Order or LedgerEntry);
    }

    public static async Task<RollupDelta> CollectAsync(ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var delta = new RollupDelta();
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTrackerEntries.DetectChangesOfStored(db.ChangeTracker);
        }

        var orders = new List<EntityEntry>();
        // Referral id → (stood before the save, stands after it), for the referrals this save writes.
        var standing = new Dictionary<Guid, (bool Before, bool After, bool InDatabase)>();
        foreach (var entry in Changed(db))
        {
            switch (entry.Entity)
            {
                case Ask:
                    Each(entry, (v, sign) => delta.Ask(v.GetValue<Guid>(nameof(Ask.TenantId)), v.GetValue<AskTrigger>(nameof(Ask.Trigger)),
                        v.GetValue<DateTimeOffset>(nameof(Ask.CreatedAt)), v.GetValue<DateTimeOffset?>(nameof(Ask.SentAt)),
                        v.GetValue<DateTimeOffset?>(nameof(Ask.AnsweredAt)), v.GetValue<int?>(nameof(Ask.Score)), sign));
                    break;
                case Referral:
                    Each(entry, (v, sign) => delta.Referral(v.GetValue<Guid>(nameof(Referral.TenantId)), v.GetValue<ReferralState>(nameof(Referral.State)),
                        v.GetValue<DateTimeOffset>(nameof(Referral.CreatedAt)), v.GetValue<DateTimeOffset?>(nameof(Referral.VisitedAt)),
                        v.GetValue<DateTimeOffset?>(nameof(Referral.ConvertedAt)), sign));
                    standing[(Guid)entry.Property(nameof(Referral.Id)).CurrentValue!] = (
                        entry.State != EntityState.Added && RollupDelta.Stands(entry.OriginalValues.GetValue<ReferralState>(nameof(Referral.State))),
                        entry.State != EntityState.Deleted && RollupDelta.Stands(entry.CurrentValues.GetValue<ReferralState>(nameof(Referral.State))),
                        entry.State != EntityState.Added);
                    break;
                case LedgerEntry:
                    Each(entry, (v, sign) => delta.LedgerEntry(v.GetValue<Guid>(nameof(LedgerEntry.TenantId)), v.GetValue<DateTimeOffset>(nameof(LedgerEntry.CreatedAt)),
                        v.GetValue<string>(nameof(LedgerEntry.Currency)), v.GetValue<LedgerEntryType>(nameof(LedgerEntry.Type)),
                        v.GetValue<LedgerEntryState>(nameof(LedgerEntry.State)), v.GetValue<decimal>(nameof(LedgerEntry.Amount)), sign));
                    break;
                case Order:
                    orders.Add(entry);
                    break;
            }
        }

        if (orders.Count == 0 && !standing.Values.Any(s => s.Before != s.After && s.InDatabase))
        {
            return delta;
        }

        // The stored state of every other referral the changed orders point at: it is the same before and after.
        var unknown = orders.SelectMany(o => new[] { ReferralOf(o, before: true), ReferralOf(o, before: false) })
            .OfType<Guid>().Where(id => !standing.ContainsKey(id)).Distinct().ToList();
        var stored = unknown.Count == 0 ? [] : await db.Referrals.AsNoTracking().Where(r => unknown.Contains(r.Id))
            .Select(r => new { r.Id, r.State }).ToDictionaryAsync(r => r.Id, r => RollupDelta.Stands(r.State), cancellationToken);
        bool Stands(Guid? id, bool before) => id is { } r && (standing.TryGetValue(r, out var s) ? (before ? s.Before : s.After) : stored.GetValueOrDefault(r));

        var changedOrders = new HashSet<Guid>();
        foreach (var entry in orders)
        {
            changedOrders.Add((Guid)entry.Property(nameof(Order.Id)).CurrentValue!);
            Each(entry, (v, sign) => delta.Order(v.GetValue<Guid>(nameof(Order.TenantId)), v.GetValue<DateTimeOffset?>(nameof(Order.PaidAt)),
                v.GetValue<DateTimeOffset?>(nameof(Order.CancelledAt)), v.GetValue<string>(nameof(Order.Currency)), v.GetValue<decimal>(nameof(Order.Total)),
                v.GetValue<decimal>(nameof(Order.RefundedAmount)), Stands(v.GetValue<Guid?>(nameof(Order.ReferralId)), before: sign < 0), sign));
        }

        await MoveUnchangedOrdersAsync(db, delta, standing, changedOrders, cancellationToken);
        return delta;
    }

    // Orders this save does not write, whose referral starts or stops standing: their referral part moves.
    private static async Task MoveUnchangedOrdersAsync(ReferralsDbContext db, RollupDelta delta,
        Dictionary<Guid, (bool Before, bool After, bool InDatabase)> standing, HashSet<Guid> changedOrders, CancellationToken cancellationToken)
    {
        var flipped = standing.Where(s => s.Value.InDatabase && s.Value.Before != s.Value.After).Select(s => (Guid?)s.Key).ToList();
        if (flipped.Count == 0)
        {
            return;
        }

        var tenants = db.ChangeTracker.Entries<Referral>().Where(e => flipped.Contains(e.Entity.Id)).Select(e => e.Entity.TenantId).Distinct().ToList();
        var rows = await OrdersOf(db, tenants, flipped).AsNoTracking()
            .Select(o => new { o.Id, o.TenantId, o.PaidAt, o.CancelledAt, o.Currency, o.Total, o.RefundedAmount, o.ReferralId })
            .ToListAsync(cancellationToken);
        foreach (var o in rows.Where(o => o.PaidAt != null && o.CancelledAt == null && !changedOrders.Contains(o.Id)))
        {
            var (before, after, _) = standing[o.ReferralId!.Value];
            delta.Order(o.TenantId, o.PaidAt, null, o.Currency, o.Total, o.RefundedAmount, before, -1);
            delta.Order(o.TenantId, o.PaidAt, null, o.Currency, o.Total, o.RefundedAmount, after, +1);
        }
    }

    /// <summary>
    /// The orders of <paramref name="referralIds"/>, read through the referred orders' index. Whether each is paid and
    /// not cancelled is left to the caller: with those conditions in the statement SQLite walked the tenant's paid orders
    /// through the revenue index instead (every paid order the tenant ever had, for a referral's few).
    /// </summary>
    internal static IQueryable<Order> OrdersOf(ReferralsDbContext db, IReadOnlyCollection<Guid> tenantIds, IReadOnlyCollection<Guid?> referralIds) =>
        db.Orders.Where(o => tenantIds.Contains(o.TenantId) && referralIds.Contains(o.ReferralId));

    // Both callers have just detected changes.
    private static IEnumerable<EntityEntry> Changed(ReferralsDbContext db) =>
        ChangeTrackerEntries.AsDetected(db.ChangeTracker).Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private static Guid? ReferralOf(EntityEntry order, bool before) => before
        ? (order.State == EntityState.Added ? null : order.OriginalValues.GetValue<Guid?>(nameof(Order.ReferralId)))
        : (order.State == EntityState.Deleted ? null : order.CurrentValues.GetValue<Guid?>(nameof(Order.ReferralId)));

    // Subtracts the row as it was stored and adds it as it will be.
    private static void Each(EntityEntry entry, Action<PropertyValues, int> add)
    {
        if (entry.State is EntityState.Modified or EntityState.Deleted)
        {
            add(entry.OriginalValues, -1);
        }

        if (entry.State is EntityState.Modified or EntityState.Added)
        {
            add(entry.CurrentValues, +1);
        }
    }
}
