using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>
/// The durable inbox's front door: insert-if-new by <c>(Source, DeliveryId)</c>, with group commit. Callers queue
/// their message; one writer takes every message waiting (up to <see cref="MaxBatchSize"/>), inserts them in one
/// transaction and commits once, then tells each caller its own outcome. So concurrent deliveries share one commit
/// instead of queueing for the database's write lock one by one. The writer keeps its connection open between batches.
/// Batch sizes and insert and commit times are published as <see cref="InboxMetrics"/>. Thread-safe; one per process
/// (a singleton).
/// </summary>
public sealed class InboxStore : IAsyncDisposable, IDisposable
{
    /// <summary>The most messages one transaction inserts.</summary>
    public const int MaxBatchSize = 256;

    /// <summary>The most messages waiting for the writer; further callers wait for room.</summary>
    public const int MaxPending = 4096;

    private readonly Channel<PendingDelivery> _pending = Channel.CreateBounded<PendingDelivery>(
        new BoundedChannelOptions(MaxPending) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly InboxBatchWriter _writer;
    private readonly SqliteWriteTurns? _turns;
    private readonly ILogger<InboxStore> _logger;
    private readonly Task _loop;

    /// <summary>Creates the store and starts its writer.</summary>
    public InboxStore(ReferralsDbContextFactory factory, ILogger<InboxStore> logger)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _writer = new InboxBatchWriter(factory);
        _turns = factory.WriteTurns;
        _logger = logger;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>How many messages wait for the writer now (for tests and diagnostics).</summary>
    internal int PendingCount => _pending.Reader.Count;

    /// <summary>Stores <paramref name="message"/> unless a message with the same source and delivery id exists.</summary>
    /// <returns>True when stored; false for a repeated delivery (nothing changes). <paramref name="message"/> itself is not changed.</returns>
    /// <remarks>
    /// When this returns, the message is committed: it survives a crash and will be handled. When it throws, the
    /// message is not stored by this call (a failed batch is rolled back whole), except after a cancellation: a
    /// caller that gives up once the writer has taken its message is not told whether the commit happened
    /// (a repeated delivery is then a harmless no-op).
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The store is shutting down.</exception>
    /// <exception cref="System.Data.Common.DbException">The batch holding the message could not be committed.</exception>
    public async Task<bool> TryAddAsync(InboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingDelivery(message, cancellationToken);
        try
        {
            await _pending.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException("The inbox store is shutting down; the message was not stored.", ex);
        }

        return await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking messages and writes every message already queued before returning.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop;
    }

    /// <summary>Stops taking messages; the writer finishes the queued ones in the background.</summary>
    public void Dispose() => _pending.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        await using var writer = _writer;
        var batch = new List<PendingDelivery>(MaxBatchSize);
        while (await _pending.Reader.WaitToReadAsync())
        {
            // The turn at SQLite's write lock first, then the batch: deliveries that arrive while a drain group finishes
            // go into this batch rather than wait for the next turn.
            using var turn = _turns is null ? null : await _turns.TakeAsync(CancellationToken.None);
            while (batch.Count < MaxBatchSize && _pending.Reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Outcome.TrySetCanceled(pending.CancellationToken);
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                InboxMetrics.BatchSize.Record(batch.Count);
                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
    }

    // Never throws: every caller in the batch learns its outcome or the batch's error.
    private async Task WriteBatchAsync(List<PendingDelivery> batch)
    {
        // A key seen twice in one batch is inserted once; its later copies are repeats whatever the first one's fate.
        var first = new Dictionary<(string, string), int>();
        var distinct = new List<InboxMessage>(batch.Count);
        var slot = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i].Message;
            if (first.TryAdd((message.Source, message.DeliveryId), distinct.Count))
            {
                slot[i] = distinct.Count;
                distinct.Add(message);
            }
            else
            {
                slot[i] = -1;
            }
        }

        try
        {
            // Not the callers' tokens: the commit is shared, and one caller giving up must not fail the others.
            var stored = await _writer.WriteAsync(distinct, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(slot[i] >= 0 && stored[slot[i]]);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not store a batch of {Count} inbox messages; each sender gets the error and may retry", batch.Count);
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(ex);
            }
        }
    }
}
