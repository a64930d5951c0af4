using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>A delivery waiting for the inbox writer, and the caller's task that learns its outcome.</summary>
internal sealed class PendingDelivery
{
    public PendingDelivery(InboxMessage message, CancellationToken cancellationToken)
    {
        Message = message;
        CancellationToken = cancellationToken;
    }

    public InboxMessage Message { get; }

    /// <summary>The caller's token: a delivery whose caller gave up before the writer took it is not written.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>True when stored, false for a repeat; faulted when the batch could not be committed.</summary>
    // Continuations run on the thread pool, never inline on the writer's loop.
    public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
