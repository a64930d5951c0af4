using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// Handles inbox messages of one source and topic. Hosts register one per topic they accept.
/// </summary>
/// <remarks>
/// Delivery guarantee: at least once. A message may be handled again after a crash or a failed commit, and the same
/// event may arrive in several deliveries, in any order. Handlers must be idempotent: write through the unique keys
/// of the engine (orders, refunds, ledger entries) so repeats change nothing.
/// The handler's changes to the context it is given are committed together with the message's processed mark.
/// </remarks>
public interface IInboxHandler
{
    /// <summary>The source this handler serves, for example <c>shopify</c>.</summary>
    string Source { get; }

    /// <summary>Whether this handler takes <paramref name="topic"/>.</summary>
    bool Handles(string topic);

    /// <summary>Handles one message. Throw to have it retried with back-off; <see cref="PermanentMessageException"/> dead-letters it at once.</summary>
    Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken);
}
