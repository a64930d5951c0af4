namespace Referrals.Core.Fraud;

/// <summary>What a fraud signal does to a referral when it fires.</summary>
public enum FraudSignalAction
{
    /// <summary>The signal is switched off.</summary>
    Ignore = 0,

    /// <summary>The referral goes to the review queue.</summary>
    Flag = 1,

    /// <summary>The referral is rejected outright.</summary>
    Reject = 2,
}
