using Referrals.Core.Codes;
using Referrals.Core.Satisfaction;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// Addresses on the shop's storefront that Shopify forwards to the bridge through the app proxy
/// (<c>https://{shop}/apps/referrals/…</c> → <c>{AppUrl}/shopify/proxy/…</c>; see <c>ShopifyApp/shopify.app.toml</c>).
/// </summary>
public static class StorefrontLinks
{
    /// <summary>The app proxy prefix configured in <c>shopify.app.toml</c>.</summary>
    public const string ProxyPrefix = "apps";

    /// <summary>The app proxy subpath configured in <c>shopify.app.toml</c>.</summary>
    public const string ProxySubpath = "referrals";

    /// <summary>The bridge path Shopify forwards proxied requests to.</summary>
    public const string ProxyTarget = "/shopify/proxy";

    /// <summary>The storefront base of the proxy: <c>https://{shop}/apps/referrals</c>.</summary>
    /// <param name="shopDomain">A validated shop domain, for example <c>acme.myshopify.com</c>.</param>
    /// <exception cref="ArgumentException">The domain is empty.</exception>
    public static Uri ProxyBase(string shopDomain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        return new Uri($"https://{shopDomain}/{ProxyPrefix}/{ProxySubpath}", UriKind.Absolute);
    }

    /// <summary>The advocate's shareable link on the storefront: <c>https://{shop}/apps/referrals/r/{code}</c>.</summary>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static Uri Referral(string shopDomain, string displayCode) => ReferralLink.Create(ProxyBase(shopDomain), displayCode);

    /// <summary>
    /// The shop's own discount link, <c>https://{shop}/discount/{code}?redirect=%2F</c>: Shopify applies the code to the
    /// visitor's cart and then opens the shop's home page.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static Uri Discount(string shopDomain, string displayCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayCode);
        return new Uri($"https://{shopDomain}/discount/{Uri.EscapeDataString(displayCode)}?redirect=%2F", UriKind.Absolute);
    }

    /// <summary>The eleven rating links of an ask, answered on the storefront: <c>https://{shop}/apps/referrals/rate/{token}</c>.</summary>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static IReadOnlyList<Uri> Ratings(RatingLinkSigner signer, string shopDomain, Guid tenantId, Guid askId, Guid contactId, DateTimeOffset expiresAt) =>
        RatingLinks.ForAllScores(signer, ProxyBase(shopDomain), tenantId, askId, contactId, expiresAt);
}
