using Referrals.Core.Attribution;
using Referrals.Core.Fraud;

namespace Referrals.Core.Engine;

/// <summary>What processing a paid order did.</summary>
/// <param name="Status">The overall result.</param>
/// <param name="ReferralId">The referral the order converted (or was rejected for), if any.</param>
/// <param name="Rule">The attribution rule that matched.</param>
/// <param name="Attribution">Why the order was or was not attributed.</param>
/// <param name="Fraud">The fraud outcome, when attributed.</param>
/// <param name="FraudReasons">The fraud signals, when any fired.</param>
public sealed record OrderOutcome(OrderStatus Status, Guid? ReferralId, AttributionRule? Rule, AttributionOutcome? Attribution,
    FraudOutcome? Fraud, IReadOnlyList<FraudReason> FraudReasons)
{
    /// <summary>The order had been processed before; nothing changed.</summary>
    public static OrderOutcome AlreadyProcessed { get; } = new(OrderStatus.AlreadyProcessed, null, null, null, null, []);

    /// <summary>The tenant is uninstalled; nothing was done.</summary>
    public static OrderOutcome TenantInactive { get; } = new(OrderStatus.TenantInactive, null, null, null, null, []);
}
