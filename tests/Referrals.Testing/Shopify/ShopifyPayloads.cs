using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify;

/// <summary>Webhook bodies in Shopify's shape (snake_case, money as strings) for cases the fixtures do not cover.</summary>
public static class ShopifyPayloads
{
    /// <summary>The order id of <see cref="ShopifyFixtures.SyntheticPaidOrder"/>.</summary>
    public const long SyntheticOrderId = 820982911946154508;

    /// <summary>The customer id of <see cref="ShopifyFixtures.SyntheticPaidOrder"/>.</summary>
    public const long SyntheticCustomerId = 115310627314723954;

    /// <summary>A paid order with a customer and optional discount codes.</summary>
    public static byte[] PaidOrder(long orderId, decimal total, string email, long customerId, DateTimeOffset createdAt, params string[] discountCodes) =>
        Bytes(new JsonObject
        {
            ["id"] = orderId,
            ["admin_graphql_api_id"] = $"gid://shopify/Order/{orderId}",
            ["name"] = $"#{orderId % 10000}",
            ["email"] = email,
            ["created_at"] = createdAt.ToString("O", CultureInfo.InvariantCulture),
            ["processed_at"] = createdAt.ToString("O", CultureInfo.InvariantCulture),
            ["currency"] = "EUR",
            ["total_price"] = Money(total),
            ["total_price_set"] = MoneySet(total, "EUR"),
            ["financial_status"] = "paid",
            ["discount_codes"] = new JsonArray(discountCodes.Select(c => (JsonNode)new JsonObject { ["code"] = c, ["amount"] = "10.00", ["type"] = "fixed_amount" }).ToArray()),
            ["note_attributes"] = new JsonArray(),
            ["customer"] = new JsonObject
            {
                ["id"] = customerId,
                ["email"] = email,
                ["first_name"] = "Friend",
                ["admin_graphql_api_id"] = $"gid://shopify/Customer/{customerId}",
            },
        });

    /// <summary>A refund of <paramref name="amount"/> with one successful refund transaction.</summary>
    public static byte[] Refund(long orderId, long refundId, decimal amount, string currency = "EUR", DateTimeOffset? at = null) =>
        Bytes(new JsonObject
        {
            ["id"] = refundId,
            ["order_id"] = orderId,
            ["created_at"] = (at ?? new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)).ToString("O", CultureInfo.InvariantCulture),
            ["processed_at"] = (at ?? new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)).ToString("O", CultureInfo.InvariantCulture),
            ["refund_line_items"] = new JsonArray(),
            ["transactions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "refund",
                ["status"] = "success",
                ["amount"] = Money(amount),
                ["currency"] = currency,
            }),
            ["order_adjustments"] = new JsonArray(),
        });

    /// <summary>An <c>orders/fulfilled</c> body: the paid order's fields plus one successful fulfilment made at <paramref name="fulfilledAt"/>.</summary>
    public static byte[] FulfilledOrder(long orderId, decimal total, string email, long customerId, DateTimeOffset createdAt, DateTimeOffset fulfilledAt)
    {
        var order = JsonNode.Parse(PaidOrder(orderId, total, email, customerId, createdAt))!.AsObject();
        order["fulfillment_status"] = "fulfilled";
        order["updated_at"] = fulfilledAt.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture);
        order["fulfillments"] = new JsonArray(
            new JsonObject { ["id"] = orderId + 1, ["status"] = "cancelled", ["created_at"] = fulfilledAt.AddDays(1).ToString("O", CultureInfo.InvariantCulture) },
            new JsonObject { ["id"] = orderId + 2, ["status"] = "success", ["created_at"] = fulfilledAt.ToString("O", CultureInfo.InvariantCulture) });
        return Bytes(order);
    }

    /// <summary>The order <paramref name="body"/> with <c>buyer_accepts_marketing: true</c>.</summary>
    public static byte[] WithMarketingConsent(byte[] body)
    {
        var order = JsonNode.Parse(body)!.AsObject();
        order["buyer_accepts_marketing"] = true;
        return Bytes(order);
    }

    /// <summary>An <c>orders/cancelled</c> body.</summary>
    public static byte[] CancelledOrder(long orderId, string currency, DateTimeOffset cancelledAt) =>
        Bytes(new JsonObject
        {
            ["id"] = orderId,
            ["currency"] = currency,
            ["total_price"] = "90.00",
            ["cancelled_at"] = cancelledAt.ToString("O", CultureInfo.InvariantCulture),
            ["cancel_reason"] = "customer",
            ["financial_status"] = "voided",
        });

    /// <summary>A <c>customers/create</c> or <c>customers/update</c> body.</summary>
    public static byte[] Customer(long id, string? email, string? firstName = null, string? lastName = null, string? phone = null) =>
        Bytes(new JsonObject
        {
            ["id"] = id,
            ["admin_graphql_api_id"] = $"gid://shopify/Customer/{id}",
            ["email"] = email,
            ["first_name"] = firstName,
            ["last_name"] = lastName,
            ["phone"] = phone,
            ["email_marketing_consent"] = new JsonObject { ["state"] = "subscribed" },
        });

    /// <summary>An <c>app/uninstalled</c> body (the Shop resource).</summary>
    public static byte[] Shop(long id, string myshopifyDomain) =>
        Bytes(new JsonObject { ["id"] = id, ["name"] = "Acme", ["myshopify_domain"] = myshopifyDomain, ["plan_name"] = "basic" });

    /// <summary>A <c>customers/redact</c> body; customer fields may be left out as in real requests.</summary>
    public static byte[] CustomerRedact(string shopDomain, long? customerId, string? email, params long[] orders) =>
        Bytes(new JsonObject
        {
            ["shop_id"] = 954889,
            ["shop_domain"] = shopDomain,
            ["customer"] = new JsonObject { ["id"] = customerId, ["email"] = email, ["phone"] = null },
            ["orders_to_redact"] = new JsonArray(orders.Select(o => (JsonNode)o).ToArray()),
        });

    /// <summary>A <c>customers/data_request</c> body.</summary>
    public static byte[] DataRequest(string shopDomain, long? customerId, string? email, long requestId) =>
        Bytes(new JsonObject
        {
            ["shop_id"] = 954889,
            ["shop_domain"] = shopDomain,
            ["orders_requested"] = new JsonArray(),
            ["customer"] = new JsonObject { ["id"] = customerId, ["email"] = email, ["phone"] = null },
            ["data_request"] = new JsonObject { ["id"] = requestId },
        });

    /// <summary>A <c>shop/redact</c> body.</summary>
    public static byte[] ShopRedact(string shopDomain) => Bytes(new JsonObject { ["shop_id"] = 954889, ["shop_domain"] = shopDomain });

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static JsonObject MoneySet(decimal amount, string currency) => new()
    {
        ["shop_money"] = new JsonObject { ["amount"] = Money(amount), ["currency_code"] = currency },
        ["presentment_money"] = new JsonObject { ["amount"] = Money(amount), ["currency_code"] = currency },
    };

    private static byte[] Bytes(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json);
}
