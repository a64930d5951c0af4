namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>A verified app-proxy request: who Shopify says is asking.</summary>
/// <param name="Shop">The shop's canonical <c>{handle}.myshopify.com</c> domain.</param>
/// <param name="LoggedInCustomerId">The signed-in customer's gid, or null for an anonymous visitor (cookies are not forwarded, so this is the only identity).</param>
/// <param name="PathPrefix">The storefront prefix the visitor used, for example <c>/apps/referrals</c>.</param>
public sealed record AppProxyRequest(string Shop, string? LoggedInCustomerId, string? PathPrefix);
