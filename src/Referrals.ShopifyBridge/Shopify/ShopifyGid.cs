using System.Globalization;

namespace Referrals.ShopifyBridge.Shopify;

/// <summary>Shopify's global ids (<c>gid://shopify/Customer/123</c>), the canonical keys of Shopify resources.</summary>
internal static class ShopifyGid
{
    /// <summary>The customer GID for a numeric customer id.</summary>
    public static string Customer(long id) => string.Create(CultureInfo.InvariantCulture, $"gid://shopify/Customer/{id}");

    /// <summary>The GID as given when it is a customer GID, else the one built from <paramref name="id"/>, else null.</summary>
    public static string? CustomerOrNull(string? gid, long? id) =>
        gid is { Length: > 0 } && gid.StartsWith("gid://shopify/Customer/", StringComparison.Ordinal) ? gid
        : id is { } number ? Customer(number)
        : null;
}
