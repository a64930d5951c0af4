using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Referrals.Core.Messaging;

namespace Referrals.ShopifyBridge.Shopify.Payloads;

/// <summary>Reads a stored webhook body. A body that is not JSON of the expected shape can never succeed: it is dead-lettered.</summary>
internal static class ShopifyPayload
{
    /// <exception cref="PermanentMessageException">The body is not valid JSON, not an object, or has a field of the wrong type.</exception>
    public static T Read<T>(InboxMessage message, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return JsonSerializer.Deserialize(message.Payload, type)
                ?? throw new PermanentMessageException($"The {message.Topic} body is JSON null; Shopify sends an object.");
        }
        catch (JsonException ex)
        {
            // The position and path help find the fault; the body itself is never copied into the error.
            throw new PermanentMessageException(
                $"The {message.Topic} body ({message.Payload.Length} bytes) is not valid JSON of the expected shape "
                + (ex.LineNumber is { } line ? $"at line {line + 1}, byte {ex.BytePositionInLine}, path {ex.Path ?? "$"}." : $"at path {ex.Path ?? "$"}."),
                ex);
        }
    }
}
