using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>app/uninstalled</c>: marks the shop uninstalled and forgets its (revoked) tokens, after which no other topic is applied for it (its token is
/// revoked anyway). Its data stays until <c>shop/redact</c>, 48 hours later.
/// </summary>
internal sealed class AppUninstalledHandler : ShopifyInboxHandler
{
    public AppUninstalledHandler(ILogger<AppUninstalledHandler> logger)
        : base(logger)
    {
    }

    protected override bool RunsForUninstalledShops => true;

    public override bool Handles(string topic) => topic == ShopifyTopics.AppUninstalled;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var shop = ShopifyPayload.Read(message, ShopifyJsonContext.Default.ShopPayload);
        ShopCheck.ThrowIfOtherShop(shop.MyshopifyDomain, tenant, message.Topic);
        tenant.MarkUninstalled(message.ReceivedAt);

        // Shopify revoked the token: nothing of it is kept, the status page shows why, and a reinstall replaces it.
        var connection = await db.TenantConnections.SingleOrDefaultAsync(c => c.TenantId == tenant.Id, cancellationToken);
        connection?.Revoke("The store uninstalled the app. Install it again to reconnect.", message.ReceivedAt);
        Logger.LogInformation("Shopify shop {Shop} uninstalled the app; nothing more is done for it", tenant.Key);
    }
}
