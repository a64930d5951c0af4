using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Referrals.ShopifyBridge.Shopify;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// Checks the <c>signature</c> Shopify adds to app-proxy requests (reference §6): every other query parameter,
/// URL-decoded, repeated keys' values joined with <c>,</c>, formatted <c>key=value</c>, sorted by key (ordinal), and
/// concatenated with no separator; HMAC-SHA256 keyed with the client secret, lower- or upper-case hex, compared in
/// constant time against the current and the previous secret. Security parameters may not repeat, and the timestamp
/// must be within <see cref="DefaultTolerance"/> of now. Thread-safe.
/// </summary>
public sealed class AppProxySignatureVerifier
{
    /// <summary>How far the signed timestamp may be from the bridge's clock: 90 seconds either way.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(90);

    /// <summary>The longest query string looked at; longer ones are malformed without being hashed.</summary>
    public const int MaxQueryLength = 8192;

    private const int MacLength = 32;
    private static readonly string[] SecurityParameters = ["signature", "shop", "timestamp", "logged_in_customer_id", "path_prefix"];
    private static readonly string[] RequiredParameters = ["signature", "shop", "timestamp"];

    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates a verifier.</summary>
    /// <param name="currentSecret">The app's client secret.</param>
    /// <param name="previousSecret">The secret before the last rotation, or null.</param>
    /// <param name="tolerance">The timestamp tolerance; null for <see cref="DefaultTolerance"/>.</param>
    /// <exception cref="ArgumentException">The current secret is empty.</exception>
    public AppProxySignatureVerifier(string currentSecret, string? previousSecret = null, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(currentSecret);
        _keys = string.IsNullOrEmpty(previousSecret) || previousSecret == currentSecret
            ? [Encoding.UTF8.GetBytes(currentSecret)]
            : [Encoding.UTF8.GetBytes(currentSecret), Encoding.UTF8.GetBytes(previousSecret)];
        _tolerance = tolerance ?? DefaultTolerance;
    }

    /// <summary>The message Shopify signs for <paramref name="queryString"/> (without <c>signature</c>); for tests and diagnostics.</summary>
    /// <param name="queryString">The raw query string, with or without the leading <c>?</c>.</param>
    /// <returns>The message, or null when the query cannot be decoded.</returns>
    public static string? SignedMessage(string? queryString) =>
        TryParse(queryString, out var parameters) ? Message(parameters) : null;

    /// <summary>Verifies the raw query string of a proxied request at <paramref name="now"/>.</summary>
    /// <param name="queryString">The raw query string as received, with or without the leading <c>?</c>.</param>
    /// <param name="now">The current time.</param>
    /// <param name="request">The verified request when the outcome is <see cref="AppProxyOutcome.Valid"/>.</param>
    /// <returns>The outcome. Never throws for bad input.</returns>
    public AppProxyOutcome Verify(string? queryString, DateTimeOffset now, out AppProxyRequest? request) =>
        Verify(queryString, now, out request, out _);

    /// <summary>Verifies the raw query string of a proxied request at <paramref name="now"/>, and says which parameter was wrong.</summary>
    /// <param name="queryString">The raw query string as received, with or without the leading <c>?</c>.</param>
    /// <param name="now">The current time.</param>
    /// <param name="request">The verified request when the outcome is <see cref="AppProxyOutcome.Valid"/>.</param>
    /// <param name="parameter">
    /// For <see cref="AppProxyOutcome.Missing"/>, <see cref="AppProxyOutcome.Duplicated"/> and <see cref="AppProxyOutcome.Malformed"/>:
    /// the name of the security parameter at fault (one of a fixed list, never text from the request), or <c>query</c>
    /// when the query string itself is too long or cannot be decoded; otherwise null.
    /// </param>
    /// <returns>The outcome. Never throws for bad input.</returns>
    public AppProxyOutcome Verify(string? queryString, DateTimeOffset now, out AppProxyRequest? request, out string? parameter)
    {
        request = null;
        parameter = null;
        if (queryString is { Length: > MaxQueryLength } || !TryParse(queryString, out var parameters))
        {
            parameter = "query";
            return AppProxyOutcome.Malformed;
        }

        foreach (var name in SecurityParameters)
        {
            if (parameters.TryGetValue(name, out var values) && values.Count > 1)
            {
                parameter = name;
                return AppProxyOutcome.Duplicated;
            }
        }

        foreach (var name in RequiredParameters)
        {
            if (!parameters.ContainsKey(name))
            {
                parameter = name;
                return AppProxyOutcome.Missing;
            }
        }

        var signature = parameters["signature"][0];
        var timestamp = parameters["timestamp"][0];
        Span<byte> given = stackalloc byte[MacLength];
        if (signature.Length != MacLength * 2 || Convert.FromHexString(signature, given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != MacLength)
        {
            parameter = "signature";
            return AppProxyOutcome.Malformed;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            parameter = "timestamp";
            return AppProxyOutcome.Malformed;
        }

        if (!ShopDomain.TryNormalize(parameters["shop"][0], out var domain))
        {
            parameter = "shop";
            return AppProxyOutcome.Malformed;
        }

        var message = Encoding.UTF8.GetBytes(Message(parameters));
        Span<byte> computed = stackalloc byte[MacLength];
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, message, computed);
            matched |= CryptographicOperations.FixedTimeEquals(computed, given);
        }

        if (!matched)
        {
            return AppProxyOutcome.Mismatch;
        }

        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > _tolerance)
        {
            return AppProxyOutcome.Stale;
        }

        var customer = parameters.TryGetValue("logged_in_customer_id", out var id)
            && long.TryParse(id[0], NumberStyles.None, CultureInfo.InvariantCulture, out var customerId) && customerId > 0
            ? ShopifyGid.Customer(customerId)
            : null;
        request = new AppProxyRequest(domain, customer, parameters.TryGetValue("path_prefix", out var prefix) ? prefix[0] : null);
        return AppProxyOutcome.Valid;
    }

    private static string Message(SortedDictionary<string, List<string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, values) in parameters)
        {
            if (key == "signature")
            {
                continue;
            }

            builder.Append(key).Append('=').AppendJoin(',', values);
        }

        return builder.ToString();
    }

    // Keys stay case-sensitive and values keep their order, as Shopify signs them; '+' is a space, as in forms.
    private static bool TryParse(string? queryString, out SortedDictionary<string, List<string>> parameters)
    {
        parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var text = queryString ?? string.Empty;
        if (text.StartsWith('?'))
        {
            text = text[1..];
        }

        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? string.Empty : pair[(equals + 1)..];
            string key;
            string value;
            try
            {
                key = Uri.UnescapeDataString(rawKey.Replace('+', ' '));
                value = Uri.UnescapeDataString(rawValue.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (key.Length == 0)
            {
                return false;
            }

            if (!parameters.TryGetValue(key, out var values))
            {
                parameters[key] = values = [];
            }

            values.Add(value);
        }

        return true;
    }
}
