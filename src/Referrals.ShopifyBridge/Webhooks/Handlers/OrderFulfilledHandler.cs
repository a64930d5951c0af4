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
/// <c>orders/fulfilled</c>: keeps the buyer's contact current. The fulfilment time is not stored yet: the engine has
/// no field for it and no fulfilment-triggered asks exist so far; the ask timeline will add both.
/// </summary>
internal sealed class OrderFulfilledHandler : ShopifyInboxHandler
{
    private readonly ContactDirectory _contacts;

    public OrderFulfilledHandler(ContactDirectory contacts, ILogger<OrderFulfilledHandler> logger)
        : base(logger)
    {
        _contacts = contacts;
    }

    public override bool Handles(string topic) => topic == ShopifyTopics.OrdersFulfilled;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var order = ShopifyPayload.Read(message, ShopifyJsonContext.Default.OrderPayload);
        PayloadFields.RequireId(order.Id, message.Topic, "id", "the fulfilment cannot be matched to an order without it");
        var buyer = CustomerMapper.FromOrder(order);
        if (!CustomerMapper.IsIdentifiable(buyer))
        {
            Logger.LogInformation("Shopify order {OrderId} of {Shop} fulfilled; the buyer has no id or e-mail, nothing to update", order.Id, tenant.Key);
            return;
        }

        await _contacts.UpsertAsync(db, tenant.Id, buyer, ContactKind.Client, cancellationToken);
        Logger.LogInformation("Shopify order {OrderId} of {Shop} fulfilled; buyer contact updated (fulfilment time not stored yet)", order.Id, tenant.Key);
    }
}
