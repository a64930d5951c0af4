using System.Globalization;
using System.Text.Json;
using Referrals.Core;
using Referrals.Core.Engine;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Shopify.Mapping;

/// <summary>Turns Shopify orders into the engine's order events.</summary>
internal static class OrderMapper
{
    private const int OrderNameLength = 50;
    private const int UserAgentLength = 1000;
    private const int IpLength = 50;

    /// <summary>An <c>orders/paid</c> body as a <see cref="PaidOrder"/>.</summary>
    /// <exception cref="Core.Messaging.PermanentMessageException">The id, the total or its currency, or the creation time is missing.</exception>
    public static PaidOrder ToPaidOrder(OrderPayload order, string topic)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderId = PayloadFields.RequireId(order.Id, topic, "id", "the order cannot be recorded without it");
        var total = TotalOf(order, topic);
        var placedAt = order.CreatedAt ?? order.ProcessedAt
            ?? throw PayloadFields.Missing(topic, "created_at", "attribution windows are measured from it");
        var customer = order.Customer;
        return new PaidOrder
        {
            OrderId = orderId,
            Name = PayloadFields.Text(order.Name, OrderNameLength),
            Total = total,
            PlacedAt = placedAt.ToUniversalTime(),
            PaidAt = order.ProcessedAt?.ToUniversalTime(),
            Customer = CustomerMapper.FromOrder(order),

            // orders_count includes the order being reported.
            PreviousOrderCount = customer?.OrdersCount is { } count ? Math.Max(0, count - 1) : null,
            DiscountCodes = order.DiscountCodes?.Select(d => PayloadFields.Text(d.Code, 255)).OfType<string>().ToArray() ?? [],
            NoteAttributes = order.NoteAttributes?.Select(ToPair).OfType<KeyValuePair<string, string>>().ToArray() ?? [],
            LandingSite = PayloadFields.Text(order.LandingSite, 2048),
            LandingSiteRef = PayloadFields.Text(order.LandingSiteRef, 255),
            BrowserIp = PayloadFields.Text(order.BrowserIp ?? order.ClientDetails?.BrowserIp, IpLength),
            UserAgent = PayloadFields.Text(order.ClientDetails?.UserAgent, UserAgentLength),
        };
    }

    /// <summary>An <c>orders/cancelled</c> body as an <see cref="OrderCancelled"/>; without a cancel time, the time it was received.</summary>
    /// <exception cref="Core.Messaging.PermanentMessageException">The id or the currency is missing.</exception>
    public static OrderCancelled ToCancelled(OrderPayload order, string topic, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderId = PayloadFields.RequireId(order.Id, topic, "id", "the cancellation cannot be matched to an order without it");
        var currency = PayloadFields.Currency(order.TotalPriceSet?.ShopMoney?.CurrencyCode, topic, "total_price_set.shop_money.currency_code")
            ?? PayloadFields.Currency(order.Currency, topic, "currency")
            ?? throw PayloadFields.Missing(topic, "currency", "an order not seen yet is recorded in its currency");
        return new OrderCancelled(orderId, currency, (order.CancelledAt ?? order.UpdatedAt ?? receivedAt).ToUniversalTime());
    }

    /// <summary>
    /// An <c>orders/fulfilled</c> body as an <see cref="OrderFulfilled"/>. The order is fulfilled when its last
    /// successful fulfilment was made (the topic fires once everything has shipped); without fulfilment times, its
    /// update time, and failing that the time the webhook was received.
    /// </summary>
    /// <exception cref="Core.Messaging.PermanentMessageException">The id is missing.</exception>
    public static OrderFulfilled ToFulfilled(OrderPayload order, string topic, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(order);
        var orderId = PayloadFields.RequireId(order.Id, topic, "id", "the fulfilment cannot be matched to an order without it");
        var currency = PayloadFields.Currency(order.TotalPriceSet?.ShopMoney?.CurrencyCode, topic, "total_price_set.shop_money.currency_code")
            ?? PayloadFields.Currency(order.Currency, topic, "currency")
            ?? "";
        var shipped = order.Fulfillments?
            .Where(f => f.CreatedAt is not null && !string.Equals(f.Status, "cancelled", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(f.Status, "failure", StringComparison.OrdinalIgnoreCase) && !string.Equals(f.Status, "error", StringComparison.OrdinalIgnoreCase))
            .Max(f => f.CreatedAt);
        return new OrderFulfilled(orderId, (shipped ?? order.UpdatedAt ?? receivedAt).ToUniversalTime(), currency);
    }

    // The shop's money: rewards and the program are in the shop's currency, not the buyer's.
    private static Money TotalOf(OrderPayload order, string topic)
    {
        if (order.TotalPriceSet?.ShopMoney is { Amount: { } amount } shop
            && PayloadFields.Currency(shop.CurrencyCode, topic, "total_price_set.shop_money.currency_code") is { } shopCurrency)
        {
            return new Money(amount, shopCurrency);
        }

        var total = order.TotalPrice ?? throw PayloadFields.Missing(topic, "total_price", "the order's value decides the reward");
        var currency = PayloadFields.Currency(order.Currency, topic, "currency")
            ?? throw PayloadFields.Missing(topic, "currency", "an amount means nothing without its currency");
        return new Money(total, currency);
    }

    private static KeyValuePair<string, string>? ToPair(NoteAttributePayload attribute)
    {
        var value = attribute.Value.ValueKind switch
        {
            JsonValueKind.String => attribute.Value.GetString(),
            JsonValueKind.Number => attribute.Value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => attribute.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
            _ => null,
        };
        return PayloadFields.Text(attribute.Name, 255) is { } name && PayloadFields.Text(value, 1000) is { } text
            ? KeyValuePair.Create(name, text)
            : null;
    }
}
