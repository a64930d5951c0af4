namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>One fulfilment of an order (the <c>fulfillments</c> array of <c>orders/fulfilled</c>).</summary>
internal sealed class FulfillmentPayload
{
    public DateTimeOffset? CreatedAt { get; init; }

    public string? Status { get; init; }
}
