namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>The buyer's browser, as Shopify saw it at checkout.</summary>
internal sealed class ClientDetailsPayload
{
    public string? BrowserIp { get; init; }

    public string? UserAgent { get; init; }
}
