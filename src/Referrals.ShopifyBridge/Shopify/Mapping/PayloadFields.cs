using System.Globalization;
using Referrals.Core.Messaging;

namespace Referrals.ShopifyBridge.Shopify.Mapping;

/// <summary>Checks shared by the mappers: required fields, currencies, column-sized text.</summary>
internal static class PayloadFields
{
    /// <summary>A required field is missing: retrying cannot help.</summary>
    public static PermanentMessageException Missing(string topic, string field, string why) =>
        new($"The {topic} body has no '{field}'; {why}.");

    /// <summary>The id as the engine keys it: the int64 in invariant digits.</summary>
    public static string RequireId(long? id, string topic, string field, string why) =>
        id is { } value && value > 0 ? value.ToString(CultureInfo.InvariantCulture) : throw Missing(topic, field, why);

    /// <summary>An ISO 4217 code in upper case, or null when absent.</summary>
    /// <exception cref="PermanentMessageException">The value is present but not three letters.</exception>
    public static string? Currency(string? value, string topic, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim();
        return code.Length == 3 && code.All(char.IsAsciiLetter)
            ? code.ToUpperInvariant()
            : throw new PermanentMessageException($"The {topic} body's '{field}' is not an ISO 4217 currency code.");
    }

    /// <summary>Trimmed text, null when empty, cut to <paramref name="maxLength"/> (the engine's column size).</summary>
    public static string? Text(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength];
    }
}
