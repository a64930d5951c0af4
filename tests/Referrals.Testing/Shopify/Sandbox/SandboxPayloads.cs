using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify.Sandbox;

/// <summary>Webhook bodies of the sandbox store, in Shopify's REST shape (snake_case, money as strings).</summary>
internal static class SandboxPayloads
{
    public static byte[] PaidOrder(SandboxOrder order, SandboxPurchase purchase, string currency)
    {
        var json = Order(order, currency);
        json["financial_status"] = "paid";
        json["discount_codes"] = new JsonArray([.. purchase.DiscountCodes.Select(c => (JsonNode)new JsonObject { ["code"] = c, ["amount"] = "0.00", ["type"] = "fixed_amount" })]);
        json["note_attributes"] = new JsonArray([.. purchase.NoteAttributes.Select(a => (JsonNode)new JsonObject { ["name"] = a.Key, ["value"] = a.Value })]);
        json["landing_site"] = purchase.LandingSite;
        return Bytes(json);
    }

    public static byte[] FulfilledOrder(SandboxOrder order, string currency, DateTimeOffset fulfilledAt)
    {
        var json = Order(order, currency);
        json["financial_status"] = "paid";
        json["fulfillment_status"] = "fulfilled";
        json["updated_at"] = Time(fulfilledAt);
        json["fulfillments"] = new JsonArray(new JsonObject { ["id"] = order.Id + 1, ["status"] = "success", ["created_at"] = Time(fulfilledAt) });
        return Bytes(json);
    }

    public static byte[] CancelledOrder(SandboxOrder order, string currency, DateTimeOffset cancelledAt)
    {
        var json = Order(order, currency);
        json["financial_status"] = "voided";
        json["cancelled_at"] = Time(cancelledAt);
        json["cancel_reason"] = "customer";
        return Bytes(json);
    }

    public static byte[] Refund(SandboxOrder order, long refundId, decimal amount, string currency, DateTimeOffset at) =>
        Bytes(new JsonObject
        {
            ["id"] = refundId,
            ["admin_graphql_api_id"] = $"gid://shopify/Refund/{refundId}",
            ["order_id"] = order.Id,
            ["created_at"] = Time(at),
            ["processed_at"] = Time(at),
            ["refund_line_items"] = new JsonArray(),
            ["order_adjustments"] = new JsonArray(),
            ["transactions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "refund",
                ["status"] = "success",
                ["amount"] = Money(amount),
                ["currency"] = currency,
            }),
        });

    private static JsonObject Order(SandboxOrder order, string currency) => new()
    {
        ["id"] = order.Id,
        ["admin_graphql_api_id"] = order.Gid,
        ["name"] = order.Name,
        ["email"] = order.Customer.Email,
        ["contact_email"] = order.Customer.Email,
        ["created_at"] = Time(order.CreatedAt),
        ["processed_at"] = Time(order.CreatedAt),
        ["currency"] = currency,
        ["total_price"] = Money(order.Total),
        ["total_price_set"] = new JsonObject
        {
            ["shop_money"] = new JsonObject { ["amount"] = Money(order.Total), ["currency_code"] = currency },
            ["presentment_money"] = new JsonObject { ["amount"] = Money(order.Total), ["currency_code"] = currency },
        },
        ["buyer_accepts_marketing"] = order.Customer.AcceptsMarketing,
        ["discount_codes"] = new JsonArray(),
        ["note_attributes"] = new JsonArray(),
        ["customer"] = new JsonObject
        {
            ["id"] = order.Customer.Id,
            ["admin_graphql_api_id"] = order.Customer.Gid,
            ["email"] = order.Customer.Email,
            ["first_name"] = order.Customer.FirstName,
            ["currency"] = currency,
        },
    };

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static byte[] Bytes(JsonObject json) => JsonSerializer.SerializeToUtf8Bytes(json);
}
