using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// Carries out outbox messages in batches, each in its own scope; the handler's ledger changes are committed with
/// the message's completion. At least once: see <see cref="IOutboxHandler"/>.
/// </summary>
public sealed class OutboxProcessor
{
    private readonly MessageQueue<OutboxMessage> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<OutboxProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public OutboxProcessor(MessageQueue<OutboxMessage> queue, IServiceScopeFactory scopes, ILogger<OutboxProcessor> logger)
    {
        _queue = queue;
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Claims and carries out batches until nothing is due or <paramref name="maxBatches"/> is reached.</summary>
    public async Task<DrainResult> ProcessAsync(int maxBatches = 50, CancellationToken cancellationToken = default)
    {
        var total = DrainResult.Empty;
        for (var i = 0; i < maxBatches; i++)
        {
            var batch = await _queue.ClaimBatchAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                total = total.Plus(await ProcessOneAsync(message, cancellationToken));
            }
        }

        return total;
    }

    private async Task<DrainResult> ProcessOneAsync(OutboxMessage claimed, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == claimed.Kind)
                ?? throw new PermanentMessageException($"No handler carries out outbox messages of kind '{claimed.Kind}'.");

            var row = await MessageQueue<OutboxMessage>.FindClaimedAsync(db, claimed, cancellationToken);
            if (row is null)
            {
                return new DrainResult(1, 0, 0, 0);
            }

            row.ExternalRef = await handler.HandleAsync(row, db, cancellationToken);
            _queue.MarkProcessed(row);
            await db.SaveChangesAsync(cancellationToken);
            return new DrainResult(1, 1, 0, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var dead = await _queue.RecordFailureAsync(claimed, ex, cancellationToken);
            _logger.LogWarning(ex, "Outbox message {MessageId} ({Kind}) failed; dead-lettered: {DeadLettered}", claimed.Id, claimed.Kind, dead);
            return new DrainResult(1, 0, dead ? 0 : 1, dead ? 1 : 0);
        }
    }
}
