using System.Collections.Concurrent;

namespace Referrals.ShopifyBridge.Merchants;

/// <summary>
/// Slows password guessing at <c>/login</c>: after <see cref="MaxFailures"/> failed attempts from one address within
/// <see cref="Window"/>, that address is refused (even with the right password) until the window has passed.
/// Per process; thread-safe.
/// </summary>
internal sealed class OperatorLoginThrottle
{
    /// <summary>Failed attempts allowed per address and window.</summary>
    public const int MaxFailures = 5;

    /// <summary>The window failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Bounds memory under a spray from many addresses: past this, expired entries are swept.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public OperatorLoginThrottle(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Whether <paramref name="address"/> may try now.</summary>
    public bool IsBlocked(string address) =>
        _failures.TryGetValue(address, out var entry) && entry.Failures >= MaxFailures && _clock.GetUtcNow() - entry.Since < Window;

    /// <summary>Counts a failed attempt.</summary>
    public void Failed(string address)
    {
        var now = _clock.GetUtcNow();
        _failures.AddOrUpdate(address, _ => (1, now), (_, e) => now - e.Since >= Window ? (1, now) : (e.Failures + 1, e.Since));
        if (_failures.Count > SweepAbove)
        {
            foreach (var (key, value) in _failures)
            {
                if (now - value.Since >= Window)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>Forgets the failures of <paramref name="address"/> after a successful sign-in.</summary>
    public void Succeeded(string address) => _failures.TryRemove(address, out _);
}
