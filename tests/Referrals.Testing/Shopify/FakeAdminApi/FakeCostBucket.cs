namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>Shopify's leaky bucket for one shop, as the fake keeps it: points restore continuously up to the maximum.</summary>
internal sealed class FakeCostBucket
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _maximum;
    private double _restoreRate;
    private double _available;
    private long _at;

    public FakeCostBucket(TimeProvider time, double maximum, double restoreRate)
    {
        _time = time;
        _maximum = maximum;
        _restoreRate = restoreRate;
        _available = maximum;
        _at = time.GetTimestamp();
    }

    /// <summary>Takes <paramref name="cost"/> points if there are enough; returns whether it did and the status after.</summary>
    public (bool Taken, double Maximum, double Available, double RestoreRate) TryTake(int cost)
    {
        lock (_lock)
        {
            Refill();
            var taken = _available >= cost;
            if (taken)
            {
                _available -= cost;
            }

            return (taken, _maximum, Math.Floor(_available), _restoreRate);
        }
    }

    /// <summary>Empties the bucket (an injected THROTTLED).</summary>
    public void Drain() => Set(0, null);

    /// <summary>Sets the points available now and, when given, the restore rate.</summary>
    public void Set(double available, double? restoreRate)
    {
        lock (_lock)
        {
            Refill();
            _available = Math.Clamp(available, 0, _maximum);
            _restoreRate = restoreRate ?? _restoreRate;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _available = Math.Min(_maximum, _available + (_restoreRate * _time.GetElapsedTime(_at, now).TotalSeconds));
        _at = now;
    }
}
