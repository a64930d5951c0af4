namespace Referrals.Core.Tenants;

/// <summary>
/// The credentials a host gave the engine for one tenant. Every secret is stored as an opaque, already encrypted string
/// (the host encrypts and decrypts, for example with ASP.NET Core Data Protection): this type never sees plain text
/// and cannot tell a token from a cipher text, so nothing here can leak one.
/// </summary>
public sealed class TenantConnection
{
    private TenantConnection()
    {
        TenantKey = ProtectedAccessToken = GrantedScopes = "";
    }

    /// <summary>Creates the connection of a tenant.</summary>
    /// <param name="tenantId">The tenant's id.</param>
    /// <param name="tenantKey">The tenant's host key (a shop domain), lower-cased.</param>
    /// <param name="mode">How access was granted.</param>
    /// <param name="connectedAt">When (UTC).</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public TenantConnection(Guid tenantId, string tenantKey, ConnectionMode mode, DateTimeOffset connectedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantKey);
        TenantId = tenantId;
        TenantKey = tenantKey.Trim().ToLowerInvariant();
        Mode = mode;
        ProtectedAccessToken = "";
        GrantedScopes = "";
        ConnectedAt = connectedAt;
        UpdatedAt = connectedAt;
    }

    /// <summary>The tenant's id; one connection per tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The tenant's host key (shop domain), lower-case. Unique.</summary>
    public string TenantKey { get; private set; }

    /// <summary>How access was granted.</summary>
    public ConnectionMode Mode { get; private set; }

    /// <summary>Whether the credentials can be used.</summary>
    public ConnectionStatus Status { get; private set; }

    /// <summary>Why the merchant must reconnect, in words they can act on; null while connected.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>The encrypted access token.</summary>
    public string ProtectedAccessToken { get; private set; }

    /// <summary>When the access token expires; null for a token that does not expire.</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; private set; }

    /// <summary>The encrypted refresh token; null when the token cannot be refreshed.</summary>
    public string? ProtectedRefreshToken { get; private set; }

    /// <summary>When the refresh token expires, if known.</summary>
    public DateTimeOffset? RefreshTokenExpiresAt { get; private set; }

    /// <summary>The encrypted API secret of a custom app (its webhooks are signed with it); null for OAuth.</summary>
    public string? ProtectedApiSecret { get; private set; }

    /// <summary>The scopes the host granted, comma-separated as it reported them.</summary>
    public string GrantedScopes { get; private set; }

    /// <summary>When the tenant was (last) connected.</summary>
    public DateTimeOffset ConnectedAt { get; private set; }

    /// <summary>When the credentials last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Replaces every credential after a (re)connection and marks the connection usable.</summary>
    /// <exception cref="ArgumentException">The access token or scopes are empty.</exception>
    public void Connect(ConnectionMode mode, TenantTokens tokens, string grantedScopes, string? protectedApiSecret, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(grantedScopes);
        Mode = mode;
        ProtectedApiSecret = protectedApiSecret;
        GrantedScopes = grantedScopes;
        ConnectedAt = at;
        Rotate(tokens, at);
    }

    /// <summary>Stores the tokens a refresh returned (the refresh token rotates) and marks the connection usable.</summary>
    /// <exception cref="ArgumentException">The access token is empty.</exception>
    public void Rotate(TenantTokens tokens, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentException.ThrowIfNullOrEmpty(tokens.ProtectedAccessToken);
        ProtectedAccessToken = tokens.ProtectedAccessToken;
        AccessTokenExpiresAt = tokens.AccessTokenExpiresAt;
        ProtectedRefreshToken = tokens.ProtectedRefreshToken;
        RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt;
        Status = ConnectionStatus.Connected;
        StatusReason = null;
        UpdatedAt = at;
    }

    /// <summary>
    /// The host revoked access (for example the app was uninstalled): forgets the access and refresh tokens, keeps a
    /// custom app's API secret (the host may still sign a last delivery with it), and marks the connection as needing
    /// re-authorisation.
    /// </summary>
    public void Revoke(string reason, DateTimeOffset at)
    {
        ProtectedAccessToken = "";
        AccessTokenExpiresAt = null;
        ProtectedRefreshToken = null;
        RefreshTokenExpiresAt = null;
        MarkNeedsReauthorization(reason, at);
    }

    /// <summary>Marks the credentials unusable until the merchant reconnects. Calling it again keeps the first reason.</summary>
    public void MarkNeedsReauthorization(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status == ConnectionStatus.NeedsReauthorization)
        {
            return;
        }

        Status = ConnectionStatus.NeedsReauthorization;
        StatusReason = reason.Length > 1000 ? reason[..1000] : reason;
        UpdatedAt = at;
    }
}
