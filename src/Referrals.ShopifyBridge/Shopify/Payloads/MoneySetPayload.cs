namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>An amount in the shop's currency and in the buyer's (<c>*_set</c> fields).</summary>
internal sealed class MoneySetPayload
{
    public MoneyPayload? ShopMoney { get; init; }

    public MoneyPayload? PresentmentMoney { get; init; }
}
