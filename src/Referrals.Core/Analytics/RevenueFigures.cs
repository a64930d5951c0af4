namespace Referrals.Core.Analytics;

/// <summary>
/// Revenue of one currency in a period, from the orders table: orders <em>paid</em> in the period, cancelled orders
/// left out entirely, and refunds recorded against the counted orders subtracted (net = total − refunded). Referral
/// revenue is the part whose order converted a referral that still stands (Converted or Rewarded; rejected and
/// under-review conversions are not counted).
/// </summary>
/// <param name="Currency">The ISO 4217 currency of the orders.</param>
/// <param name="Orders">Paid, not cancelled orders.</param>
/// <param name="Gross">Their totals.</param>
/// <param name="Refunded">What was refunded of them so far.</param>
/// <param name="ReferralOrders">Of those orders, the ones that converted a referral.</param>
/// <param name="ReferralGross">Their totals.</param>
/// <param name="ReferralRefunded">What was refunded of them so far.</param>
public sealed record RevenueFigures(string Currency, int Orders, decimal Gross, decimal Refunded, int ReferralOrders, decimal ReferralGross, decimal ReferralRefunded)
{
    /// <summary>Gross − refunded.</summary>
    public decimal Net => Gross - Refunded;

    /// <summary>Referral gross − referral refunded.</summary>
    public decimal ReferralNet => ReferralGross - ReferralRefunded;

    /// <summary>Referral net ÷ net, or <see langword="null"/> when the net revenue is 0.</summary>
    public decimal? ReferralShare => Ratio.Of(ReferralNet, Net);
}
