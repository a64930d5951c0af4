namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>Who a privacy request is about.</summary>
internal sealed class ComplianceCustomerPayload
{
    public long? Id { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}
