namespace Referrals.Core.Fraud;

/// <summary>The overall verdict of the fraud checks.</summary>
public enum FraudOutcome
{
    /// <summary>No signal that counts fired; the referral proceeds.</summary>
    Clean = 0,

    /// <summary>At least one flagging signal and no rejecting one fired; the referral goes to review.</summary>
    Flagged = 1,

    /// <summary>At least one rejecting signal fired; the referral is rejected, whatever else fired.</summary>
    Rejected = 2,
}
