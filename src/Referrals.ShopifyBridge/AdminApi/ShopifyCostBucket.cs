namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// The client's picture of one shop's query-cost bucket (Shopify's leaky bucket, in points), kept from the
/// <c>throttleStatus</c> of each response. Thread-safe; see <see cref="ShopifyThrottle"/> for the algorithm.
/// </summary>
internal sealed class ShopifyCostBucket
{
    /// <summary>The wait used when a shop reports no restore rate, so a caller never spins or waits forever.</summary>
    internal static readonly TimeSpan FallbackWait = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private bool _known;
    private double _maximum;
    private double _available;
    private double _restoreRate;
    private long _observedAt;

    public ShopifyCostBucket(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The last figures, brought forward to now; null until a response reported them.</summary>
    public ShopifyThrottleStatus? Current
    {
        get
        {
            lock (_lock)
            {
                return _known ? new ShopifyThrottleStatus(_maximum, AvailableNow(), _restoreRate) : null;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="cost"/> points if the bucket holds them now and returns <see cref="TimeSpan.Zero"/>;
    /// otherwise takes nothing and returns how long until it will (then call again). An unknown bucket never waits.
    /// </summary>
    public TimeSpan TryReserve(int cost)
    {
        lock (_lock)
        {
            if (!_known)
            {
                return TimeSpan.Zero;
            }

            var need = Math.Min(cost, _maximum);
            var available = AvailableNow();
            if (available >= need)
            {
                _available = available - need;
                _observedAt = _time.GetTimestamp();
                return TimeSpan.Zero;
            }

            return WaitFor(need - available);
        }
    }

    /// <summary>How long until the bucket holds <paramref name="cost"/> points (capped at its size), without taking them.</summary>
    public TimeSpan TimeUntilAvailable(int cost)
    {
        lock (_lock)
        {
            if (!_known)
            {
                return TimeSpan.Zero;
            }

            var missing = Math.Min(cost, _maximum) - AvailableNow();
            return missing <= 0 ? TimeSpan.Zero : WaitFor(missing);
        }
    }

    /// <summary>Replaces the picture with what Shopify just reported: Shopify is the authority.</summary>
    public void Observe(ShopifyThrottleStatus status)
    {
        lock (_lock)
        {
            _known = true;
            _maximum = Math.Max(0, status.MaximumAvailable);
            _available = Math.Clamp(status.CurrentlyAvailable, 0, _maximum);
            _restoreRate = Math.Max(0, status.RestoreRate);
            _observedAt = _time.GetTimestamp();
        }
    }

    private double AvailableNow() =>
        Math.Min(_maximum, _available + (_restoreRate * _time.GetElapsedTime(_observedAt).TotalSeconds));

    private TimeSpan WaitFor(double missingPoints)
    {
        if (_restoreRate <= 0)
        {
            return FallbackWait;
        }

        // Round up to whole milliseconds so the wait is never a hair short of the points needed.
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(missingPoints / _restoreRate * 1000)));
    }
}
