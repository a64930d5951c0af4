namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>A discount code applied at checkout.</summary>
internal sealed class DiscountCodePayload
{
    public string? Code { get; init; }
}
