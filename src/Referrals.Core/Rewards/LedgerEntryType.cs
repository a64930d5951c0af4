namespace Referrals.Core.Rewards;

/// <summary>Why a ledger entry exists. Rewards are positive; claw-backs and offsets are negative (an offset's return is positive).</summary>
public enum LedgerEntryType
{
    /// <summary>A reward earned by a converted referral.</summary>
    Reward = 0,

    /// <summary>A reversal of part or all of a reward because the order was refunded or cancelled.</summary>
    ClawBack = 1,

    /// <summary>
    /// Part of a new reward kept back to pay off debt left by an earlier claw-back that could not be collected
    /// (negative); or, positive, the part of that repayment returned to the debt when the reward was refunded or voided before it was paid.
    /// </summary>
    DebtOffset = 2,
}
