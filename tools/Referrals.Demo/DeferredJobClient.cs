using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Referrals.Demo;

/// <summary>
/// Stands in for Hangfire's job client: it notes what the bridge asked to run (the drain after each webhook) and runs
/// nothing, because the demo runs every job itself, in story order, and prints what each did.
/// </summary>
internal sealed class DeferredJobClient : IBackgroundJobClient
{
    private readonly ConcurrentQueue<Job> _requested = new();

    /// <summary>The jobs the bridge asked for, oldest first.</summary>
    public IReadOnlyList<Job> Requested => [.. _requested];

    /// <inheritdoc />
    public string Create(Job job, IState state)
    {
        _requested.Enqueue(job);
        return _requested.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
