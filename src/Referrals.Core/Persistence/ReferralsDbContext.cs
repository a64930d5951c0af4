using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Asks;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Orders;
using Referrals.Core.Referrals;
using Referrals.Core.Review;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;

namespace Referrals.Core.Persistence;

/// <summary>
/// The engine's storage. The model is the same for every database; each provider has its own subclass
/// (<see cref="Providers.SqliteReferralsDbContext"/>, <see cref="Providers.PostgreSqlReferralsDbContext"/>,
/// <see cref="Providers.SqlServerReferralsDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class ReferralsDbContext : DbContext
{
    private RollupDelta? _deferredRollups;

    /// <summary>Creates the context.</summary>
    protected ReferralsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Program owners.</summary>
    public DbSet<Tenant> Tenants => Set<Tenant>();

    /// <summary>People the business knows.</summary>
    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>Ids other systems give contacts.</summary>
    public DbSet<ContactExternalId> ContactExternalIds => Set<ContactExternalId>();

    /// <summary>Advocates' codes.</summary>
    public DbSet<ReferralCode> ReferralCodes => Set<ReferralCode>();

    /// <summary>Referrals.</summary>
    public DbSet<Referral> Referrals => Set<Referral>();

    /// <summary>Orders.</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>Refunds of orders.</summary>
    public DbSet<OrderRefund> OrderRefunds => Set<OrderRefund>();

    /// <summary>The reward ledger.</summary>
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    /// <summary>Flagged referrals waiting for a decision.</summary>
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();

    /// <summary>Incoming events.</summary>
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    /// <summary>Outgoing effects.</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>Planned, sent and answered asks.</summary>
    public DbSet<Ask> Asks => Set<Ask>();

    /// <summary>Work for people at the business: thank-you cards, service recovery, asks by hand.</summary>
    public DbSet<StaffTask> StaffTasks => Set<StaffTask>();

    /// <summary>Friends the business introduced itself to, by e-mail hash: last introduction and opt-out.</summary>
    public DbSet<FriendSuppression> FriendSuppressions => Set<FriendSuppression>();

    /// <summary>Who did what.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>Tenants' encrypted credentials (one row per tenant).</summary>
    public DbSet<TenantConnection> TenantConnections => Set<TenantConnection>();

    /// <summary>A host's key ring (opaque XML) that encrypts the credentials.</summary>
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    /// <summary>Values hosts remember per tenant (ids of objects they made in the tenant's own system).</summary>
    public DbSet<TenantReference> TenantReferences => Set<TenantReference>();

    /// <summary>People's requests for their data, with the encrypted export for the merchant.</summary>
    public DbSet<Privacy.DataRequest> DataRequests => Set<Privacy.DataRequest>();

    /// <summary>Hourly funnel counts per tenant (precomputed; see docs/analytics.md "Rollups").</summary>
    public DbSet<AnalyticsHour> AnalyticsHours => Set<AnalyticsHour>();

    /// <summary>Hourly revenue per tenant and currency (precomputed).</summary>
    public DbSet<AnalyticsRevenueHour> AnalyticsRevenueHours => Set<AnalyticsRevenueHour>();

    /// <summary>Hourly ledger sums per tenant, currency, type and state (precomputed).</summary>
    public DbSet<AnalyticsLedgerHour> AnalyticsLedgerHours => Set<AnalyticsLedgerHour>();

    /// <summary>The database this context talks to.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>
    /// From now on, saves made inside the caller's transaction collect their rollup changes instead of writing them
    /// (the caller writes them with <see cref="WriteRollupsAsync"/>). The inbox drain defers a group's rollups to its end: one
    /// <c>UPDATE</c> per rollup row per group instead of two to four per message.
    /// </summary>
    internal void DeferRollups() => _deferredRollups = new RollupDelta();

    /// <summary>Stops deferring and returns the rollup changes collected since <see cref="DeferRollups"/> (null when none was
    /// called): the caller adds them to what it writes, or drops them when their saves were rolled back.</summary>
    internal RollupDelta? StopDeferringRollups()
    {
        var collected = _deferredRollups;
        _deferredRollups = null;
        return collected;
    }

    /// <summary>Writes <paramref name="delta"/> to the rollups in the caller's transaction.</summary>
    internal Task WriteRollupsAsync(RollupDelta delta, CancellationToken cancellationToken) =>
        AnalyticsRollupWriter.ApplyAsync(this, delta, cancellationToken);

    /// <summary>Tenants read for reading only during this context's life (see <c>TenantDirectory.FindForReadingAsync</c>).</summary>
    internal ReadOnlyTenants ReadOnlyTenants { get; } = new();

    /// <summary>
    /// Saves like <see cref="DbContext.SaveChangesAsync(bool, CancellationToken)"/> and, in the same transaction, moves
    /// the analytics rollups by what the saved asks, referrals, orders and ledger entries change (one place, so no write
    /// path can forget it), and gives each new referral its advocate's previous start (<see cref="AdvocatePreviousStarts"/>).
    /// Without a caller's transaction it opens one for the save and the rollups.
    /// </summary>
    /// <exception cref="DbUpdateException">The save failed; the rollups are not changed.</exception>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var delta = await AnalyticsRollupTracker.CollectAsync(this, cancellationToken);
        var referralsAdded = AdvocatePreviousStarts.Added(this);
        if (delta.IsEmpty && referralsAdded.Count == 0)
        {
            return await SaveAsDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var rechained = await AdvocatePreviousStarts.AssignAsync(this, referralsAdded, cancellationToken);

        var saved = rechained
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveAsDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (_deferredRollups is not null && own is null)
        {
            _deferredRollups.Add(delta);
        }
        else
        {
            await AnalyticsRollupWriter.ApplyAsync(this, delta, cancellationToken);
        }

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    // Saves without the DetectChanges pass of its own that a save starts (every tracked entity compared again): the
    // rollup tracker has just compared the stored entities (ChangeTrackerEntries.DetectChangesOfStored), added ones
    // are inserted with the values they hold, and what changed since is at most the previous starts of added referrals.
    // That second pass was about a third of the drain's change detection.
    private async Task<int> SaveAsDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        using var pause = ChangeTrackerEntries.PauseDetection(ChangeTracker);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves synchronously; refused when the save changes analytics figures, whose rollups are kept by
    /// <see cref="SaveChangesAsync(bool, CancellationToken)"/> only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The changes include asks, referrals, orders or ledger entries.</exception>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (AnalyticsRollupTracker.Touches(this))
        {
            throw new InvalidOperationException("Asks, referrals, orders and ledger entries are saved with SaveChangesAsync, which keeps the analytics rollups.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Money: four decimals hold every currency's minor units and proportional claw-back arithmetic.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReferralsDbContext).Assembly);
    }
}
