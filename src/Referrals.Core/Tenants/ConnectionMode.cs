namespace Referrals.Core.Tenants;

/// <summary>How a tenant's host granted the engine access.</summary>
public enum ConnectionMode
{
    /// <summary>The authorization-code grant: an expiring offline access token with a rotating refresh token.</summary>
    OAuth = 0,

    /// <summary>A custom app made in the shop's admin: a non-expiring Admin API token and the app's own API secret.</summary>
    CustomApp = 1,
}
