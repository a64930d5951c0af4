using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Analytics;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Messaging;

/// <summary>
/// Drains the inbox in batches. Each message's processed mark is committed with the handler's changes, so a crash at
/// any point leaves either both or neither. Up to <see cref="GroupSize"/> messages share one scope, context and
/// transaction (one commit, one write to the log, one statement marking them processed), each inside its own savepoint;
/// when one fails, its changes are rolled back to the savepoint, the ones before it are committed, and it and the rest of
/// its group are handled one by one in their own scope and transaction, where a failure is recorded for retry as before.
/// </summary>
public sealed class InboxProcessor : QueueProcessor<InboxMessage>
{
    private const string GroupSavepoint = "inbox_message";

    /// <summary>Creates the processor.</summary>
    public InboxProcessor(MessageQueue<InboxMessage> queue, IServiceScopeFactory scopes, ILogger<InboxProcessor> logger)
        : base(queue, scopes, logger)
    {
    }

    /// <summary>
    /// How many messages share one transaction: enough to spread the group's fixed work (scope, claim renewal, processed
    /// mark, rollups, commit), few enough that SQLite's write lock, held for the whole group, is not kept from the webhook
    /// ingest for long: about 35 ms at 1.1 ms per order, a wait Shopify's 5-second answer window does not notice. 32
    /// drained 932-1,032 orders/s in the engine bench against 835-885 for 16, back to back (docs/performance.md).
    /// </summary>
    public const int GroupSize = 32;

    /// <inheritdoc />
    protected override async Task<DrainResult> ProcessBatchAsync(IReadOnlyList<InboxMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var total = DrainResult.Empty;
        var next = 0;
        while (next < batch.Count)
        {
            var group = batch.Skip(next).Take(GroupSize).ToList();
            var (done, result, failure) = await ProcessGroupAsync(group, cancellationToken);
            total = total.Plus(result);
            next += done;
            if (failure is not null)
            {
                // The ones before it are committed; its own changes were rolled back to its savepoint.
                total = total.Plus(await RecordFailureAsync(group[done], failure, cancellationToken));
                next++;
            }
            else if (done == 0)
            {
                // The group's transaction itself failed: this one goes alone, then grouping resumes.
                total = total.Plus(await ProcessOneAsync(group[0], cancellationToken));
                next++;
            }
        }

        return total;
    }

