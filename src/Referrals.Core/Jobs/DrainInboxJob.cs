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
    private readonly DrainNudge _nudge;

    /// <summary>Creates the job.</summary>
    public DrainInboxJob(InboxProcessor processor, DrainNudge nudge)
    {
        _processor = processor;
        _nudge = nudge;
    }

    /// <summary>Runs one drain (the inbox's own retry schedule handles failures, so Hangfire does not retry).</summary>
    public Task<DrainResult> RunAsync(CancellationToken cancellationToken)
    {
        // Before the first claim: whatever is stored from here on may be missed by this run, so it nudges anew.
        _nudge.Started();
        return _processor.RunAsync(cancellationToken: cancellationToken);
    }
}
