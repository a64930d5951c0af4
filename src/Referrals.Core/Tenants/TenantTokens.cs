namespace Referrals.Core.Tenants;

/// <summary>Encrypted tokens and their expiries, as stored on a <see cref="TenantConnection"/>.</summary>
/// <param name="ProtectedAccessToken">The encrypted access token.</param>
/// <param name="AccessTokenExpiresAt">When it expires; null when it does not.</param>
/// <param name="ProtectedRefreshToken">The encrypted refresh token; null when there is none.</param>
/// <param name="RefreshTokenExpiresAt">When the refresh token expires, if known.</param>
public sealed record TenantTokens(string ProtectedAccessToken, DateTimeOffset? AccessTokenExpiresAt, string? ProtectedRefreshToken, DateTimeOffset? RefreshTokenExpiresAt);
