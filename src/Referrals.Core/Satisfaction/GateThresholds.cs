namespace Referrals.Core.Satisfaction;

/// <summary>
/// Where the satisfaction gate draws its lines on the 0-10 scale. Scores at or above <see cref="PromoterMinimum"/>
/// are promoters (they get the referral ask); scores at or below <see cref="DetractorMaximum"/> are detractors (they
/// get a service-recovery task instead); scores in between are passives (thank-you only).
/// Bound from <c>Referrals:Program:Gate</c>; check with <see cref="GateThresholdsValidator"/>.
/// </summary>
public sealed class GateThresholds
{
    /// <summary>Default lowest promoter score: 9, as in the standard Net Promoter definition.</summary>
    public const int DefaultPromoterMinimum = 9;

    /// <summary>Default highest detractor score: 6, as in the standard Net Promoter definition.</summary>
    public const int DefaultDetractorMaximum = 6;

    /// <summary>The lowest score (0-10) that counts as a promoter.</summary>
    public int PromoterMinimum { get; set; } = DefaultPromoterMinimum;

    /// <summary>The highest score (0-10) that counts as a detractor; must be below <see cref="PromoterMinimum"/>.</summary>
    public int DetractorMaximum { get; set; } = DefaultDetractorMaximum;
}
