using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary><c>orders/cancelled</c>: voids the order's pending rewards, claws back paid ones and rejects its referral.</summary>
internal sealed class OrderCancelledHandler : ShopifyInboxHandler
{
    private readonly OrderEventProcessor _orders;

    public OrderCancelledHandler(OrderEventProcessor orders, ILogger<OrderCancelledHandler> logger)
        : base(logger)
    {
        _orders = orders;
    }

    public override bool Handles(string topic) => topic == ShopifyTopics.OrdersCancelled;

    // The engine reads the program's settings; nothing here changes the tenant.
    protected override bool OnlyReadsTenant => true;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var cancelled = OrderMapper.ToCancelled(ShopifyPayload.Read(message, ShopifyJsonContext.Default.OrderPayload), message.Topic, message.ReceivedAt);
        await _orders.ProcessCancelledAsync(db, tenant, cancelled, cancellationToken);
        Logger.LogInformation("Shopify order {OrderId} of {Shop} cancelled", cancelled.OrderId, tenant.Key);
    }
}
