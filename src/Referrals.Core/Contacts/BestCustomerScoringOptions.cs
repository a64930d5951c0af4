namespace Referrals.Core.Contacts;

/// <summary>
/// Weights and targets of <see cref="BestCustomerScorer"/>. Bound from <see cref="SectionName"/>; checked by
/// <see cref="BestCustomerScoringOptionsValidator"/>. Weights are relative: only their ratios matter.
/// </summary>
public sealed class BestCustomerScoringOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Referrals:BestCustomer";

    /// <summary>Default <see cref="RecencyWeight"/>: a recent buyer remembers the experience best, so recency weighs most.</summary>
    public const double DefaultRecencyWeight = 30;

    /// <summary>Default <see cref="FrequencyWeight"/>.</summary>
    public const double DefaultFrequencyWeight = 20;

    /// <summary>Default <see cref="MonetaryWeight"/>.</summary>
    public const double DefaultMonetaryWeight = 20;

    /// <summary>Default <see cref="SatisfactionWeight"/>.</summary>
    public const double DefaultSatisfactionWeight = 15;

    /// <summary>Default <see cref="AdvocacyWeight"/>.</summary>
    public const double DefaultAdvocacyWeight = 15;

    /// <summary>Default <see cref="RecencyHalfLifeDays"/>: a quarter-old order earns half the recency points.</summary>
    public const double DefaultRecencyHalfLifeDays = 90;

    /// <summary>Default <see cref="FrequencyTarget"/>: five orders earn all frequency points.</summary>
    public const int DefaultFrequencyTarget = 5;

    /// <summary>Default <see cref="MonetaryTarget"/>: 1,000 in the program currency earns all monetary points.</summary>
    public const decimal DefaultMonetaryTarget = 1000m;

    /// <summary>Default <see cref="AdvocacyTarget"/>: three referrals earn all advocacy points.</summary>
    public const int DefaultAdvocacyTarget = 3;

    /// <summary>Weight of the recency part. Default <see cref="DefaultRecencyWeight"/>; 0 or more.</summary>
    public double RecencyWeight { get; set; } = DefaultRecencyWeight;

    /// <summary>Weight of the frequency part. Default <see cref="DefaultFrequencyWeight"/>; 0 or more.</summary>
    public double FrequencyWeight { get; set; } = DefaultFrequencyWeight;

    /// <summary>Weight of the monetary part. Default <see cref="DefaultMonetaryWeight"/>; 0 or more.</summary>
    public double MonetaryWeight { get; set; } = DefaultMonetaryWeight;

    /// <summary>Weight of the satisfaction part. Default <see cref="DefaultSatisfactionWeight"/>; 0 or more.</summary>
    public double SatisfactionWeight { get; set; } = DefaultSatisfactionWeight;

    /// <summary>Weight of the advocacy part. Default <see cref="DefaultAdvocacyWeight"/>; 0 or more.</summary>
    public double AdvocacyWeight { get; set; } = DefaultAdvocacyWeight;

    /// <summary>Days after which recency points halve. Default <see cref="DefaultRecencyHalfLifeDays"/>; above 0.</summary>
    public double RecencyHalfLifeDays { get; set; } = DefaultRecencyHalfLifeDays;

    /// <summary>Orders that earn all frequency points. Default <see cref="DefaultFrequencyTarget"/>; 1 or more.</summary>
    public int FrequencyTarget { get; set; } = DefaultFrequencyTarget;

    /// <summary>
    /// Net spend, in the program currency, that earns all monetary points. Default <see cref="DefaultMonetaryTarget"/>; above 0.
    /// </summary>
    public decimal MonetaryTarget { get; set; } = DefaultMonetaryTarget;

    /// <summary>Referrals made that earn all advocacy points. Default <see cref="DefaultAdvocacyTarget"/>; 1 or more.</summary>
    public int AdvocacyTarget { get; set; } = DefaultAdvocacyTarget;
}
