using System.Security.Cryptography;
using System.Text;

namespace Referrals.Testing.Shopify;

/// <summary>
/// Signs query strings as Shopify does for install and OAuth callback addresses (hex HMAC-SHA256 over the sorted,
/// percent-encoded <c>key=value</c> pairs joined with <c>&amp;</c>). Written apart from the bridge's verifier on purpose.
/// </summary>
public static class ShopifyQuerySigner
{
    /// <summary>The lowercase hex <c>hmac</c> of <paramref name="parameters"/> (without <c>hmac</c>).</summary>
    public static string Hmac(IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var message = string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>The query string (no <c>?</c>) of <paramref name="parameters"/> with their <c>hmac</c> appended.</summary>
    public static string SignedQuery(IReadOnlyDictionary<string, string> parameters, string secret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var query = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return query + "&hmac=" + Hmac(parameters, secret);
    }
}
