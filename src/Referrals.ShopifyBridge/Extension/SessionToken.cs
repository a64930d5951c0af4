namespace Referrals.ShopifyBridge.Extension;

/// <summary>The claims of a verified session token that the bridge uses.</summary>
/// <param name="Shop">The shop, from <c>dest</c>: a canonical <c>{handle}.myshopify.com</c> domain.</param>
/// <param name="CustomerId">The buyer's customer gid from <c>sub</c>, only when the buyer is signed in and the app may read customers.</param>
/// <param name="ExpiresAt">The token's <c>exp</c>.</param>
public sealed record SessionToken(string Shop, string? CustomerId, DateTimeOffset ExpiresAt);
