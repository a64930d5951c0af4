namespace Referrals.Core.Fraud;

/// <summary>A fraud signal that fired for a referral.</summary>
public enum FraudReason
{
    /// <summary>The friend's normalized e-mail equals the advocate's.</summary>
    SelfReferralEmail = 0,

    /// <summary>The friend's customer id equals the advocate's.</summary>
    SelfReferralCustomerId = 1,

    /// <summary>The friend's address fingerprint equals the advocate's.</summary>
    SharedAddress = 2,

    /// <summary>The friend's normalized phone equals the advocate's.</summary>
    SharedPhone = 3,

    /// <summary>The friend's IP address and user agent both equal the advocate's.</summary>
    SharedDevice = 4,

    /// <summary>The advocate converted more referrals in the velocity window than the limit allows.</summary>
    VelocityExceeded = 5,
}
