using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// What the inbox and outbox processors share: claim batches until nothing is due, handle each row in its own DI
/// scope, and record a failure (retry with back-off, or dead-letter) in its own short transaction.
/// </summary>
/// <typeparam name="T">The queued row type.</typeparam>
public abstract class QueueProcessor<T>
    where T : class, IQueuedMessage
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;

    /// <summary>Creates the processor.</summary>
    protected QueueProcessor(MessageQueue<T> queue, IServiceScopeFactory scopes, ILogger logger)
    {
        Queue = queue;
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>The queue this processor drains.</summary>
    protected MessageQueue<T> Queue { get; }

    /// <summary>The processor's logger.</summary>
    protected ILogger Logger => _logger;

    /// <summary>Creates the DI scopes rows are handled in.</summary>
    protected IServiceScopeFactory Scopes => _scopes;

    /// <summary>Claims and handles batches until nothing is due or <paramref name="maxBatches"/> is reached.</summary>
    public async Task<DrainResult> RunAsync(int maxBatches = 50, CancellationToken cancellationToken = default)
    {
        var total = DrainResult.Empty;
        for (var i = 0; i < maxBatches; i++)
        {
            var batch = await Queue.ClaimBatchAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            total = total.Plus(await ProcessBatchAsync(batch, cancellationToken));
        }

        return total;
    }

    /// <summary>Handles one claimed batch; by default each row on its own with <see cref="ProcessOneAsync"/>.</summary>
    protected virtual async Task<DrainResult> ProcessBatchAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var total = DrainResult.Empty;
        foreach (var message in batch)
        {
            // The batch's lease started when it was claimed; renew it for this row, or skip the row when the
            // lease ran out during the rows before and another worker took it.
            if (!await Queue.RenewClaimAsync(message, cancellationToken))
            {
                total = total.Plus(new DrainResult(1, 0, 0, 0));
                continue;
            }

            total = total.Plus(await ProcessOneAsync(message, cancellationToken));
        }

        return total;
    }

    /// <summary>
    /// Handles one claimed row in <paramref name="scope"/>: load it with <see cref="MessageQueue{T}.FindClaimedAsync"/>,
    /// do the work, then in one transaction complete it with <see cref="MessageQueue{T}.CompleteAsync"/> and commit.
    /// </summary>
    /// <returns>False when the claim was lost (the lease ran out and another worker took the row).</returns>
    protected abstract Task<bool> HandleAsync(IServiceProvider scope, ReferralsDbContext db, T claimed, CancellationToken cancellationToken);

    /// <summary>A short description of the row for logs (never the payload).</summary>
    protected abstract string Describe(T message);

    /// <summary>
    /// Handles one claimed row in its own scope and transaction; a failure is recorded (retry or dead letter), never thrown,
    /// except a cancellation of <paramref name="cancellationToken"/>.
    /// </summary>
    protected async Task<DrainResult> ProcessOneAsync(T claimed, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            return await HandleAsync(scope.ServiceProvider, db, claimed, cancellationToken)
                ? new DrainResult(1, 1, 0, 0)
                : new DrainResult(1, 0, 0, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await RecordFailureAsync(claimed, ex, cancellationToken);
        }
    }

    /// <summary>Records that handling <paramref name="claimed"/> failed with <paramref name="error"/>: retry later, or dead-letter.</summary>
    protected async Task<DrainResult> RecordFailureAsync(T claimed, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var dead = await Queue.RecordFailureAsync(claimed, error, cancellationToken);
        _logger.LogWarning(error, "{Message} (row {MessageId}) failed; dead-lettered: {DeadLettered}", Describe(claimed), claimed.Id, dead);
        return new DrainResult(1, 0, dead ? 0 : 1, dead ? 1 : 0);
    }
}
