using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// Drains the inbox in batches: each message is handled in its own scope and transaction, and its processed mark is
/// committed with the handler's changes, so a crash at any point leaves either both or neither.
/// </summary>
public sealed class InboxProcessor : QueueProcessor<InboxMessage>
{
    /// <summary>Creates the processor.</summary>
    public InboxProcessor(MessageQueue<InboxMessage> queue, IServiceScopeFactory scopes, ILogger<InboxProcessor> logger)
        : base(queue, scopes, logger)
    {
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

    /// <inheritdoc />
    protected override string Describe(InboxMessage message) => $"Inbox {message.Source} {message.Topic}";

    // The same event can reach us in several deliveries (Shopify retries with a new delivery id); once is enough.
    private static Task<bool> IsRepeatOfProcessedEventAsync(ReferralsDbContext db, InboxMessage row, CancellationToken cancellationToken) =>
        row.EventId is null
            ? Task.FromResult(false)
            : db.Inbox.AnyAsync(m => m.Source == row.Source && m.EventId == row.EventId && m.Topic == row.Topic && m.Id != row.Id && m.ProcessedAt != null, cancellationToken);
}
