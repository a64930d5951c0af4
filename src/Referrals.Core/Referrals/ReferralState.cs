namespace Referrals.Core.Referrals;

/// <summary>Where a referral is: Invited → Visited → Converted → Rewarded, or Rejected / Expired.</summary>
public enum ReferralState
{
    /// <summary>The advocate named or invited the friend.</summary>
    Invited = 0,

    /// <summary>The friend opened the link.</summary>
    Visited = 1,

    /// <summary>The friend bought or booked.</summary>
    Converted = 2,

    /// <summary>The rewards were issued.</summary>
    Rewarded = 3,

    /// <summary>Turned down: fraud checks, a reviewer, or the program's rules; see the reason.</summary>
    Rejected = 4,

    /// <summary>The friend never converted within the window.</summary>
    Expired = 5,

    /// <summary>Converted but flagged: waiting in the review queue.</summary>
    UnderReview = 6,
}
