namespace Referrals.ShopifyBridge.OAuth;

/// <summary>The token endpoint failed in a way other than <c>invalid_grant</c> (network, 5xx, unreadable answer); trying later may help.</summary>
internal sealed class ShopifyTokenEndpointException(string shopDomain, string message, Exception? inner = null) : Exception(message, inner)
{
    public string ShopDomain { get; } = shopDomain;
}
