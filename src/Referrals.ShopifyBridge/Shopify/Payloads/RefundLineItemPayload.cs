namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>A refunded line. <c>subtotal</c> and <c>total_tax</c> are JSON numbers here, unlike the Order's money strings.</summary>
internal sealed class RefundLineItemPayload
{
    public decimal? Subtotal { get; init; }

    public decimal? TotalTax { get; init; }

    public MoneySetPayload? SubtotalSet { get; init; }

    public MoneySetPayload? TotalTaxSet { get; init; }
}
