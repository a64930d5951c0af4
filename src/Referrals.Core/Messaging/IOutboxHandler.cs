using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>Carries out outbox messages of one <see cref="Kind"/>.</summary>
/// <remarks>
/// Delivery guarantee: at least once. After a crash between the outside call and the commit, the message runs again:
/// pass <see cref="OutboxMessage.IdempotencyKey"/> to the far side, or check there first, so the effect happens once.
/// Changes to the context are committed with the message's completion. A handler may begin the transaction on the
/// context itself (to lock rows before its last reads, after its outside call); the completion then joins it. A
/// handler may also commit that transaction itself, to record a fact about the far side (a payment made) that must
/// stand even when the claim on the message was lost meanwhile; the completion then runs in a transaction of its own.
/// </remarks>
public interface IOutboxHandler
{
    /// <summary>The kind of message handled, for example <c>reward.issue</c>.</summary>
    string Kind { get; }

    /// <summary>Carries the message out and returns the far side's reference, if any. Throw to retry with back-off; throw <see cref="PermanentMessageException"/> to dead-letter.</summary>
    Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken);
}
