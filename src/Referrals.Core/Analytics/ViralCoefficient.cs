namespace Referrals.Core.Analytics;

/// <summary>
/// The K-factor (viral coefficient) of a period's referral cohort, by the standard definition K = i × c: i is the
/// invitations per inviting advocate, c the share of those invitations that converted. K ≥ 1 means each advocate
/// brings in at least one new customer, who may refer in turn.
/// </summary>
/// <param name="Advocates">Distinct advocates who started a referral in the period.</param>
/// <param name="Invitations">Referrals started in the period.</param>
/// <param name="Converted">Of those referrals, the ones converted by now (Converted or Rewarded), whenever that happened.</param>
public sealed record ViralCoefficient(int Advocates, int Invitations, int Converted)
{
    /// <summary>i: invitations ÷ advocates, or <see langword="null"/> with no advocate.</summary>
    public decimal? InvitationsPerAdvocate => Ratio.Of(Invitations, Advocates);

    /// <summary>c: converted ÷ invitations, or <see langword="null"/> with no invitation.</summary>
    public decimal? ConversionRate => Ratio.Of(Converted, Invitations);

    /// <summary>K = i × c (which equals converted ÷ advocates), or <see langword="null"/> with no advocate.</summary>
    public decimal? KFactor => InvitationsPerAdvocate is { } i && ConversionRate is { } c ? i * c : null;
}
