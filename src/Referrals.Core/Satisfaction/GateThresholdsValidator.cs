using Referrals.Core.Tenants;

namespace Referrals.Core.Satisfaction;

/// <summary>
/// Checks <see cref="GateThresholds"/>: <c>0 ≤ DetractorMaximum &lt; PromoterMinimum ≤ 10</c>. Every problem names its
/// key under <see cref="Prefix"/> and says how to fix it.
/// </summary>
public static class GateThresholdsValidator
{
    /// <summary>The configuration section the thresholds are bound from.</summary>
    public const string Prefix = ProgramSettingsValidator.Prefix + ":Gate";

    /// <summary>Returns every problem with <paramref name="thresholds"/>; an empty list means valid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is null.</exception>
    public static IReadOnlyList<SettingsProblem> Validate(GateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var problems = new List<SettingsProblem>();
        var promoterKey = $"{Prefix}:{nameof(GateThresholds.PromoterMinimum)}";
        var detractorKey = $"{Prefix}:{nameof(GateThresholds.DetractorMaximum)}";

        var promoterInRange = thresholds.PromoterMinimum is >= 1 and <= 10;
        if (!promoterInRange)
        {
            problems.Add(new SettingsProblem(
                promoterKey,
                $"{thresholds.PromoterMinimum} is not a score between 1 and 10. Promoters score this or higher; {GateThresholds.DefaultPromoterMinimum} is the standard."));
        }

        var detractorInRange = thresholds.DetractorMaximum is >= 0 and <= 9;
        if (!detractorInRange)
        {
            problems.Add(new SettingsProblem(
                detractorKey,
                $"{thresholds.DetractorMaximum} is not a score between 0 and 9. Detractors score this or lower; {GateThresholds.DefaultDetractorMaximum} is the standard."));
        }

        if (promoterInRange && detractorInRange && thresholds.DetractorMaximum >= thresholds.PromoterMinimum)
        {
            problems.Add(new SettingsProblem(
                detractorKey,
                $"The detractor maximum ({thresholds.DetractorMaximum}) must be below the promoter minimum ({thresholds.PromoterMinimum}), or one score would be both. Lower DetractorMaximum or raise PromoterMinimum; the standard is {GateThresholds.DefaultDetractorMaximum} and {GateThresholds.DefaultPromoterMinimum}."));
        }

        return problems;
    }
}
