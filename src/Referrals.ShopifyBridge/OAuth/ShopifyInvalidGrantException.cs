namespace Referrals.ShopifyBridge.OAuth;

/// <summary>Shopify answered <c>invalid_grant</c>: the code or refresh token is spent, expired or revoked. Only a new authorisation helps.</summary>
internal sealed class ShopifyInvalidGrantException(string shopDomain, string message) : Exception(message)
{
    public string ShopDomain { get; } = shopDomain;
}
