namespace Referrals.Core.Fraud;

/// <summary>What to do with a review item now.</summary>
public enum ReviewLapseOutcome
{
    /// <summary>Leave the item open: the deadline has not come, or the policy keeps waiting.</summary>
    StillOpen = 0,

    /// <summary>The item lapsed and is approved.</summary>
    Approve = 1,

    /// <summary>The item lapsed and is rejected.</summary>
    Reject = 2,
}
