using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Referrals.ShopifyBridge.OAuth;

/// <summary>
/// The install's <c>state</c>: a 32-byte random nonce sent to Shopify and kept, with the shop and an expiry, in a
/// cookie encrypted and signed by Data Protection (HttpOnly, SameSite=Lax, Secure on https or when the app URL is
/// https, path <c>/shopify</c>).
/// The callback must bring back the same nonce, for the same shop, before the expiry (by the injected clock).
/// </summary>
internal sealed class OAuthState
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "referrals_shopify_oauth";

    /// <summary>How long an install may take between the redirect to Shopify and the callback.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string Purpose = "Referrals.ShopifyBridge.OAuthState.v1";
    private readonly IDataProtector _protector;
    private readonly RandomNumberGenerator _random;
    private readonly TimeProvider _clock;

    private readonly bool _appUsesHttps;

    public OAuthState(IDataProtectionProvider protection, RandomNumberGenerator random, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Configuration.ShopifyOptions> options)
    {
        _appUsesHttps = options.Value.UsesHttps;
        _protector = protection.CreateProtector(Purpose);
        _random = random;
        _clock = clock;
    }

    /// <summary>Makes a nonce for <paramref name="shop"/>, sets the cookie, and returns the nonce for the <c>state</c> parameter.</summary>
    public string Issue(HttpContext context, string shop)
    {
        var bytes = new byte[32];
        _random.GetBytes(bytes);
        var nonce = Base64Url.EncodeToString(bytes);
        var expires = _clock.GetUtcNow() + Lifetime;
        var payload = JsonSerializer.Serialize(new Payload(nonce, shop, expires.ToUnixTimeSeconds()));
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), CookieOptions(context, Lifetime, _appUsesHttps));
        return nonce;
    }

    /// <summary>Whether the cookie holds <paramref name="state"/> for <paramref name="shop"/> and has not expired. Deletes the cookie either way.</summary>
    public bool Consume(HttpContext context, string? state, string shop)
    {
        var cookie = context.Request.Cookies[CookieName];
        context.Response.Cookies.Delete(CookieName, CookieOptions(context, null, _appUsesHttps));
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(state))
        {
            return false;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(cookie));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return false;
        }

        if (payload is null || payload.Shop != shop || _clock.GetUtcNow() > DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt))
        {
            return false;
        }

        var expected = System.Text.Encoding.UTF8.GetBytes(payload.Nonce);
        var given = System.Text.Encoding.UTF8.GetBytes(state);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    // Max-Age, not Expires: the browser's clock decides the cookie's life; the payload's expiry (our clock) decides validity.
    private static CookieOptions CookieOptions(HttpContext context, TimeSpan? maxAge, bool appUsesHttps) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps || appUsesHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/shopify",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private sealed record Payload(string Nonce, string Shop, long ExpiresAt);
}
