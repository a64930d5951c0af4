namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Where the Admin API client gets a shop's access token (sent as <c>X-Shopify-Access-Token</c>). The bridge's
/// encrypted token store implements it; <see cref="InMemoryShopifyAccessTokenSource"/> serves custom-app tokens and tests.
/// </summary>
/// <remarks>Called concurrently for one shop and for many; implementations must be thread-safe.</remarks>
public interface IShopifyAccessTokenSource
{
    /// <summary>The current access token of <paramref name="shopDomain"/> (<c>{shop}.myshopify.com</c>, lower-case).</summary>
    /// <exception cref="ShopifyAccessTokenUnavailableException">The shop is not connected, or its token cannot be used.</exception>
    ValueTask<string> GetAccessTokenAsync(string shopDomain, CancellationToken cancellationToken);

    /// <summary>
    /// Called once when Shopify answered 401 to <paramref name="rejectedToken"/>: returns a fresh token (refreshing an
    /// expiring offline token), or the current one if another caller already replaced the rejected token.
    /// </summary>
    /// <exception cref="ShopifyAccessTokenUnavailableException">No fresh token can be had; the shop must re-authorise the app.</exception>
    ValueTask<string> RefreshAsync(string shopDomain, string rejectedToken, CancellationToken cancellationToken);
}
