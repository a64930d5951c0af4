namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>An amount (a decimal string in Shopify's JSON) and its ISO 4217 currency.</summary>
internal sealed class MoneyPayload
{
    public decimal? Amount { get; init; }

    public string? CurrencyCode { get; init; }
}
