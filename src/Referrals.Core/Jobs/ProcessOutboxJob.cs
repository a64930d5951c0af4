using Hangfire;
using Referrals.Core.Messaging;

namespace Referrals.Core.Jobs;

/// <summary>Carries out due outbox messages. May run more than once and on several servers at a time.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ProcessOutboxJob
{
    private readonly OutboxProcessor _processor;

    /// <summary>Creates the job.</summary>
    public ProcessOutboxJob(OutboxProcessor processor)
    {
        _processor = processor;
    }

    /// <summary>Runs one pass.</summary>
    public Task<DrainResult> RunAsync(CancellationToken cancellationToken) => _processor.RunAsync(cancellationToken: cancellationToken);
}
