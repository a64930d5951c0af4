using System.Security.Cryptography;
using System.Text;

namespace Referrals.ShopifyBridge.OAuth;

/// <summary>
/// Checks the <c>hmac</c> of a query string Shopify signed (install, OAuth callback): every parameter but <c>hmac</c> and
/// <c>signature</c>, URL-decoded, sorted by key (ordinal), re-encoded, joined as <c>key=value</c> with <c>&amp;</c>;
/// HMAC-SHA256 keyed with the client secret, lowercase hex, compared in constant time. Both encodings Shopify has used
/// are accepted: full percent-encoding (spaces as <c>%20</c>) and the older rule that escapes only <c>%</c>, <c>&amp;</c>
/// and, in keys, <c>=</c>. A repeated <c>hmac</c>, <c>shop</c>, <c>signature</c> or <c>timestamp</c> fails.
/// </summary>
internal static class ShopifyQueryHmac
{
    private const int MacLength = 32;
    private static readonly string[] SingleValued = ["hmac", "shop", "signature", "timestamp"];

    /// <summary>Parses a raw query string (with or without the leading <c>?</c>) into decoded pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> Parse(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var query = (rawQuery ?? string.Empty).TrimStart('?');
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Decode(key), Decode(value)));
        }

        return pairs;
    }

    /// <summary>Whether <paramref name="pairs"/> carry a valid <c>hmac</c> for one of <paramref name="secrets"/>.</summary>
    public static bool IsValid(IReadOnlyList<KeyValuePair<string, string>> pairs, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(secrets);
        if (SingleValued.Any(name => pairs.Count(p => p.Key == name) > 1))
        {
            return false;
        }

        var given = pairs.FirstOrDefault(p => p.Key == "hmac").Value;
        Span<byte> givenBytes = stackalloc byte[MacLength];
        if (given is not { Length: MacLength * 2 } || Convert.FromHexString(given, givenBytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != MacLength)
        {
            return false;
        }

        var signed = pairs.Where(p => p.Key is not ("hmac" or "signature")).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var messages = new[]
        {
            Join(signed, Uri.EscapeDataString, Uri.EscapeDataString),
            Join(signed, k => LegacyEscape(k).Replace("=", "%3D", StringComparison.Ordinal), LegacyEscape),
        }.Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes).ToList();

        Span<byte> computed = stackalloc byte[MacLength];
        var valid = false;
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            var key = Encoding.UTF8.GetBytes(secret);
            foreach (var message in messages)
            {
                HMACSHA256.HashData(key, message, computed);
                // Every candidate is computed and compared: no early exit that times which one matched.
                valid |= CryptographicOperations.FixedTimeEquals(computed, givenBytes);
            }
        }

        return valid;
    }

    /// <summary>The signed message for <paramref name="pairs"/> under the current encoding (for diagnostics and tests).</summary>
    public static string Message(IEnumerable<KeyValuePair<string, string>> pairs) =>
        Join(pairs.Where(p => p.Key is not ("hmac" or "signature")).OrderBy(p => p.Key, StringComparer.Ordinal), Uri.EscapeDataString, Uri.EscapeDataString);

    private static string Join(IEnumerable<KeyValuePair<string, string>> pairs, Func<string, string> key, Func<string, string> value) =>
        string.Join('&', pairs.Select(p => key(p.Key) + "=" + value(p.Value)));

    private static string LegacyEscape(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("&", "%26", StringComparison.Ordinal);

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
