namespace Referrals.Core.Fraud;

/// <summary>
/// Checks one referral for self-referral, shared identity and velocity. Pure: no IO and no clock, so the
/// same input always gives the same assessment.
/// </summary>
public static class FraudChecker
{
    /// <summary>
    /// Compares the friend with the advocate and applies <paramref name="policy"/>:
    /// same normalized e-mail (<see cref="FraudReason.SelfReferralEmail"/>), same customer id
    /// (<see cref="FraudReason.SelfReferralCustomerId"/>), same address fingerprint
    /// (<see cref="FraudReason.SharedAddress"/>), same normalized phone (<see cref="FraudReason.SharedPhone"/>),
    /// same IP address and same user agent, all four known (<see cref="FraudReason.SharedDevice"/>), and
    /// <see cref="FraudCheckInput.AdvocateReferralsInWindow"/> + 1 above <see cref="FraudPolicy.VelocityLimit"/>
    /// (<see cref="FraudReason.VelocityExceeded"/>).
    /// </summary>
    /// <remarks>
    /// Values are compared ordinally, exactly as given, because the caller normalized them. A null, empty or
    /// white-space value is unknown and never matches, not even another unknown value. Signals the policy
    /// ignores are not reported.
    /// </remarks>
    /// <param name="input">The two parties and the advocate's recent conversions.</param>
    /// <param name="policy">The program's fraud settings.</param>
    /// <returns>
    /// <see cref="FraudOutcome.Rejected"/> if any rejecting signal fired, else <see cref="FraudOutcome.Flagged"/>
    /// if any flagging signal fired, else <see cref="FraudOutcome.Clean"/>; with every fired signal as a reason.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument, or either party of <paramref name="input"/>, is null.</exception>
    public static FraudAssessment Check(FraudCheckInput input, FraudPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(input.Advocate, $"{nameof(input)}.{nameof(input.Advocate)}");
        ArgumentNullException.ThrowIfNull(input.Friend, $"{nameof(input)}.{nameof(input.Friend)}");

        var advocate = input.Advocate;
        var friend = input.Friend;
        var reasons = new List<FraudReason>();
        var outcome = FraudOutcome.Clean;

        void Signal(bool fired, FraudReason reason)
        {
            var action = policy.ActionFor(reason);
            if (!fired || action == FraudSignalAction.Ignore)
            {
                return;
            }

            reasons.Add(reason);
            var verdict = action == FraudSignalAction.Reject ? FraudOutcome.Rejected : FraudOutcome.Flagged;
            outcome = verdict > outcome ? verdict : outcome;
        }

        Signal(SameKnown(advocate.NormalizedEmail, friend.NormalizedEmail), FraudReason.SelfReferralEmail);
        Signal(SameKnown(advocate.CustomerId, friend.CustomerId), FraudReason.SelfReferralCustomerId);
        Signal(SameKnown(advocate.AddressFingerprint, friend.AddressFingerprint), FraudReason.SharedAddress);
        Signal(SameKnown(advocate.NormalizedPhone, friend.NormalizedPhone), FraudReason.SharedPhone);

        // An IP alone is a household or an office; with the same browser string it is likely one device.
        Signal(
            SameKnown(advocate.IpAddress, friend.IpAddress) && SameKnown(advocate.UserAgent, friend.UserAgent),
            FraudReason.SharedDevice);

        // The count excludes this referral, so this one is number count + 1.
        Signal(input.AdvocateReferralsInWindow + 1L > policy.VelocityLimit, FraudReason.VelocityExceeded);

        return new FraudAssessment(outcome, reasons, input.Now);
    }

    private static bool SameKnown(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a, b, StringComparison.Ordinal);
}
