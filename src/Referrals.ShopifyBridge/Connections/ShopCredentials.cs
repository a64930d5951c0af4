namespace Referrals.ShopifyBridge.Connections;

/// <summary>A shop's credentials in plain text, on their way to being encrypted. Never log one.</summary>
/// <param name="AccessToken">The Admin API access token.</param>
/// <param name="AccessTokenExpiresAt">When it expires; null when it does not.</param>
/// <param name="RefreshToken">The refresh token, if any.</param>
/// <param name="RefreshTokenExpiresAt">When the refresh token expires, if known.</param>
/// <param name="GrantedScopes">The scopes granted.</param>
/// <param name="ApiSecret">A custom app's API secret (signs its webhooks); null for the OAuth app.</param>
internal sealed record ShopCredentials(string AccessToken, DateTimeOffset? AccessTokenExpiresAt, string? RefreshToken, DateTimeOffset? RefreshTokenExpiresAt,
    IReadOnlyList<string> GrantedScopes, string? ApiSecret)
{
    // Records print their members: keep secrets out of ToString.
    public override string ToString() => $"ShopCredentials {{ Scopes = {string.Join(',', GrantedScopes)} }}";
}
