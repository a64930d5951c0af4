using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary><c>orders/paid</c>: records the order and converts the referral it carries (code, cart attribute, link or invited e-mail).</summary>
internal sealed class OrderPaidHandler : ShopifyInboxHandler
{
    private readonly OrderEventProcessor _orders;

    public OrderPaidHandler(OrderEventProcessor orders, ILogger<OrderPaidHandler> logger)
        : base(logger)
    {
        _orders = orders;
    }

    public override bool Handles(string topic) => topic == ShopifyTopics.OrdersPaid;

    // The engine reads the program's settings; nothing here changes the tenant.
    protected override bool OnlyReadsTenant => true;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var paid = OrderMapper.ToPaidOrder(ShopifyPayload.Read(message, ShopifyJsonContext.Default.OrderPayload), message.Topic);
        var outcome = await _orders.ProcessPaidAsync(db, tenant, paid, cancellationToken);
        Logger.LogInformation("Shopify order {OrderId} of {Shop} paid: {Status} ({Rule})", paid.OrderId, tenant.Key, outcome.Status, outcome.Rule);
    }
}
