namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>The Shop resource, the body of <c>app/uninstalled</c>.</summary>
internal sealed class ShopPayload
{
    public long? Id { get; init; }

    public string? MyshopifyDomain { get; init; }
}
