namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>Shopify's id of a data request.</summary>
internal sealed class DataRequestPayload
{
    public long? Id { get; init; }
}
