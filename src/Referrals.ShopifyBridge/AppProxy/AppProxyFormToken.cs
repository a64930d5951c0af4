using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// The anti-forgery token of the "Who do you know" form. The proxy signature proves a request came through Shopify,
/// not that the signed-in customer meant to send it; this token, rendered into the form and bound to the shop and the
/// customer, does. Format <c>{expiry unix seconds}.{base64url HMAC-SHA256}</c>, keyed with the link signing key under its
/// own purpose label; compared in constant time. Thread-safe.
/// </summary>
public sealed class AppProxyFormToken
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("referrals/proxy-form/v1\0");
    private readonly byte[] _key;

    /// <summary>Creates the token source.</summary>
    /// <param name="key">The secret (the link signing key); at least 32 bytes.</param>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes.</exception>
    public AppProxyFormToken(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The form token key must be at least 32 bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>A token for <paramref name="shop"/> and <paramref name="customerId"/>, valid until <paramref name="expiresAt"/>.</summary>
    public string Create(string shop, string customerId, DateTimeOffset expiresAt)
    {
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return expiry + "." + Base64Url.EncodeToString(Mac(shop, customerId, expiry));
    }

    /// <summary>Whether <paramref name="token"/> was made for this shop and customer and has not expired at <paramref name="now"/>. Never throws for bad input.</summary>
    public bool IsValid(string? token, string shop, string customerId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var encoded = token.AsSpan(dot + 1);
        if (encoded.Length != Base64Url.GetEncodedLength(given.Length)
            || Base64Url.DecodeFromChars(encoded, given, out _, out var written) != OperationStatus.Done || written != given.Length)
        {
            return false;
        }

        var expected = Mac(shop, customerId, token[..dot]);
        return CryptographicOperations.FixedTimeEquals(expected, given) && now < DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private byte[] Mac(string shop, string customerId, string expiry)
    {
        byte[] message = [.. Purpose, .. Encoding.UTF8.GetBytes($"{shop}\n{customerId}\n{expiry}")];
        return HMACSHA256.HashData(_key, message);
    }
}
