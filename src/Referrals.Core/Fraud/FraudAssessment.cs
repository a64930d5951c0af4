namespace Referrals.Core.Fraud;

/// <summary>
/// The verdict of <see cref="FraudChecker.Check"/>. Only the checker creates assessments, so
/// <see cref="Outcome"/> is <see cref="FraudOutcome.Clean"/> exactly when <see cref="Reasons"/> is empty.
/// </summary>
public sealed class FraudAssessment
{
    internal FraudAssessment(FraudOutcome outcome, IReadOnlyList<FraudReason> reasons, DateTimeOffset assessedAt)
    {
        Outcome = outcome;
        Reasons = reasons;
        AssessedAt = assessedAt;
    }

    /// <summary>Clean, Flagged or Rejected; Rejected wins over Flagged.</summary>
    public FraudOutcome Outcome { get; }

    /// <summary>
    /// Every signal that fired and is not ignored by the policy, rejecting and flagging alike, in
    /// <see cref="FraudReason"/> order; each at most once.
    /// </summary>
    public IReadOnlyList<FraudReason> Reasons { get; }

    /// <summary>When the check ran (<see cref="FraudCheckInput.Now"/>); a flagged referral's review deadline starts here.</summary>
    public DateTimeOffset AssessedAt { get; }
}
