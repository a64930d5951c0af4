namespace Referrals.Core.Rewards;

/// <summary>Why a ledger entry exists. Rewards are positive; claw-backs and offsets are negative.</summary>
public enum LedgerEntryType
{
    /// <summary>A reward earned by a converted referral.</summary>
    Reward = 0,

    /// <summary>A reversal of part or all of a reward because the order was refunded or cancelled.</summary>
    ClawBack = 1,

    /// <summary>Part of a new reward kept back to pay off debt left by an earlier claw-back that could not be collected.</summary>
    DebtOffset = 2,
}
