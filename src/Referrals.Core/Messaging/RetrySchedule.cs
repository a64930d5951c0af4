namespace Referrals.Core.Messaging;

/// <summary>
/// When to try a failed message again: exponential back-off from <see cref="BaseDelay"/>, capped at
/// <see cref="MaxDelay"/>, and dead-lettered after <see cref="MaxAttempts"/>.
/// </summary>
public sealed class RetrySchedule
{
    /// <summary>Default delay after the first failure.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(10);

    /// <summary>Default longest delay.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromHours(1);

    /// <summary>Default attempts before a message is dead-lettered.</summary>
    public const int DefaultMaxAttempts = 8;

    /// <summary>Delay after the first failure.</summary>
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>Longest delay.</summary>
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <summary>Attempts before dead-lettering.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>Whether a message that has failed <paramref name="attempts"/> times is given up on.</summary>
    public bool IsExhausted(int attempts) => attempts >= MaxAttempts;

    /// <summary>When a message that has now failed <paramref name="attempts"/> times may be tried again.</summary>
    /// <param name="attempts">Failures so far, at least 1.</param>
    /// <param name="now">The time of the failure.</param>
    /// <param name="jitterSeed">A value that spreads retries of different messages apart (for example the row id); deterministic so tests can predict it.</param>
    public DateTimeOffset NextAttempt(int attempts, DateTimeOffset now, long jitterSeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var exponent = Math.Min(attempts - 1, 30);
        var delayTicks = Math.Min(BaseDelay.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks);
        // Up to +20 % jitter so a burst of failures does not retry in lock-step.
        var jitter = (ulong)jitterSeed * 2654435761UL % 1000 / 5000d;
        return now + TimeSpan.FromTicks((long)Math.Min(delayTicks * (1 + jitter), TimeSpan.MaxValue.Ticks / 2));
    }
}
