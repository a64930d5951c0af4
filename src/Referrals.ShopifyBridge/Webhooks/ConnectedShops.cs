using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>
/// Whether a shop is connected: a tenant with its domain as key exists (installed or uninstalled, until it is erased).
/// A shop found connected is remembered for <see cref="CacheFor"/>, so webhooks do not each pay a query; a shop not
/// found is looked up again every time, so a shop connected a moment ago is accepted at once.
/// </summary>
internal sealed class ConnectedShops
{
    /// <summary>How long a shop found connected is taken as connected without asking the database again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _connected = new(StringComparer.Ordinal);
    private readonly ReferralsDbContextFactory _factory;
    private readonly TimeProvider _clock;

    public ConnectedShops(ReferralsDbContextFactory factory, TimeProvider clock)
    {
        _factory = factory;
        _clock = clock;
    }

    /// <param name="shopDomain">A validated, lower-case shop domain.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    public async ValueTask<bool> IsConnectedAsync(string shopDomain, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_connected.TryGetValue(shopDomain, out var foundAt) && now - foundAt < CacheFor)
        {
            return true;
        }

        await using var db = _factory.CreateDbContext();
        if (!await db.Tenants.AsNoTracking().AnyAsync(t => t.Key == shopDomain, cancellationToken))
        {
            _connected.TryRemove(shopDomain, out _);
            return false;
        }

        _connected[shopDomain] = now;
        return true;
    }
}
