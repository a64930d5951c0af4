using Hangfire;

namespace Referrals.Core.Jobs;

/// <summary>
/// Enqueues an inbox drain after new messages are stored, with at most one such drain pending per process: a burst
/// of deliveries gets one drain, not one job each. The drain clears the mark as it starts, so a message stored after
/// that start enqueues the next one. A mark older than <see cref="PendingFor"/> is taken as lost (its job failed to
/// start, or ran on another server) and a new drain is enqueued; the recurring drain is the safety net behind both.
/// Thread-safe; a singleton.
/// </summary>
public sealed class DrainNudge
{
    /// <summary>How long an enqueued drain that has not started yet holds back further nudges.</summary>
    public static readonly TimeSpan PendingFor = TimeSpan.FromSeconds(30);

    private const long NotPending = long.MinValue;

    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _clock;
    private long _pendingSince = NotPending;

    /// <summary>Creates the nudge.</summary>
    public DrainNudge(IBackgroundJobClient jobs, TimeProvider clock)
    {
        _jobs = jobs;
        _clock = clock;
    }

    /// <summary>Enqueues a drain unless one enqueued here has not started yet.</summary>
    /// <returns>True when a drain was enqueued by this call.</returns>
    /// <exception cref="Exception">Whatever the job storage throws; the mark is cleared, so the next call tries again.</exception>
    public bool Nudge()
    {
        var now = _clock.GetUtcNow().UtcTicks;
        var since = Interlocked.Read(ref _pendingSince);
        if (since != NotPending && now - since < PendingFor.Ticks)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _pendingSince, now, since) != since)
        {
            return false; // another caller enqueued it just now
        }

        try
        {
            _jobs.Enqueue<DrainInboxJob>(job => job.RunAsync(CancellationToken.None));
            return true;
        }
        catch
        {
            Interlocked.CompareExchange(ref _pendingSince, NotPending, now);
            throw;
        }
    }

    /// <summary>Called by the drain as it starts: messages stored from now on need another drain.</summary>
    public void Started() => Interlocked.Exchange(ref _pendingSince, NotPending);
}
