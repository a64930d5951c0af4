using System.Globalization;
using Referrals.Core.Rewards;

namespace Referrals.Core.Engine;

/// <summary>Words an issued reward as the <c>reward</c> phrase of the templates.</summary>
public static class RewardPhrase
{
    /// <summary>"10 EUR store credit", "a 10 EUR discount code", "a 10 EUR gift card", "10 points", or "10 EUR".</summary>
    /// <param name="kind">How the reward is paid.</param>
    /// <param name="amount">The amount paid.</param>
    /// <returns>A phrase that reads after "your reward,".</returns>
    public static string For(RewardKind kind, Money amount)
    {
        var value = amount.Amount.ToString("0.##", CultureInfo.InvariantCulture);
        return kind switch
        {
            RewardKind.StoreCredit => $"{value} {amount.Currency} store credit",
            RewardKind.DiscountCode => $"a {value} {amount.Currency} discount code",
            RewardKind.GiftCard => $"a {value} {amount.Currency} gift card",
            RewardKind.Points => $"{value} points",
            _ => $"{value} {amount.Currency}",
        };
    }
}
