namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// A call to Shopify's Admin API failed. Catch the subtypes to tell what to do: <see cref="ShopifyUserErrorsException"/>
/// (Shopify refused the input; fix it, never retry as is), <see cref="ShopifyTransientFailureException"/> (retry later),
/// <see cref="ShopifyOutcomeUnknownException"/> (read state before retrying), <see cref="ShopifyRequestRejectedException"/>
/// and <see cref="ShopifyGraphQLErrorsException"/> (a configuration or code problem), and
/// <see cref="ShopifyAccessTokenUnavailableException"/> (the shop must reconnect).
/// </summary>
public class ShopifyAdminApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShopifyAdminApiException(string shopDomain, string? operationName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ShopDomain = shopDomain;
        OperationName = operationName;
    }

    /// <summary>The shop called, <c>{shop}.myshopify.com</c>.</summary>
    public string ShopDomain { get; }

    /// <summary>The GraphQL operation, when the failure belongs to one.</summary>
    public string? OperationName { get; }
}
