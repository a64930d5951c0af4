namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>The body of <c>refunds/create</c>. It carries no order: only <c>order_id</c>.</summary>
internal sealed class RefundPayload
{
    public long? Id { get; init; }

    public long? OrderId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    public IReadOnlyList<RefundLineItemPayload>? RefundLineItems { get; init; }

    public IReadOnlyList<TransactionPayload>? Transactions { get; init; }
}
