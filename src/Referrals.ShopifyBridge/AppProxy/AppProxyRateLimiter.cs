using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// Limits "Who do you know" posts per shop and visitor address (fixed window, from <see cref="AppProxyOptions"/>), so a
/// signed-in customer cannot turn the form into a mailing tool. In memory, per instance. Thread-safe.
/// </summary>
public sealed class AppProxyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>Creates the limiter.</summary>
    public AppProxyRateLimiter(IOptions<AppProxyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.InvitePermitLimit,
            Window = TimeSpan.FromSeconds(limits.InviteWindowSeconds),
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes one permit for <paramref name="shop"/> and <paramref name="address"/>; false when the window is used up.</summary>
    public bool TryAcquire(string shop, string address)
    {
        using var lease = _limiter.AttemptAcquire(shop + "|" + address);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
