namespace Referrals.Core.Satisfaction;

/// <summary>Where a 0-10 satisfaction score falls relative to the gate's thresholds.</summary>
public enum SatisfactionCategory
{
    /// <summary>At or below the detractor maximum: unhappy; do not ask for referrals.</summary>
    Detractor = 0,

    /// <summary>Between the two thresholds: satisfied but not enthusiastic.</summary>
    Passive,

    /// <summary>At or above the promoter minimum: enthusiastic; ask for referrals.</summary>
    Promoter,
}
