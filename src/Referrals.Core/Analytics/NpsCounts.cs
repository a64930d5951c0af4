using Referrals.Core.Satisfaction;

namespace Referrals.Core.Analytics;

/// <summary>The Net Promoter Score of answers already counted by band (for example by SQL).</summary>
public static class NpsCounts
{
    /// <summary>
    /// The NPS of <paramref name="promoters"/>, <paramref name="passives"/> and <paramref name="detractors"/>, by the
    /// same definition and rounding as <see cref="NetPromoterScore.Compute"/>.
    /// </summary>
    /// <returns>The result, or <see langword="null"/> when there are no answers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static NetPromoterScoreResult? Compute(int promoters, int passives, int detractors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promoters);
        ArgumentOutOfRangeException.ThrowIfNegative(passives);
        ArgumentOutOfRangeException.ThrowIfNegative(detractors);
        var total = promoters + passives + detractors;
        if (total == 0)
        {
            return null;
        }

        var exact = 100m * (promoters - detractors) / total;
        return new NetPromoterScoreResult((int)Math.Round(exact, 0, MidpointRounding.AwayFromZero), exact, promoters, passives, detractors);
    }
}
