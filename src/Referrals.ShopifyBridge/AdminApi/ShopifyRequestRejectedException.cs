using System.Net;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Shopify refused the HTTP request itself (a 4xx other than 429, or a 401 that a token refresh did not cure): a wrong
/// version, a missing scope, a frozen or locked shop. Not retried.
/// </summary>
public sealed class ShopifyRequestRejectedException : ShopifyAdminApiException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyRequestRejectedException(string shopDomain, string operationName, HttpStatusCode statusCode, string detail)
        : base(shopDomain, operationName, $"Shopify refused {operationName} for {shopDomain} with HTTP {(int)statusCode}: {detail}")
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status Shopify answered.</summary>
    public HttpStatusCode StatusCode { get; }
}
