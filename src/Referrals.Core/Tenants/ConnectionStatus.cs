namespace Referrals.Core.Tenants;

/// <summary>Whether a tenant's stored credentials can still be used.</summary>
public enum ConnectionStatus
{
    /// <summary>The credentials work, as far as the engine knows.</summary>
    Connected = 0,

    /// <summary>The host refused them for good (for example a refresh answered <c>invalid_grant</c>): the merchant must reconnect.</summary>
    NeedsReauthorization = 1,
}
