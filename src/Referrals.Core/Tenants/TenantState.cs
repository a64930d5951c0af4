namespace Referrals.Core.Tenants;

/// <summary>Whether the engine acts for a tenant.</summary>
public enum TenantState
{
    /// <summary>The program runs: events are processed and effects are carried out.</summary>
    Active = 0,

    /// <summary>The host uninstalled the app: no outgoing calls are made for this tenant.</summary>
    Uninstalled = 1,
}
