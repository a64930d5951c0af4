namespace Referrals.Core.Engine;

/// <summary>The overall result of processing a paid order.</summary>
public enum OrderStatus
{
    /// <summary>Recorded; no referral matched.</summary>
    NotReferred = 0,

    /// <summary>Converted a referral; rewards are pending.</summary>
    Converted = 1,

    /// <summary>Converted but flagged: the referral waits in the review queue.</summary>
    UnderReview = 2,

    /// <summary>Matched a referral that the fraud checks rejected.</summary>
    Rejected = 3,

    /// <summary>Seen before; nothing changed.</summary>
    AlreadyProcessed = 4,

    /// <summary>The tenant is uninstalled.</summary>
    TenantInactive = 5,

    /// <summary>Matched a referral but the order is below the program's minimum.</summary>
    BelowMinimum = 6,
}
