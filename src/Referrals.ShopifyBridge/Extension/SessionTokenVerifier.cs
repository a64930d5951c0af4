using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Referrals.ShopifyBridge.Shopify;

namespace Referrals.ShopifyBridge.Extension;

/// <summary>
/// Verifies the session token (a JWT) a checkout UI extension sends as <c>Authorization: Bearer …</c> (reference §6):
/// only HS256, signed with the client secret (current or previous, compared in constant time); <c>exp</c> and
/// <c>nbf</c> with <see cref="Leeway"/>; <c>aud</c> equal to the client id; the shop taken from <c>dest</c>, which must
/// be an https shop domain, and <c>iss</c>, when present, on the same shop. Hand-written so no JWT library decides
/// which algorithms to accept. Thread-safe.
/// </summary>
public sealed class SessionTokenVerifier
{
    /// <summary>The clock skew allowed on <c>exp</c> and <c>nbf</c>: 10 seconds.</summary>
    public static readonly TimeSpan Leeway = TimeSpan.FromSeconds(10);

    /// <summary>The longest token looked at.</summary>
    public const int MaxTokenLength = 4096;

    private const int MacLength = 32;
    private readonly string _clientId;
    private readonly byte[][] _keys;

    /// <summary>Creates a verifier.</summary>
    /// <param name="clientId">The app's client id (the expected <c>aud</c>).</param>
    /// <param name="currentSecret">The client secret.</param>
    /// <param name="previousSecret">The secret before the last rotation, or null.</param>
    /// <exception cref="ArgumentException">The client id or the current secret is empty.</exception>
    public SessionTokenVerifier(string clientId, string currentSecret, string? previousSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrEmpty(currentSecret);
        _clientId = clientId;
        _keys = string.IsNullOrEmpty(previousSecret) || previousSecret == currentSecret
            ? [Encoding.UTF8.GetBytes(currentSecret)]
            : [Encoding.UTF8.GetBytes(currentSecret), Encoding.UTF8.GetBytes(previousSecret)];
    }

    /// <summary>Verifies <paramref name="token"/> at <paramref name="now"/>.</summary>
    /// <param name="token">The compact JWT, without the <c>Bearer </c> prefix.</param>
    /// <param name="now">The current time.</param>
    /// <param name="claims">The claims when the outcome is <see cref="SessionTokenOutcome.Valid"/>.</param>
    /// <returns>The outcome; the signature is checked before any claim. Never throws for bad input.</returns>
    public SessionTokenOutcome Verify(string? token, DateTimeOffset now, out SessionToken? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return SessionTokenOutcome.Malformed;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecodeJson(parts[0], out var header) || !TryDecodeJson(parts[1], out var payload))
        {
            return SessionTokenOutcome.Malformed;
        }

        using (header)
        using (payload)
        {
            try
            {
                return Verify(parts, header.RootElement, payload.RootElement, now, out claims);
            }
            catch (InvalidOperationException)
            {
                // Text that cannot be read as a string (an escaped lone surrogate): not a token Shopify made.
                claims = null;
                return SessionTokenOutcome.Malformed;
            }
        }
    }

    private SessionTokenOutcome Verify(string[] parts, JsonElement header, JsonElement payload, DateTimeOffset now, out SessionToken? claims)
    {
        claims = null;
        if (header.ValueKind != JsonValueKind.Object
            || !header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || !alg.ValueEquals("HS256"))
        {
            return SessionTokenOutcome.WrongAlgorithm;
        }

        Span<byte> given = stackalloc byte[MacLength];
        if (parts[2].Length != Base64Url.GetEncodedLength(MacLength)
            || Base64Url.DecodeFromChars(parts[2], given, out _, out var written) != OperationStatus.Done || written != MacLength)
        {
            return SessionTokenOutcome.BadSignature;
        }

        var signed = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
        Span<byte> computed = stackalloc byte[MacLength];
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, signed, computed);
            matched |= CryptographicOperations.FixedTimeEquals(computed, given);
        }

        if (!matched)
        {
            return SessionTokenOutcome.BadSignature;
        }

        return CheckClaims(payload, now, out claims);
    }

    private SessionTokenOutcome CheckClaims(JsonElement payload, DateTimeOffset now, out SessionToken? claims)
    {
        claims = null;
        if (payload.ValueKind != JsonValueKind.Object || !TryTime(payload, "exp", out var exp) || exp is null)
        {
            return SessionTokenOutcome.Malformed;
        }

        if (!TryTime(payload, "nbf", out var nbf))
        {
            return SessionTokenOutcome.Malformed;
        }

        if (now > exp.Value + Leeway)
        {
            return SessionTokenOutcome.Expired;
        }

        if (nbf is { } notBefore && now < notBefore - Leeway)
        {
            return SessionTokenOutcome.NotYetValid;
        }

        if (!HasAudience(payload))
        {
            return SessionTokenOutcome.WrongAudience;
        }

        if (!TryShop(payload, "dest", out var shop) || shop is null)
        {
            return SessionTokenOutcome.BadShop;
        }

        if (payload.TryGetProperty("iss", out _) && (!TryShop(payload, "iss", out var issuer) || issuer != shop))
        {
            return SessionTokenOutcome.BadShop;
        }

        var customer = payload.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String
            && sub.GetString() is { } subject && subject.StartsWith("gid://shopify/Customer/", StringComparison.Ordinal)
            ? subject
            : null;
        claims = new SessionToken(shop, customer, exp.Value);
        return SessionTokenOutcome.Valid;
    }

    private bool HasAudience(JsonElement payload)
    {
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == _clientId,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == _clientId),
            _ => false,
        };
    }

    // An absent claim is fine here (null); a present one must be a number of seconds.
    private static bool TryTime(JsonElement payload, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var claim))
        {
            return true;
        }

        if (claim.ValueKind != JsonValueKind.Number || !claim.TryGetInt64(out var seconds)
            || seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 60)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    // "https://acme.myshopify.com" (dest) or "https://acme.myshopify.com/admin" (iss): https, no port, a shop domain.
    private static bool TryShop(JsonElement payload, string name, out string? shop)
    {
        shop = null;
        return payload.TryGetProperty(name, out var claim) && claim.ValueKind == JsonValueKind.String
            && Uri.TryCreate(claim.GetString(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort
            && string.IsNullOrEmpty(uri.UserInfo) && ShopDomain.TryNormalize(uri.Host, out shop);
    }

    private static bool TryDecodeJson(string part, out JsonDocument document)
    {
        document = null!;
        if (part.Length == 0 || part.Length > MaxTokenLength)
        {
            return false;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        // JsonDocument checks UTF-8 only when a string is read; invalid bytes must be refused here, not throw later.
        if (Base64Url.DecodeFromChars(part, bytes, out _, out var written) != OperationStatus.Done || !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, written)))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(0, written));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
