namespace Referrals.Core.Rewards;

/// <summary>One reward a converted referral earns, before it is written to the ledger.</summary>
/// <param name="Beneficiary">Who it is for.</param>
/// <param name="CauseId">The cause, for <see cref="Rewards.Beneficiary.Cause"/>.</param>
/// <param name="Kind">How it is paid.</param>
/// <param name="Amount">How much, rounded to the currency's minor units.</param>
public sealed record PlannedReward(Beneficiary Beneficiary, string? CauseId, RewardKind Kind, Money Amount);
