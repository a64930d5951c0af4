namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>The body of the privacy topics <c>customers/data_request</c>, <c>customers/redact</c> and <c>shop/redact</c>.</summary>
internal sealed class CompliancePayload
{
    public long? ShopId { get; init; }

    public string? ShopDomain { get; init; }

    /// <summary>The customer; absent for <c>shop/redact</c>. Any of its fields may be missing (some requests carry only an e-mail).</summary>
    public ComplianceCustomerPayload? Customer { get; init; }

    public IReadOnlyList<long>? OrdersToRedact { get; init; }

    public IReadOnlyList<long>? OrdersRequested { get; init; }

    public DataRequestPayload? DataRequest { get; init; }
}
