namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>Shopify's Customer resource: embedded in orders and the body of <c>customers/create</c> and <c>customers/update</c>.</summary>
internal sealed class CustomerPayload
{
    public long? Id { get; init; }

    public string? AdminGraphqlApiId { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    /// <summary>Legacy field; still sent by some API versions. Includes the order being reported.</summary>
    public int? OrdersCount { get; init; }

    /// <summary>Legacy consent flag; <see cref="EmailMarketingConsent"/> wins when both are present.</summary>
    public bool? AcceptsMarketing { get; init; }

    public MarketingConsentPayload? EmailMarketingConsent { get; init; }

    public AddressPayload? DefaultAddress { get; init; }

    public IReadOnlyList<AddressPayload>? Addresses { get; init; }
}
