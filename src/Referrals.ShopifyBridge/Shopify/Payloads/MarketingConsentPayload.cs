namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>A customer's e-mail marketing consent; <c>state</c> is <c>subscribed</c>, <c>not_subscribed</c>, <c>pending</c>, ...</summary>
internal sealed class MarketingConsentPayload
{
    public string? State { get; init; }
}
