using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary><c>refunds/create</c>: takes back the refunded share of the order's rewards (kept until the payment arrives, if it has not).</summary>
internal sealed class RefundCreatedHandler : ShopifyInboxHandler
{
    private readonly OrderEventProcessor _orders;

    public RefundCreatedHandler(OrderEventProcessor orders, ILogger<RefundCreatedHandler> logger)
        : base(logger)
    {
        _orders = orders;
    }

    public override bool Handles(string topic) => topic == ShopifyTopics.RefundsCreate;

    // The engine reads the program's settings; nothing here changes the tenant.
    protected override bool OnlyReadsTenant => true;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var refund = RefundMapper.ToRefund(ShopifyPayload.Read(message, ShopifyJsonContext.Default.RefundPayload), message.Topic, message.ReceivedAt);
        if (refund is null)
        {
            Logger.LogInformation("Shopify refund (inbox row {MessageId}) of {Shop} returned no money; nothing to take back", message.Id, tenant.Key);
            return;
        }

        await _orders.ProcessRefundAsync(db, tenant, refund, cancellationToken);
        Logger.LogInformation("Shopify refund {RefundId} of order {OrderId} of {Shop} recorded: {Amount}", refund.RefundId, refund.OrderId, tenant.Key, refund.Amount);
    }
}
