using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Referrals.Core.Persistence;

/// <summary>
/// The tracked entries as the last <c>DetectChanges</c> left them. <see cref="ChangeTracker.Entries()"/> runs a
/// <c>DetectChanges</c> pass of its own (every tracked entity compared, a tenant's settings serialized to JSON to do so);
/// the code that looks at a pending save has just run one, and the save runs another.
/// </summary>
internal static class ChangeTrackerEntries
{
    public static List<EntityEntry> AsDetected(ChangeTracker tracker) => Read(tracker, t => t.Entries().ToList());

    public static List<EntityEntry<TEntity>> AsDetected<TEntity>(ChangeTracker tracker)
        where TEntity : class => Read(tracker, t => t.Entries<TEntity>().ToList());

    /// <summary>
    /// The tracked <typeparamref name="TEntity"/> entities not being deleted: what <c>DbSet.Local</c> holds, without the
    /// full <c>DetectChanges</c> pass that reading <c>Local</c> starts. The model has no navigations, so such a pass could
    /// not add an entity; it only notices changed values, and the callers compare the values as they are in memory.
    /// </summary>
    public static List<TEntity> Tracked<TEntity>(ChangeTracker tracker)
        where TEntity : class => Read(tracker, t => t.Entries<TEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Unchanged or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList());

    /// <summary>
    /// Whether <paramref name="entity"/> is tracked as added, without the <c>DetectChanges</c> of the entity that
    /// <c>db.Entry(entity)</c> runs: a pass can only turn an unchanged entity into a modified one, never make or unmake
    /// an added one.
    /// </summary>
    public static bool IsAdded(DbContext db, object entity) => Read(db.ChangeTracker, _ => db.Entry(entity).State == EntityState.Added);

    /// <summary>
    /// What <c>DetectChanges</c> does for a save, for the entities read from the database only (unchanged or modified).
    /// An added entity is inserted with the values it holds when the save runs, its key was set when it was created,
    /// and the model has no navigations to fix up, so comparing its values with a snapshot finds nothing a save needs;
    /// on the order path most of what is tracked is added (the buyer, the order, its ask, referral, ledger entries, task).
    /// </summary>
    public static void DetectChangesOfStored(ChangeTracker tracker)
    {
        foreach (var entry in AsDetected(tracker))
        {
            if (entry.State is EntityState.Unchanged or EntityState.Modified)
            {
                entry.DetectChanges();
            }
        }
    }

    /// <summary>
    /// Switches automatic <c>DetectChanges</c> off until the result is disposed, which restores the setting as it was:
    /// for work on the tracker that must not start a pass of its own.
    /// </summary>
    public static DetectionPause PauseDetection(ChangeTracker tracker)
    {
        var pause = new DetectionPause(tracker, tracker.AutoDetectChangesEnabled);
        tracker.AutoDetectChangesEnabled = false;
        return pause;
    }

    private static T Read<T>(ChangeTracker tracker, Func<ChangeTracker, T> read)
    {
        using var pause = PauseDetection(tracker);
        return read(tracker);
    }

    /// <summary>Automatic change detection switched off; disposing restores what it was (<see cref="PauseDetection"/>).</summary>
    public readonly struct DetectionPause : IDisposable
    {
        private readonly ChangeTracker _tracker;
        private readonly bool _wasOn;

        internal DetectionPause(ChangeTracker tracker, bool wasOn)
        {
            _tracker = tracker;
            _wasOn = wasOn;
        }

        /// <inheritdoc />
        public void Dispose() => _tracker.AutoDetectChangesEnabled = _wasOn;
    }
}
