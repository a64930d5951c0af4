using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Codes;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// The two lookups every referral-link visit makes, kept in memory: the active tenant of a key (a shop or site) and the
/// active code of a typed key. Writes made through this process's <see cref="ReferralsDbContextFactory"/> invalidate the
/// affected entries when they are saved and again when their transaction commits (<see cref="ReferralLookupInvalidator"/>),
/// so a revoked code or an uninstalled tenant stops working here at once; writes made by other processes are seen
/// within <see cref="TimeToLive"/>. Absence is cached too, so a flood of unknown codes does not reach the database.
/// Thread-safe.
/// </summary>
public sealed class ReferralLookupCache
{
    /// <summary>How long an entry is trusted without a write seen in this process: the bound on staleness across processes.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);

    /// <summary>Entries kept per kind before the whole kind is dropped (the bound on memory under a flood of unknown keys).</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry<Guid?>> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Guid TenantId, string Key), Entry<LandingCode?>> _codes = new();
    private readonly TimeProvider _clock;
    private long _version;

    /// <summary>Creates an empty cache.</summary>
    public ReferralLookupCache(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>The id of the <see cref="TenantState.Active"/> tenant whose key is exactly <paramref name="key"/>; null when none.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async ValueTask<Guid?> FindActiveTenantAsync(ReferralsDbContextFactory databases, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(key);
        var now = _clock.GetTimestamp();
        if (_tenants.TryGetValue(key, out var cached) && Fresh(cached, now))
        {
            return cached.Value;
        }

        var version = Volatile.Read(ref _version);
        await using var db = databases.CreateDbContext();
        var id = await db.Tenants.AsNoTracking().Where(t => t.Key == key && t.State == TenantState.Active)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        Store(_tenants, key, new Entry<Guid?>(id, now), version);
        return id;
    }

    /// <summary>
    /// The active code of <paramref name="tenantId"/> matching what a visitor typed or a link carried, in any case or spelling
    /// variant (<see cref="ReferralCodeKey"/>); null when none. Same answer as <see cref="AdvocateCodes.FindAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="databases"/> is null.</exception>
    public async ValueTask<LandingCode?> FindCodeAsync(ReferralsDbContextFactory databases, Guid tenantId, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databases);
        if (!ReferralCodeKey.TryCreate(typed, out var key))
        {
            return null;
        }

        var now = _clock.GetTimestamp();
        if (_codes.TryGetValue((tenantId, key), out var cached) && Fresh(cached, now))
        {
            return cached.Value;
        }

        var version = Volatile.Read(ref _version);
        await using var db = databases.CreateDbContext();
        var found = await db.ReferralCodes.AsNoTracking().Where(c => c.TenantId == tenantId && c.LookupKey == key && c.IsActive)
            .Select(c => new LandingCode(c.AdvocateContactId, c.Display)).FirstOrDefaultAsync(cancellationToken);
        Store(_codes, (tenantId, key), new Entry<LandingCode?>(found, now), version);
        return found;
    }

    /// <summary>Forgets the tenant with <paramref name="key"/>.</summary>
    public void InvalidateTenant(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Interlocked.Increment(ref _version);
        _tenants.TryRemove(key, out _);
    }

    /// <summary>Forgets the code <paramref name="lookupKey"/> of <paramref name="tenantId"/>.</summary>
    public void InvalidateCode(Guid tenantId, string lookupKey)
    {
        ArgumentNullException.ThrowIfNull(lookupKey);
        Interlocked.Increment(ref _version);
        _codes.TryRemove((tenantId, lookupKey), out _);
    }

    /// <summary>Forgets every tenant (for writes whose rows are not known, such as bulk updates).</summary>
    public void InvalidateAllTenants()
    {
        Interlocked.Increment(ref _version);
        _tenants.Clear();
    }

    /// <summary>Forgets every code (for writes whose rows are not known, such as bulk deletes).</summary>
    public void InvalidateAllCodes()
    {
        Interlocked.Increment(ref _version);
        _codes.Clear();
    }

    private bool Fresh<T>(Entry<T> entry, long now) => _clock.GetElapsedTime(entry.LoadedAt, now) < TimeToLive;

    // A write invalidated while this load ran may have been read before it: such a result is returned but not kept.
    private void Store<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> cache, TKey key, Entry<T> entry, long version)
        where TKey : notnull
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[key] = entry;
        if (Volatile.Read(ref _version) != version)
        {
            cache.TryRemove(new KeyValuePair<TKey, Entry<T>>(key, entry));
        }
    }

    private sealed record Entry<T>(T Value, long LoadedAt);
}
