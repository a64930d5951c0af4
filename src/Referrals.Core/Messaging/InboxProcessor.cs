using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// Drains the inbox in batches: each message is handled in its own scope and transaction, and its processed mark is
/// committed with the handler's changes, so a crash at any point leaves either both or neither.
/// </summary>
public sealed class InboxProcessor
{
    private readonly MessageQueue<InboxMessage> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<InboxProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public InboxProcessor(MessageQueue<InboxMessage> queue, IServiceScopeFactory scopes, ILogger<InboxProcessor> logger)
    {
        _queue = queue;
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Claims and handles batches until the inbox has nothing due or <paramref name="maxBatches"/> is reached.</summary>
    public async Task<DrainResult> DrainAsync(int maxBatches = 50, CancellationToken cancellationToken = default)
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
                total = total.Plus(await ProcessAsync(message, cancellationToken));
            }
        }

        return total;
    }

    private async Task<DrainResult> ProcessAsync(InboxMessage claimed, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var handler = scope.ServiceProvider.GetServices<IInboxHandler>().FirstOrDefault(h => h.Source == claimed.Source && h.Handles(claimed.Topic))
                ?? throw new PermanentMessageException($"No handler accepts {claimed.Source} topic '{claimed.Topic}'.");

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var row = await MessageQueue<InboxMessage>.FindClaimedAsync(db, claimed, cancellationToken);
            if (row is null)
            {
                // Our lease ran out and another worker took the message: it is theirs now.
                return new DrainResult(1, 0, 0, 0);
            }

            if (!await IsRepeatOfProcessedEventAsync(db, row, cancellationToken))
            {
                await handler.HandleAsync(row, db, cancellationToken);
            }

            _queue.MarkProcessed(row);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new DrainResult(1, 1, 0, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var dead = await _queue.RecordFailureAsync(claimed, ex, cancellationToken);
            _logger.LogWarning(ex, "Inbox message {MessageId} ({Source} {Topic}) failed; dead-lettered: {DeadLettered}",
                claimed.Id, claimed.Source, claimed.Topic, dead);
            return new DrainResult(1, 0, dead ? 0 : 1, dead ? 1 : 0);
        }
    }

    // The same event can reach us in several deliveries (Shopify retries with a new delivery id); once is enough.
    private static Task<bool> IsRepeatOfProcessedEventAsync(ReferralsDbContext db, InboxMessage row, CancellationToken cancellationToken) =>
        row.EventId is null
            ? Task.FromResult(false)
            : db.Inbox.AnyAsync(m => m.Source == row.Source && m.EventId == row.EventId && m.Topic == row.Topic && m.Id != row.Id && m.ProcessedAt != null, cancellationToken);
}
