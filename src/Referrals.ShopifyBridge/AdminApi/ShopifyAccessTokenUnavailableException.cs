namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>No usable access token for the shop: it is not connected, or its token was refused and cannot be refreshed. The merchant must reconnect.</summary>
public sealed class ShopifyAccessTokenUnavailableException : ShopifyAdminApiException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyAccessTokenUnavailableException(string shopDomain, string message, Exception? innerException = null)
        : base(shopDomain, null, message, innerException)
    {
    }
}
