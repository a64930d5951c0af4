using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Messaging;

/// <summary>
/// Drains the inbox in batches. Each message's processed mark is committed with the handler's changes, so a crash at
/// any point leaves either both or neither. Up to <see cref="GroupSize"/> messages share one scope, context and
/// transaction (one commit, one write to the log, one statement marking them processed). When one fails, the whole
/// group rolls back; the messages before it are handled again as a group of their own, its failure is recorded for retry
/// (without handling it again), and grouping resumes after it.
/// </summary>
public sealed class InboxProcessor : QueueProcessor<InboxMessage>
{
    /// <summary>Creates the processor.</summary>
    public InboxProcessor(MessageQueue<InboxMessage> queue, IServiceScopeFactory scopes, ILogger<InboxProcessor> logger)
        : base(queue, scopes, logger)
    {
    }

    /// <summary>
    /// How many messages share one transaction at most: enough to spread the group's fixed work (scope, claim renewal,
    /// processed mark, rollups, commit). 32 drained 932-1,032 orders/s in the engine bench against 835-885 for 16, back to
    /// back (docs/performance.md). On SQLite a group holds the file's write lock until its commit, about 35 ms for 32
    /// orders; when webhook deliveries wait for it meanwhile, the group ends early (<see cref="YieldTurnAfter"/>).
    /// </summary>
    public const int GroupSize = 32;

    /// <summary>
    /// How long a drain group keeps SQLite's write lock at most while a batch of webhook deliveries waits for it
    /// (<see cref="SqliteWriteTurns"/>): the group commits what it has and hands the lock on.
    /// </summary>
    public static readonly TimeSpan YieldTurnAfter = TimeSpan.FromMilliseconds(10);

    /// <inheritdoc />
    protected override async Task<DrainResult> ProcessBatchAsync(IReadOnlyList<InboxMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var total = DrainResult.Empty;
        var next = 0;
        // A message whose handling failed in a group, with its error: the group rolled back with it, so the messages
        // before it go again as a group of their own, and then its failure is recorded without handling it again.
        (int Index, Exception Error)? failed = null;
        while (next < batch.Count)
        {
            if (failed is { } known && known.Index == next)
            {
                total = total.Plus(await RecordFailureAsync(batch[next], known.Error, cancellationToken));
                failed = null;
                next++;
                continue;
            }

            var size = Math.Min(GroupSize, (failed?.Index ?? batch.Count) - next);
            var group = batch.Skip(next).Take(size).ToList();
            var outcome = await ProcessGroupAsync(group, cancellationToken);
            if (outcome.Committed)
            {
                total = total.Plus(outcome.Result);
                next += outcome.Count;
            }
            else if (outcome.Failure is { } failure)
            {
                failed = (next + outcome.FailedAt, failure);
            }
            else
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

    // Handles the group's messages in one transaction, committed unless one of them fails. Without a savepoint
    // per message: SQLite copies every page a savepoint changes to a statement journal first, about a third of what the
    // drain wrote (docs/performance.md), and a failing message is rare enough to pay for handling its group again.
    private async Task<GroupOutcome> ProcessGroupAsync(List<InboxMessage> group, CancellationToken cancellationToken)
    {
        var index = 0;
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            // A failure rolls the whole group back, so EF Core's savepoint around each save would only cost journal writes.
            db.Database.AutoSavepointsEnabled = false;
            var handlers = scope.ServiceProvider.GetServices<IInboxHandler>().ToList();
            var turns = scope.ServiceProvider.GetRequiredService<ReferralsDbContextFactory>().WriteTurns;
            using var turn = turns is null ? null : await turns.TakeAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var handledRows = new List<InboxMessage>(group.Count);
            // The batch's lease started when it was claimed: the group's rows are renewed first, in its transaction. A
            // row lost before that is not held (InboxGroupRows); one lost after it would roll the group back (below).
            await Queue.RenewClaimsAsync(db, group, cancellationToken);
            var rows = await InboxGroupRows.ReadAsync(db, group, cancellationToken);
            db.DeferRollups();
            for (; index < group.Count; index++)
            {
                var claimed = group[index];
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
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Nothing of the group is committed: the transaction rolls back as it is disposed.
                    return GroupOutcome.Failed(index, ex);
                }

                // Every message starts from an empty tracker (cheap change detection), except for the tenants the ones
                // before it left as stored: the next message of the shop finds its tenant there and does not read it
                // again (TenantDirectory.FindAsync).
                KeepOnlyStoredTenants(db);
                if (turns is { OthersWaiting: true } && Stopwatch.GetElapsedTime(started) >= YieldTurnAfter)
                {
                    // A batch of deliveries waits for the write lock: the group ends here, the rest go in the next one.
                    index++;
                    break;
                }
            }

            var rollups = db.StopDeferringRollups()!;
            // The renewal at the start keeps the held rows this worker's until the commit: all are still held here.
            // Should one not be, the whole group rolls back and its messages are handled one by one.
            if (handledRows.Count > 0 && await Queue.CompleteAllAsync(db, handledRows, cancellationToken) != handledRows.Count)
            {
                throw new InvalidOperationException("A drain group lost the claim of a row it handled.");
            }

            // The group's rollup changes, summed: one UPDATE per rollup row for the whole group.
            await db.WriteRollupsAsync(rollups, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return GroupOutcome.Done(index, new DrainResult(index, handledRows.Count, 0, 0));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the group is committed (for example the commit failed); the caller takes them one by one.
            Logger.LogWarning(ex, "A group of {Count} inbox messages could not be committed; they are handled one by one", group.Count);
            return GroupOutcome.NotCommitted;
        }
    }

    // Detaches what the message tracked but the tenants, which stay as they are saved: Unchanged after its SaveChanges,
    // which detected every change made to them.
    private static void KeepOnlyStoredTenants(ReferralsDbContext db)
    {
        using var pause = ChangeTrackerEntries.PauseDetection(db.ChangeTracker);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is not Tenant || entry.State != EntityState.Unchanged)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <inheritdoc />
    protected override string Describe(InboxMessage message) => $"Inbox {message.Source} {message.Topic}";

    // The same event can reach us in several deliveries (Shopify retries with a new delivery id); once is enough.
    private static Task<bool> IsRepeatOfProcessedEventAsync(ReferralsDbContext db, InboxMessage row, CancellationToken cancellationToken) =>
        row.EventId is null
            ? Task.FromResult(false)
            : db.Inbox.AnyAsync(m => m.Source == row.Source && m.EventId == row.EventId && m.Topic == row.Topic && m.Id != row.Id && m.ProcessedAt != null, cancellationToken);

    // How a group went: its first Count messages committed, or all rolled back because its message at FailedAt failed
    // (Failure) or because the transaction itself failed (neither).
    private readonly record struct GroupOutcome(bool Committed, int Count, DrainResult Result, int FailedAt, Exception? Failure)
    {
        public static GroupOutcome NotCommitted => new(false, 0, DrainResult.Empty, 0, null);

        // All of the group, unless it handed the write lock on early.
        public static GroupOutcome Done(int count, DrainResult result) => new(true, count, result, 0, null);

        public static GroupOutcome Failed(int index, Exception failure) => new(false, 0, DrainResult.Empty, index, failure);
    }
}
