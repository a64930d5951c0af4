using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Referrals.Umbraco.Configuration;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// Fixed-window limits per client address for the refer-a-friend form. Kept inside the package (not the site's
/// rate-limiting middleware) so it works wherever Umbraco puts routing and never changes the site's own limits.
/// </summary>
internal sealed class ReferFormRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ReferFormRateLimiter(IOptions<ReferralsUmbracoOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.ReferFormPermitLimit,
            Window = TimeSpan.FromMinutes(settings.ReferFormWindowMinutes),
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes one permit for <paramref name="client"/>; false when the window is used up.</summary>
    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
