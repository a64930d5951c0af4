namespace Referrals.Core.Review;

/// <summary>Where a review item is.</summary>
public enum ReviewStatus
{
    /// <summary>Waiting for a person.</summary>
    Open = 0,

    /// <summary>Accepted: the referral converts and earns its rewards.</summary>
    Approved = 1,

    /// <summary>Turned down: the referral is rejected and earns nothing.</summary>
    Rejected = 2,
}
