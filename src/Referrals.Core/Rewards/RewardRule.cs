namespace Referrals.Core.Rewards;

/// <summary>
/// How much a beneficiary earns for one converted referral: a fixed amount, a percentage of the order, or both
/// (the larger wins), optionally capped.
/// </summary>
public sealed class RewardRule
{
    /// <summary>The default fixed amount, in the program's currency.</summary>
    public const decimal DefaultFixedAmount = 10m;

    /// <summary>How the reward is paid.</summary>
    public RewardKind Kind { get; set; } = RewardKind.StoreCredit;

    /// <summary>A fixed amount in the program's currency; 0 for none.</summary>
    public decimal FixedAmount { get; set; } = DefaultFixedAmount;

    /// <summary>A percentage (0-100) of the order's total; 0 for none.</summary>
    public decimal PercentOfOrder { get; set; }

    /// <summary>An upper bound on one reward, or <see langword="null"/> for none.</summary>
    public decimal? MaximumAmount { get; set; }
}
