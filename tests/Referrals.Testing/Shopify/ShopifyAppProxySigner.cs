using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Referrals.Testing.Shopify;

/// <summary>
/// Builds app-proxy query strings as Shopify forwards them: the given parameters plus <c>shop</c>, <c>path_prefix</c>,
/// <c>timestamp</c>, <c>logged_in_customer_id</c> and the <c>signature</c> (sorted <c>key=value</c> pairs, repeated
/// values joined with commas, no separator, HMAC-SHA256 hex). Written independently of the bridge's verifier.
/// </summary>
public static class ShopifyAppProxySigner
{
    /// <summary>A signed query string (with the leading <c>?</c>).</summary>
    /// <param name="secret">The client secret.</param>
    /// <param name="shop">The shop domain.</param>
    /// <param name="at">The signed time.</param>
    /// <param name="customerId">The numeric customer id, or null for an anonymous visitor (sent empty).</param>
    /// <param name="extra">Further parameters, in order; a key may repeat.</param>
    public static string Query(string secret, string shop, DateTimeOffset at, long? customerId = null, params (string Key, string Value)[] extra)
    {
        var parameters = new List<(string Key, string Value)>(extra)
        {
            ("shop", shop),
            ("logged_in_customer_id", customerId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            ("path_prefix", "/apps/referrals"),
            ("timestamp", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        var signature = Sign(secret, parameters);
        return "?" + string.Join('&', parameters.Append((Key: "signature", Value: signature)).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>The hex signature of <paramref name="parameters"/> (decoded values).</summary>
    public static string Sign(string secret, IEnumerable<(string Key, string Value)> parameters)
    {
        var message = string.Concat(parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + string.Join(',', g.Select(p => p.Value))));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }
}
