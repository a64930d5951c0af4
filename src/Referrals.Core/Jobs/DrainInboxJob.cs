using Hangfire;
using Referrals.Core.Messaging;

namespace Referrals.Core.Jobs;

/// <summary>
/// Drains the inbox in batches. Runs on a schedule and whenever a host enqueues it after storing new messages.
/// May run more than once and on several servers at a time: claims make that safe.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DrainInboxJob
{
    private readonly InboxProcessor _processor;

    /// <summary>Creates the job.</summary>
    public DrainInboxJob(InboxProcessor processor)
    {
        _processor = processor;
    }

    /// <summary>Runs one drain (the inbox's own retry schedule handles failures, so Hangfire does not retry).</summary>
    public Task<DrainResult> RunAsync(CancellationToken cancellationToken) => _processor.RunAsync(cancellationToken: cancellationToken);
}
