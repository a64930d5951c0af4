namespace Referrals.Demo;

/// <summary>
/// The system clock plus an offset that only grows: time runs on normally (timers, timeouts and retries keep working)
/// and <see cref="Advance"/> jumps ahead, so the demo can pass a 30-day hold in a moment.
/// </summary>
internal sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far the clock has been moved ahead of the system clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock ahead by <paramref name="by"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative: time does not go back.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
