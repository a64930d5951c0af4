using Referrals.Core.Tenants;

namespace Referrals.Core.Rewards;

/// <summary>
/// Works out what one converted referral earns: the advocate's reward (less any charity share, which goes to the
/// advocate's cause) and, for double-sided programs, the friend's reward. Pure arithmetic; rounding is half away
/// from zero to the currency's minor units, and the cause's share is taken from the rounded total so that the parts
/// always add up to it.
/// </summary>
public static class RewardCalculator
{
    /// <summary>The amount <paramref name="rule"/> gives for an order of <paramref name="orderTotal"/>.</summary>
    /// <remarks>The larger of the fixed amount and the percentage wins, then the cap applies. Never negative.</remarks>
    public static Money AmountFor(RewardRule rule, Money orderTotal)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var percent = Math.Max(0m, orderTotal.Amount) * rule.PercentOfOrder / 100m;
        var amount = Math.Max(rule.FixedAmount, percent);
        if (rule.MaximumAmount is { } cap)
        {
            amount = Math.Min(amount, cap);
        }

        return new Money(Math.Max(0m, amount), orderTotal.Currency).Rounded();
    }

    /// <summary>
    /// The rewards an order of <paramref name="orderTotal"/> earns under <paramref name="settings"/>.
    /// </summary>
    /// <param name="settings">The program; assumed valid.</param>
    /// <param name="orderTotal">The converting order's total in the program's currency.</param>
    /// <param name="advocateCauseId">The cause the advocate picked, or null for the program's first cause.</param>
    /// <returns>Zero-amount parts are left out; an order under the program's minimum earns nothing.</returns>
    public static IReadOnlyList<PlannedReward> Plan(ProgramSettings settings, Money orderTotal, string? advocateCauseId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (orderTotal.Amount < settings.MinimumOrderAmount || orderTotal.Amount <= 0)
        {
            return [];
        }

        var plan = new List<PlannedReward>(3);
        var advocate = AmountFor(settings.AdvocateReward, orderTotal);
        var cause = PickCause(settings, advocateCauseId);
        if (cause is not null && settings.CharitySharePercent > 0 && advocate.Amount > 0)
        {
            var share = (advocate with { Amount = advocate.Amount * settings.CharitySharePercent / 100m }).Rounded();
            advocate = advocate with { Amount = advocate.Amount - share.Amount };
            if (share.Amount > 0)
            {
                plan.Add(new PlannedReward(Beneficiary.Cause, cause, RewardKind.Donation, share));
            }
        }

        if (advocate.Amount > 0)
        {
            plan.Insert(0, new PlannedReward(Beneficiary.Advocate, null, settings.AdvocateReward.Kind, advocate));
        }

        if (settings.FriendReward is { } friendRule)
        {
            var friend = AmountFor(friendRule, orderTotal);
            if (friend.Amount > 0)
            {
                plan.Add(new PlannedReward(Beneficiary.Friend, null, friendRule.Kind, friend));
            }
        }

        return plan;
    }

    private static string? PickCause(ProgramSettings settings, string? advocateCauseId)
    {
        if (settings.Causes.Count == 0)
        {
            return null;
        }

        var picked = settings.Causes.FirstOrDefault(c => string.Equals(c.Id, advocateCauseId, StringComparison.OrdinalIgnoreCase));
        return (picked ?? settings.Causes[0]).Id;
    }
}
