namespace Referrals.Core.Rewards;

/// <summary>
/// How much of a reward a refund takes back: the reward's share of the refunded part of the order, never more than
/// is left of the reward after earlier claw-backs.
/// </summary>
public static class ClawBackCalculator
{
    /// <summary>The amount (positive) to claw back for one refund.</summary>
    /// <param name="rewardAmount">The original reward (positive).</param>
    /// <param name="alreadyClawedBack">What earlier refunds took back (positive).</param>
    /// <param name="orderTotal">The order's total when it was paid.</param>
    /// <param name="refundedBefore">What earlier refunds returned of the order.</param>
    /// <param name="refundedNow">What this refund returns.</param>
    /// <param name="currency">The reward's currency, for rounding.</param>
    /// <remarks>
    /// Computed from the cumulative refund so rounding never drifts: after refunds that add up to the whole order,
    /// exactly the whole reward has been taken back.
    /// </remarks>
    public static decimal AmountFor(decimal rewardAmount, decimal alreadyClawedBack, decimal orderTotal, decimal refundedBefore, decimal refundedNow, string currency)
    {
        if (rewardAmount <= 0 || refundedNow <= 0)
        {
            return 0m;
        }

        var remaining = rewardAmount - alreadyClawedBack;
        if (remaining <= 0)
        {
            return 0m;
        }

        if (orderTotal <= 0)
        {
            return remaining;
        }

        var refundedSoFar = Math.Min(orderTotal, refundedBefore + refundedNow);
        var dueSoFar = new Money(rewardAmount * refundedSoFar / orderTotal, currency).Rounded().Amount;
        return Math.Clamp(dueSoFar - alreadyClawedBack, 0m, remaining);
    }
}
