namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Shopify answered with top-level GraphQL <c>errors</c> other than THROTTLED (a syntax error, ACCESS_DENIED for a
/// missing scope, MAX_COST_EXCEEDED): the request itself is wrong for this shop or version. Not retried.
/// </summary>
public sealed class ShopifyGraphQLErrorsException : ShopifyAdminApiException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyGraphQLErrorsException(string shopDomain, string operationName, IReadOnlyList<string> messages, IReadOnlyList<string> codes)
        : base(shopDomain, operationName, $"Shopify answered {operationName} for {shopDomain} with GraphQL errors: {string.Join("; ", messages)}")
    {
        Messages = messages;
        Codes = codes;
    }

    /// <summary>The errors' messages.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The errors' <c>extensions.code</c> values, where given (for example <c>ACCESS_DENIED</c>).</summary>
    public IReadOnlyList<string> Codes { get; }
}
