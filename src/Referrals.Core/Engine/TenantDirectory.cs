using Microsoft.EntityFrameworkCore;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>Finds tenants by their host key and creates them with the configured program defaults.</summary>
public sealed class TenantDirectory
{
    private readonly ReferralsOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Creates the directory.</summary>
    public TenantDirectory(ReferralsOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    /// <summary>
    /// The tenant with <paramref name="key"/> (case-insensitive), or null. One the context already tracks is returned
    /// without a query (a query would return that same instance); the inbox drain keeps a shop's tenant tracked across
    /// the messages of one transaction, so it is read once per group.
    /// </summary>
    public static async Task<Tenant?> FindAsync(ReferralsDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var normalized = key.Trim().ToLowerInvariant();
        return db.Tenants.Local.FirstOrDefault(t => t.Key == normalized && db.Entry(t).State != EntityState.Added)
            ?? await db.Tenants.FirstOrDefaultAsync(t => t.Key == normalized, cancellationToken);
    }

    /// <summary>
    /// The tenant with <paramref name="key"/> (case-insensitive), or null, for code that reads its settings and never changes
    /// it (the order drain). A tenant the context tracks is returned as it is, changes included; otherwise the tenant
    /// is read without tracking, once per context, and later calls return that instance. Changes made to it are not saved.
    /// </summary>
    /// <remarks>
    /// A tracked tenant makes every change-detection pass of the context compare its settings, serialized to JSON; the
    /// order drain runs several per order. Reading once per context keeps what <see cref="FindAsync"/> gave the drain: a
    /// settings change committed elsewhere is seen from the next drain group on.
    /// </remarks>
    public static async Task<Tenant?> FindForReadingAsync(ReferralsDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var normalized = key.Trim().ToLowerInvariant();
        var tracked = ChangeTrackerEntries.AsDetected<Tenant>(db.ChangeTracker)
            .FirstOrDefault(e => e.Entity.Key == normalized && e.State != EntityState.Added);
        if (tracked is not null)
        {
            return tracked.Entity;
        }

        if (db.ReadOnlyTenants.TryGet(normalized, out var known))
        {
            return known;
        }

        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Key == normalized, cancellationToken);
        if (tenant is not null)
        {
            db.ReadOnlyTenants.Remember(tenant);
        }

        return tenant;
    }

    /// <summary>The tenant with <paramref name="key"/>, created with the configured program defaults when new. Saves.</summary>
    public async Task<Tenant> GetOrCreateAsync(ReferralsDbContext db, string key, TenantKind kind, string displayName, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(db, key, cancellationToken);
        if (tenant is not null)
        {
            return tenant;
        }

        tenant = new Tenant(key, kind, displayName, _clock.GetUtcNow()) { Settings = Copy(_options.Program) };
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return tenant;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Created at the same moment by another request: use that one.
            db.Entry(tenant).State = EntityState.Detached;
            return await FindAsync(db, key, cancellationToken) ?? throw new InvalidOperationException($"Tenant '{key}' vanished.", ex);
        }
    }

    /// <summary>Replaces a tenant's program settings after validating them. Saves.</summary>
    /// <exception cref="InvalidProgramSettingsException">The settings are invalid; nothing was saved.</exception>
    public static async Task UpdateSettingsAsync(ReferralsDbContext db, Tenant tenant, ProgramSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ProgramSettingsValidator.ThrowIfInvalid(settings);
        tenant.Settings = Copy(settings);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Settings are mutable POCOs; each tenant gets its own copy so one tenant's edit never leaks to another.
    private static ProgramSettings Copy(ProgramSettings settings) =>
        System.Text.Json.JsonSerializer.Deserialize<ProgramSettings>(System.Text.Json.JsonSerializer.Serialize(settings))!;
}
