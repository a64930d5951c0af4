namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// A mutation answered with <c>userErrors</c>: Shopify understood the request and refused it (for example
/// <c>INSUFFICIENT_FUNDS</c>, or <c>TAKEN</c> for an existing discount code). Never retried: the same input fails again.
/// </summary>
public sealed class ShopifyUserErrorsException : ShopifyAdminApiException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyUserErrorsException(string shopDomain, string operationName, IReadOnlyList<ShopifyUserError> userErrors)
        : base(shopDomain, operationName, Describe(shopDomain, operationName, userErrors))
    {
        UserErrors = userErrors;
    }

    /// <summary>The errors, in Shopify's order; never empty.</summary>
    public IReadOnlyList<ShopifyUserError> UserErrors { get; }

    /// <summary>Whether any error has <paramref name="code"/> (ordinal, case-insensitive).</summary>
    public bool HasCode(string code) => UserErrors.Any(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    private static string Describe(string shop, string operation, IReadOnlyList<ShopifyUserError> errors) =>
        $"Shopify refused {operation} for {shop}: " + string.Join("; ", errors.Select(e =>
            (e.Code is null ? string.Empty : e.Code + " ") + (e.Field.Count == 0 ? string.Empty : $"({string.Join('.', e.Field)}) ") + e.Message));
}
