namespace Referrals.ShopifyBridge.OAuth;

/// <summary>What Shopify's token endpoint returned (plain text: encrypt before storing, never log).</summary>
/// <param name="AccessToken">The offline access token.</param>
/// <param name="Scope">The granted scopes, comma-separated.</param>
/// <param name="ExpiresAt">When the access token expires; null for a non-expiring token.</param>
/// <param name="RefreshToken">The refresh token of an expiring token.</param>
/// <param name="RefreshTokenExpiresAt">When the refresh token expires, if given.</param>
internal sealed record ShopifyTokenResponse(string AccessToken, string Scope, DateTimeOffset? ExpiresAt, string? RefreshToken, DateTimeOffset? RefreshTokenExpiresAt);
