using System.Security.Cryptography;
using System.Text;

namespace Referrals.Testing.Shopify;

/// <summary>
/// Signs webhook bodies as Shopify does (base64 HMAC-SHA256 of the raw bytes, keyed with the UTF-8 client secret), so
/// tests can make deliveries the bridge must accept, and forge ones it must refuse. Written apart from the bridge's
/// verifier on purpose: a shared mistake would otherwise pass its own tests.
/// </summary>
public static class ShopifyWebhookSigner
{
    /// <summary>The secret of the project's fixture vector for <c>orders_paid.synthetic-referral.json</c>.</summary>
    public const string FixtureSecret = "hush";

    /// <summary>The <c>X-Shopify-Hmac-Sha256</c> value for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(body.ToArray()));
    }

    /// <summary>The signature of a UTF-8 body.</summary>
    public static string Sign(string body, string secret) => Sign(Encoding.UTF8.GetBytes(body), secret);
}