    /// <inheritdoc />
    protected override async Task<bool> HandleAsync(IServiceProvider scope, ReferralsDbContext db, InboxMessage claimed, CancellationToken cancellationToken)
    {
        var handler = scope.GetServices<IInboxHandler>().FirstOrDefault(h => h.Source == claimed.Source && h.Handles(claimed.Topic))
            ?? throw new PermanentMessageException($"No handler accepts {claimed.Source} topic '{claimed.Topic}'.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await MessageQueue<InboxMessage>.FindClaimedAsync(db, claimed, cancellationToken);
        if (row is null)
        {
            return false;
        }

        if (!await IsRepeatOfProcessedEventAsync(db, row, cancellationToken))
        {
            await handler.HandleAsync(row, db, cancellationToken);
        }

        // Only while we still hold the claim: otherwise another worker now has the row, and our work rolls back.
        if (!await Queue.CompleteAsync(db, claimed, cancellationToken))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // Handles the group's messages in one transaction until one fails; returns how many were committed and the failure.
    private async Task<(int Done, DrainResult Result, Exception? Failure)> ProcessGroupAsync(List<InboxMessage> group, CancellationToken cancellationToken)
    {
        var done = 0;
        var handled = 0;
        Exception? failure = null;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var handlers = scope.ServiceProvider.GetServices<IInboxHandler>().ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rollups = new RollupDelta();
            var handledRows = new List<InboxMessage>(group.Count);
            // The batch's lease started when it was claimed: the group's rows are renewed first, in its transaction. A
            // row lost before that is not held (InboxGroupRows); one lost after it would roll the group back (below).
            await Queue.RenewClaimsAsync(db, group, cancellationToken);
            var rows = await InboxGroupRows.ReadAsync(db, group, cancellationToken);
            foreach (var claimed in group)
            {
                await transaction.CreateSavepointAsync(GroupSavepoint, cancellationToken);
                db.DeferRollups();
                var keepTenants = false;
                try
                {
                    var handler = handlers.FirstOrDefault(h => h.Source == claimed.Source && h.Handles(claimed.Topic))
                        ?? throw new PermanentMessageException($"No handler accepts {claimed.Source} topic '{claimed.Topic}'.");
                    // A row not held when the group began is another worker's: left alone.
                    if (rows.Held(claimed) is { } row)
                    {
                        if (!rows.IsRepeat(row))
                        {
                            await handler.HandleAsync(row, db, cancellationToken);
                        }

                        await db.SaveChangesAsync(cancellationToken);
                        rows.Processed(row);
                        handledRows.Add(claimed);
                        handled++;
                    }

                    await transaction.ReleaseSavepointAsync(GroupSavepoint, cancellationToken);
                    rollups.Add(db.StopDeferringRollups()!);
                    keepTenants = true;
                    done++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await transaction.RollbackToSavepointAsync(GroupSavepoint, cancellationToken);
                    failure = ex;
                    break;
                }
                finally
                {
                    // A rolled-back message's rollup changes are dropped with it.
                    db.StopDeferringRollups();
                    // Every message starts from an empty tracker (cheap change detection, nothing of a failed one stays),
                    // except for the tenants a committed one left as stored: the next message of the shop finds its tenant
                    // there and does not read it again (TenantDirectory.FindAsync).
                    ForgetMessage(db, keepTenants);
                }
            }

            if (done > 0)
            {
                // The renewal at the start keeps the held rows this worker's until the commit: all are still held here.
                // Should one not be, the whole group rolls back and its messages are handled one by one.
                if (handledRows.Count > 0 && await Queue.CompleteAllAsync(db, handledRows, cancellationToken) != handledRows.Count)
                {
                    throw new InvalidOperationException("A drain group lost the claim of a row it handled.");
                }

                // The committed messages' rollup changes, summed: one UPDATE per rollup row for the whole group.
                await db.WriteRollupsAsync(rollups, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the group is committed (for example the commit failed); the caller takes them one by one.
            Logger.LogWarning(ex, "A group of {Count} inbox messages could not be committed; they are handled one by one", group.Count);
            return (0, DrainResult.Empty, null);
        }

        return (done, new DrainResult(done, handled, 0, 0), failure);
    }

    // Detaches what the message tracked. Tenants stay when the message's work stands and they are as saved: Unchanged
    // after its SaveChanges, which detected every change made to them. After a rollback everything goes, the tenants read
    // for reading only included, since a tenant's values may then differ from the database's.
    private static void ForgetMessage(ReferralsDbContext db, bool keepTenants)
    {
        if (!keepTenants)
        {
            db.ChangeTracker.Clear();
            db.ReadOnlyTenants.Clear();
            return;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries().ToList())
            {
                if (entry.Entity is not Tenant || entry.State != EntityState.Unchanged)
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <inheritdoc />
    protected override string Describe(InboxMessage message) => $"Inbox {message.Source} {message.Topic}";

    // The same event can reach us in several deliveries (Shopify retries with a new delivery id); once is enough.
    private static Task<bool> IsRepeatOfProcessedEventAsync(ReferralsDbContext db, InboxMessage row, CancellationToken cancellationToken) =>
        row.EventId is null
            ? Task.FromResult(false)
            : db.Inbox.AnyAsync(m => m.Source == row.Source && m.EventId == row.EventId && m.Topic == row.Topic && m.Id != row.Id && m.ProcessedAt != null, cancellationToken);
}
