namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>The fields of Shopify's Order resource (all <c>orders/*</c> topics) the bridge reads; the rest is ignored.</summary>
internal sealed class OrderPayload
{
    public long? Id { get; init; }

    public string? AdminGraphqlApiId { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? ContactEmail { get; init; }

    public string? Phone { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public string? Currency { get; init; }

    public decimal? TotalPrice { get; init; }

    public MoneySetPayload? TotalPriceSet { get; init; }

    public bool? BuyerAcceptsMarketing { get; init; }

    public CustomerPayload? Customer { get; init; }

    public AddressPayload? ShippingAddress { get; init; }

    public AddressPayload? BillingAddress { get; init; }

    public IReadOnlyList<DiscountCodePayload>? DiscountCodes { get; init; }

    public IReadOnlyList<NoteAttributePayload>? NoteAttributes { get; init; }

    public string? LandingSite { get; init; }

    public string? LandingSiteRef { get; init; }

    public string? BrowserIp { get; init; }

    public ClientDetailsPayload? ClientDetails { get; init; }

    public IReadOnlyList<FulfillmentPayload>? Fulfillments { get; init; }
}
