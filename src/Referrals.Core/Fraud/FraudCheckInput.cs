namespace Referrals.Core.Fraud;

/// <summary>The facts the fraud checks look at for one referral about to be converted.</summary>
public sealed record FraudCheckInput
{
    /// <summary>The advocate who referred.</summary>
    public required ReferralParty Advocate { get; init; }

    /// <summary>The friend who bought or signed up.</summary>
    public required ReferralParty Friend { get; init; }

    /// <summary>
    /// How many of this advocate's referrals converted within <see cref="FraudPolicy.VelocityWindow"/> before
    /// <see cref="Now"/>, not counting this one. The caller counts them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public required int AdvocateReferralsInWindow
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(AdvocateReferralsInWindow));
            field = value;
        }
    }

    /// <summary>When the check runs; copied to <see cref="FraudAssessment.AssessedAt"/> to start a review deadline from.</summary>
    public required DateTimeOffset Now { get; init; }
}
