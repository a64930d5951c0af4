using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>Records enqueued jobs instead of running them, so tests drain when they choose; can be told to fail.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<Job> Created { get; } = new();

    public bool Fail { get; set; }

    public string Create(Job job, IState state)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The job storage is unavailable (test).");
        }

        Created.Enqueue(job);
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
