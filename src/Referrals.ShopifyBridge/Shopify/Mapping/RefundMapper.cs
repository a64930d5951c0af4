using Referrals.Core;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Shopify.Mapping;

/// <summary>Turns a <c>refunds/create</c> body into the engine's <see cref="OrderRefunded"/>.</summary>
/// <remarks>
/// The amount is the money that went back: the successful <c>refund</c> transactions. A refund without any transaction
/// (Shopify's sample has none) is valued at its lines' subtotals plus their tax, which is what the buyer paid for them.
/// Shop money is preferred over the buyer's currency, as for the order total.
/// </remarks>
internal static class RefundMapper
{
    /// <returns>The refund, or null when it returned no money (nothing to take back).</returns>
    /// <exception cref="PermanentMessageException">The ids are missing, or the amounts have no or mixed currencies.</exception>
    public static OrderRefunded? ToRefund(RefundPayload refund, string topic, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var orderId = PayloadFields.RequireId(refund.OrderId, topic, "order_id", "the refund cannot be matched to an order without it");
        var refundId = PayloadFields.RequireId(refund.Id, topic, "id", "repeated refunds are recognised by it");
        var parts = refund.Transactions is { Count: > 0 } transactions
            ? transactions.Where(IsMoneyBack).Select(t => Pick(t.AmountSet, t.Amount, t.Currency, topic, "transactions.amount")).ToList()
            : (refund.RefundLineItems ?? [])
                .SelectMany(l => new[]
                {
                    Pick(l.SubtotalSet, l.Subtotal, null, topic, "refund_line_items.subtotal"),
                    Pick(l.TotalTaxSet, l.TotalTax, null, topic, "refund_line_items.total_tax"),
                })
                .ToList();

        var amount = parts.Sum(p => p.Amount);
        if (amount == 0m)
        {
            return null;
        }

        var currencies = parts.Where(p => p.Amount != 0m).Select(p => p.Currency).Distinct(StringComparer.Ordinal).ToList();
        if (currencies.Contains(null))
        {
            throw new PermanentMessageException($"The {topic} body has a refunded amount without a currency.");
        }

        if (currencies.Count > 1)
        {
            throw new PermanentMessageException($"The {topic} body mixes currencies ({string.Join(", ", currencies)}); one refund is expected in one currency.");
        }

        var at = (refund.ProcessedAt ?? refund.CreatedAt ?? receivedAt).ToUniversalTime();
        return new OrderRefunded(orderId, refundId, new Money(amount, currencies[0]!), at);
    }

    private static bool IsMoneyBack(TransactionPayload transaction) =>
        string.Equals(transaction.Kind, "refund", StringComparison.OrdinalIgnoreCase)
        && string.Equals(transaction.Status, "success", StringComparison.OrdinalIgnoreCase);

    private static (decimal Amount, string? Currency) Pick(MoneySetPayload? set, decimal? amount, string? currency, string topic, string field) =>
        set?.ShopMoney is { Amount: { } shopAmount } shop
            ? (shopAmount, PayloadFields.Currency(shop.CurrencyCode, topic, field + "_set.shop_money.currency_code"))
            : (amount ?? 0m, PayloadFields.Currency(currency, topic, field.Replace(".amount", ".currency", StringComparison.Ordinal)));
}
