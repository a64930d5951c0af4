using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>Whether a shop is connected: a tenant with its domain as key exists (installed or uninstalled, until it is erased).</summary>
internal sealed class ConnectedShops
{
    private readonly ReferralsDbContextFactory _factory;

    public ConnectedShops(ReferralsDbContextFactory factory)
    {
        _factory = factory;
    }

    /// <param name="shopDomain">A validated, lower-case shop domain.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    public async Task<bool> IsConnectedAsync(string shopDomain, CancellationToken cancellationToken)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Tenants.AsNoTracking().AnyAsync(t => t.Key == shopDomain, cancellationToken);
    }
}
