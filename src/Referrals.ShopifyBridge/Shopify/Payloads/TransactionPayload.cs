namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>A payment transaction of a refund; money went back to the buyer when <c>kind</c> is <c>refund</c> and <c>status</c> <c>success</c>.</summary>
internal sealed class TransactionPayload
{
    public string? Kind { get; init; }

    public string? Status { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public MoneySetPayload? AmountSet { get; init; }
}
