using System.Text.Json;

namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>A cart attribute. The value is kept as JSON: apps write numbers and booleans there too.</summary>
internal sealed class NoteAttributePayload
{
    public string? Name { get; init; }

    public JsonElement Value { get; init; }
}
