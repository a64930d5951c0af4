using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// <c>orders/fulfilled</c>: keeps the buyer's contact current, stores the fulfilment time on the order and plans the
/// buyer's fulfilment ask (<see cref="OrderEventProcessor.ProcessFulfilledAsync"/>). Before <c>orders/paid</c> the time
/// is recorded and the ask follows with the payment.
/// </summary>
internal sealed class OrderFulfilledHandler : ShopifyInboxHandler
{
    private readonly ContactDirectory _contacts;
    private readonly OrderEventProcessor _orders;

    public OrderFulfilledHandler(ContactDirectory contacts, OrderEventProcessor orders, ILogger<OrderFulfilledHandler> logger)
        : base(logger)
    {
        _contacts = contacts;
        _orders = orders;
    }

    public override bool Handles(string topic) => topic == ShopifyTopics.OrdersFulfilled;

    // The engine reads the program's settings; nothing here changes the tenant.
    protected override bool OnlyReadsTenant => true;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var order = ShopifyPayload.Read(message, ShopifyJsonContext.Default.OrderPayload);
        var fulfilled = OrderMapper.ToFulfilled(order, message.Topic, message.ReceivedAt);
        var buyer = CustomerMapper.FromOrder(order);
        if (CustomerMapper.IsIdentifiable(buyer))
        {
            await _contacts.UpsertAsync(db, tenant.Id, buyer, ContactKind.Client, cancellationToken);
        }

        await _orders.ProcessFulfilledAsync(db, tenant, fulfilled, cancellationToken);
        Logger.LogInformation("Shopify order {OrderId} of {Shop} fulfilled at {FulfilledAt}", fulfilled.OrderId, tenant.Key, fulfilled.At);
    }
}
