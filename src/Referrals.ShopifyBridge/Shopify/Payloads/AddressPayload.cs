using System.Text.Json.Serialization;

namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>A postal address (customer default, shipping or billing).</summary>
internal sealed class AddressPayload
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    [JsonPropertyName("address1")]
    public string? Address1 { get; init; }

    [JsonPropertyName("address2")]
    public string? Address2 { get; init; }

    public string? City { get; init; }

    public string? Zip { get; init; }

    public string? CountryCode { get; init; }

    public string? Phone { get; init; }

    public bool? Default { get; init; }
}
