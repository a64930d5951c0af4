namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>One entry of a mutation's <c>userErrors</c>: Shopify refused the input.</summary>
/// <param name="Field">The path to the offending input field, for example <c>["creditInput", "creditAmount"]</c>; empty when none.</param>
/// <param name="Message">Shopify's explanation, fit for a merchant.</param>
/// <param name="Code">The machine-readable code, for example <c>INSUFFICIENT_FUNDS</c> or <c>TAKEN</c>; null where the mutation has none.</param>
public sealed record ShopifyUserError(IReadOnlyList<string> Field, string Message, string? Code);
