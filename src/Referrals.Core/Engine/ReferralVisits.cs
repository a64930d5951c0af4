using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>
/// Records link visits off the request path: <see cref="RecordAsync"/> queues the visit and returns, and one writer saves
/// queued visits in batches (one context and one <c>SaveChanges</c> per batch). Nothing queued is lost on a graceful
/// stop: <see cref="StopAsync"/> (and disposal) write what is left before returning, and a visit recorded after that, or
/// while the queue is full, is written by the caller directly. A visit whose batch fails is retried alone once, then
/// logged and dropped (a visit only moves an invitation from invited to visited; the order still attributes).
/// Thread-safe.
/// </summary>
public sealed partial class ReferralVisits : IHostedService, IAsyncDisposable, IDisposable
{
    /// <summary>Visits waiting before callers write their own.</summary>
    public const int Capacity = 10_000;

    /// <summary>Visits saved together at most.</summary>
    public const int BatchSize = 256;

    private readonly Channel<Item> _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly ReferralsDbContextFactory _databases;
    private readonly ILogger<ReferralVisits> _logger;
    private readonly Lock _gate = new();
    private Task? _writer;

    /// <summary>Creates the recorder; its writer starts with the first visit.</summary>
    public ReferralVisits(ReferralsDbContextFactory databases, ILogger<ReferralVisits> logger)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(logger);
        _databases = databases;
        _logger = logger;
    }

    /// <summary>Queues <paramref name="visit"/>; writes it before returning only when the queue is full or stopped.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="visit"/> is null.</exception>
    public async ValueTask RecordAsync(ReferralVisit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (_queue.Writer.TryWrite(new Item(visit, null)))
        {
            _ = EnsureWriter();
            return;
        }

        await WriteAsync([visit], cancellationToken);
    }

    /// <summary>Completes once every visit queued before the call has been written (or failed and been logged).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Item(null, flushed)))
        {
            await _queue.Writer.WriteAsync(new Item(null, flushed), cancellationToken);
        }

        _ = EnsureWriter();
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Nothing to do: the writer starts with the first visit.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking visits into the queue and writes those already in it; waits until they are saved or the host gives up.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await EnsureWriter().WaitAsync(cancellationToken);
    }

    /// <summary>Same as <see cref="StopAsync"/> without a time limit.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await EnsureWriter();
    }

    /// <summary>
    /// For containers disposed synchronously: stops taking visits and waits up to <see cref="SyncDisposeWait"/> for the
    /// queued ones to be written (the writer never needs this thread, so blocking cannot deadlock it).
    /// </summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        EnsureWriter().Wait(SyncDisposeWait);
    }

    /// <summary>How long <see cref="Dispose"/> waits for queued visits.</summary>
    public static readonly TimeSpan SyncDisposeWait = TimeSpan.FromSeconds(5);

    private Task EnsureWriter()
    {
        if (_writer is { } running)
        {
            return running;
        }

        lock (_gate)
        {
            return _writer ??= Task.Run(DrainAsync);
        }
    }

    private async Task DrainAsync()
    {
        var batch = new List<ReferralVisit>(BatchSize);
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item))
            {
                if (item.Visit is { } visit)
                {
                    batch.Add(visit);
                }
                else
                {
                    flushes.Add(item.Flushed!);
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch, CancellationToken.None);
            }

            batch.Clear();
            foreach (var flushed in flushes)
            {
                flushed.TrySetResult();
            }

            flushes.Clear();
        }
    }

    private async Task WriteAsync(IReadOnlyList<ReferralVisit> visits, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(visits, cancellationToken);
            return;
        }
        catch (Exception ex) when (visits.Count > 1 && ex is not OperationCanceledException)
        {
            LogBatchFailed(_logger, visits.Count, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogVisitFailed(_logger, visits[0].TenantId, ex);
            return;
        }

        foreach (var visit in visits)
        {
            try
            {
                await SaveAsync([visit], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogVisitFailed(_logger, visit.TenantId, ex);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<ReferralVisit> visits, CancellationToken cancellationToken)
    {
        await using var db = _databases.CreateDbContext();
        foreach (var visit in visits)
        {
            var visitor = await (
                from x in db.ContactExternalIds
                where x.TenantId == visit.TenantId && x.System == visit.System && x.Value == visit.ExternalId
                join c in db.Contacts on x.ContactId equals c.Id
                select new { x.ContactId, c.NormalizedEmail }).FirstOrDefaultAsync(cancellationToken);
            if (visitor is null || visitor.ContactId == visit.AdvocateContactId)
            {
                continue;
            }

            var email = visitor.NormalizedEmail;
            var open = await db.Referrals
                .Where(r => r.TenantId == visit.TenantId && r.AdvocateContactId == visit.AdvocateContactId
                    && (r.State == ReferralState.Invited || r.State == ReferralState.Visited)
                    && (r.FriendContactId == visitor.ContactId || (email != null && r.FriendNormalizedEmail == email)))
                .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            open?.MarkVisited(visit.At);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving {Count} link visits together failed; saving them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A link visit of tenant {TenantId} could not be saved; the invitation stays as it was")]
    private static partial void LogVisitFailed(ILogger logger, Guid tenantId, Exception exception);

    private readonly record struct Item(ReferralVisit? Visit, TaskCompletionSource? Flushed);
}
