using System.Text.Json.Serialization;

namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>
/// Compiled JSON contracts for webhook bodies: snake_case names, unknown fields ignored (Shopify adds fields over
/// time), numbers also read from strings (Shopify writes money as <c>"90.00"</c>, decimals exactly, never as double).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(OrderPayload))]
[JsonSerializable(typeof(RefundPayload))]
[JsonSerializable(typeof(CustomerPayload))]
[JsonSerializable(typeof(ShopPayload))]
[JsonSerializable(typeof(CompliancePayload))]
internal sealed partial class ShopifyJsonContext : JsonSerializerContext;
