namespace Referrals.Core.Contacts;

/// <summary>Placeholder until the contacts rules land.</summary>
public enum ContactKind
{
    /// <summary>A customer.</summary>
    Client = 0,

    /// <summary>A professional who refers.</summary>
    ReferralPartner = 1,

    /// <summary>Someone the owner knows.</summary>
    SphereOfInfluence = 2,
}
