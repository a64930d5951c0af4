using System.Security.Cryptography;
using System.Text;

namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>
/// Checks <c>X-Shopify-Hmac-Sha256</c>: base64 of HMAC-SHA256 over the raw body bytes, keyed with the UTF-8 client
/// secret, compared in constant time against the current secret and, during a rotation, the previous one.
/// Thread-safe; allocation-free per call.
/// </summary>
internal sealed class ShopifyWebhookVerifier
{
    private const int MacLength = 32;
    private readonly byte[] _current;
    private readonly byte[]? _previous;

    /// <exception cref="ArgumentException">The current secret is empty.</exception>
    public ShopifyWebhookVerifier(string currentSecret, string? previousSecret = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(currentSecret);
        _current = Encoding.UTF8.GetBytes(currentSecret);
        _previous = string.IsNullOrEmpty(previousSecret) || previousSecret == currentSecret ? null : Encoding.UTF8.GetBytes(previousSecret);
    }

    /// <summary>A verifier for one shop's own secret (a custom app's API secret, UTF-8 bytes).</summary>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public ShopifyWebhookVerifier(byte[] shopSecret)
    {
        ArgumentNullException.ThrowIfNull(shopSecret);
        if (shopSecret.Length == 0)
        {
            throw new ArgumentException("The secret is empty.", nameof(shopSecret));
        }

        _current = shopSecret;
    }

    /// <summary>Checks <paramref name="header"/> against <paramref name="body"/> exactly as received (never re-serialised JSON).</summary>
    public WebhookSignatureOutcome Verify(ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return WebhookSignatureOutcome.MissingHeader;
        }

        // A valid header decodes to exactly 32 bytes; anything longer does not fit and fails to decode.
        Span<byte> given = stackalloc byte[MacLength];
        if (header.Length > 64 || !Convert.TryFromBase64String(header, given, out var written) || written != MacLength)
        {
            return WebhookSignatureOutcome.MalformedHeader;
        }

        Span<byte> computed = stackalloc byte[MacLength];
        HMACSHA256.HashData(_current, body, computed);
        if (CryptographicOperations.FixedTimeEquals(computed, given))
        {
            return WebhookSignatureOutcome.ValidCurrentSecret;
        }

        if (_previous is not null)
        {
            HMACSHA256.HashData(_previous, body, computed);
            if (CryptographicOperations.FixedTimeEquals(computed, given))
            {
                return WebhookSignatureOutcome.ValidPreviousSecret;
            }
        }

        return WebhookSignatureOutcome.Mismatch;
    }
}
