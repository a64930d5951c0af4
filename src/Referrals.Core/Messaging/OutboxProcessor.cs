using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// Carries out outbox messages in batches, each in its own scope; the handler's ledger changes are committed with
/// the message's completion. At least once: see <see cref="IOutboxHandler"/>.
/// </summary>
public sealed class OutboxProcessor : QueueProcessor<OutboxMessage>
{
    /// <summary>Creates the processor.</summary>
    public OutboxProcessor(MessageQueue<OutboxMessage> queue, IServiceScopeFactory scopes, ILogger<OutboxProcessor> logger)
        : base(queue, scopes, logger)
    {
    }

    /// <inheritdoc />
    protected override async Task<bool> HandleAsync(IServiceProvider scope, ReferralsDbContext db, OutboxMessage claimed, CancellationToken cancellationToken)
    {
        var handler = scope.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == claimed.Kind)
            ?? throw new PermanentMessageException($"No handler carries out outbox messages of kind '{claimed.Kind}'.");

        var row = await MessageQueue<OutboxMessage>.FindClaimedAsync(db, claimed, cancellationToken);
        if (row is null)
        {
            return false;
        }

        // The outside call cannot join our transaction; the handler's idempotency key covers a crash before the commit.
        row.ExternalRef = await handler.HandleAsync(row, db, cancellationToken);

        // The ledger change commits only with the completion, and the completion only while we still hold the claim:
        // a worker whose lease ran out must not finish (or wipe the claim of) a row another worker now pays.
        // A handler may have begun it already, to lock what it reads last, or committed its own record of what the far
        // side did (the reward payout does both: a payment stands even when the claim was lost).
        await using var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Queue.CompleteAsync(db, claimed, cancellationToken))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    protected override string Describe(OutboxMessage message) => $"Outbox {message.Kind}";
}
