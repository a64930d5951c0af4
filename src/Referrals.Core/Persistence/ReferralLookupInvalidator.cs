using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Referrals.Core.Engine;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;

namespace Referrals.Core.Persistence;

/// <summary>
/// Keeps <see cref="ReferralLookupCache"/> honest: every saved change to a code or a tenant, and every bulk
/// <c>UPDATE</c>/<c>DELETE</c> of their tables (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>), drops the affected entries once the
/// statement has run and again when the surrounding transaction commits, so no reader can keep a row it read before the
/// commit.
/// </summary>
internal sealed class ReferralLookupInvalidator : SaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ReferralLookupCache _cache;
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public ReferralLookupInvalidator(ReferralLookupCache cache)
    {
        _cache = cache;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Apply(eventData.Context, committed: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Bulk(command, eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bulk(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Apply(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Apply(eventData.Context, committed: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    // Reads only the two entity types, without a DetectChanges pass of its own (SaveChanges runs one right after this):
    // a code or tenant counts as changed when its state or one of the properties the lookups read differs.
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Pending? pending = null;
        foreach (var entry in ChangeTrackerEntries.AsDetected<ReferralCode>(context.ChangeTracker))
        {
            if (Changed(entry, nameof(ReferralCode.IsActive), nameof(ReferralCode.LookupKey), nameof(ReferralCode.TenantId)))
            {
                pending ??= _pending.GetOrCreateValue(context);
                pending.Add((entry.Entity.TenantId, entry.Entity.LookupKey));
                if (entry.State != EntityState.Added)
                {
                    pending.Add(((Guid)entry.Property(nameof(ReferralCode.TenantId)).OriginalValue!, (string)entry.Property(nameof(ReferralCode.LookupKey)).OriginalValue!));
                }
            }
        }

        foreach (var entry in ChangeTrackerEntries.AsDetected<Tenant>(context.ChangeTracker))
        {
            if (Changed(entry, nameof(Tenant.State), nameof(Tenant.Key), nameof(Tenant.Key)))
            {
                pending ??= _pending.GetOrCreateValue(context);
                pending.Add(entry.Entity.Key);
                if (entry.State != EntityState.Added)
                {
                    pending.Add((string)entry.Property(nameof(Tenant.Key)).OriginalValue!);
                }
            }
        }
    }

    private static bool Changed(EntityEntry entry, string first, string second, string third) =>
        entry.State switch
        {
            EntityState.Added or EntityState.Deleted => true,
            EntityState.Modified or EntityState.Unchanged => Differs(entry, first) || Differs(entry, second) || Differs(entry, third),
            _ => false,
        };

    private static bool Differs(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return !Equals(value.OriginalValue, value.CurrentValue);
    }

    // Bulk statements name no rows: everything of that kind goes. Inserts cannot make a cached "active" answer wrong
    // except for a cached absence, which SaveChanges' own entries cover.
    private void Bulk(DbCommand command, DbContext? context)
    {
        var text = command.CommandText;
        if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var codes = Names(text, "ReferralCodes");
        var tenants = Names(text, "Tenants");
        if (!codes && !tenants)
        {
            return;
        }

        var pending = context is null ? new Pending() : _pending.GetOrCreateValue(context);
        pending.AllCodes |= codes;
        pending.AllTenants |= tenants;
        Apply(context, pending, committed: context?.Database.CurrentTransaction is null);
    }

    private static bool Names(string sql, string table) =>
        sql.Contains('"' + table + '"', StringComparison.Ordinal) || sql.Contains('[' + table + ']', StringComparison.Ordinal);

    private void Apply(DbContext? context, bool committed)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            Apply(context, pending, committed);
        }
    }

    // Applied now (the statement has run) and, inside a transaction, once more at its end.
    private void Apply(DbContext? context, Pending pending, bool committed)
    {
        lock (pending)
        {
            if (pending.AllCodes)
            {
                _cache.InvalidateAllCodes();
            }

            if (pending.AllTenants)
            {
                _cache.InvalidateAllTenants();
            }

            foreach (var (tenantId, key) in pending.Codes)
            {
                _cache.InvalidateCode(tenantId, key);
            }

            foreach (var key in pending.Tenants)
            {
                _cache.InvalidateTenant(key);
            }

            if (committed)
            {
                pending.Clear();
                if (context is not null)
                {
                    _pending.Remove(context);
                }
            }
        }
    }

    private sealed class Pending
    {
        public HashSet<(Guid TenantId, string Key)> Codes { get; } = [];

        public HashSet<string> Tenants { get; } = new(StringComparer.Ordinal);

        public bool AllCodes { get; set; }

        public bool AllTenants { get; set; }

        public void Add((Guid TenantId, string Key) code)
        {
            lock (this)
            {
                Codes.Add(code);
            }
        }

        public void Add(string tenantKey)
        {
            lock (this)
            {
                Tenants.Add(tenantKey);
            }
        }

        public void Clear()
        {
            Codes.Clear();
            Tenants.Clear();
            AllCodes = AllTenants = false;
        }
    }
}
