namespace Referrals.Core.Analytics;

/// <summary>
/// The counted orders (paid in the hour, not cancelled) of one tenant, hour and currency, with the part whose referral
/// stands now (Converted or Rewarded). Kept by the engine like <see cref="AnalyticsHour"/>.
/// </summary>
public sealed class AnalyticsRevenueHour
{
    /// <summary>The tenant.</summary>
    public Guid TenantId { get; set; }

    /// <summary>The hour of <c>Orders.PaidAt</c> (<see cref="RollupHours.Of"/>).</summary>
    public long Hour { get; set; }

    /// <summary>The orders' currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>Counted orders.</summary>
    public int Orders { get; set; }

    /// <summary>Their totals.</summary>
    public decimal Gross { get; set; }

    /// <summary>Refunds recorded on them so far.</summary>
    public decimal Refunded { get; set; }

    /// <summary>Counted orders whose referral stands.</summary>
    public int ReferralOrders { get; set; }

    /// <summary>Their totals.</summary>
    public decimal ReferralGross { get; set; }

    /// <summary>Their refunds so far.</summary>
    public decimal ReferralRefunded { get; set; }
}
