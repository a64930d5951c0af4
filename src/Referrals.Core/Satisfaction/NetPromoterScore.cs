namespace Referrals.Core.Satisfaction;

/// <summary>
/// Computes the Net Promoter Score of a set of 0-10 answers by the standard definition: promoters answer 9-10,
/// passives 7-8, detractors 0-6, and NPS = % promoters - % detractors.
/// </summary>
/// <remarks>
/// The standard bands are used <em>regardless of the program's <see cref="GateThresholds"/></em>: the gate decides who
/// is asked, while the NPS stays comparable with every other NPS figure a business sees. A program with a promoter
/// minimum of 8 still counts an 8 as passive here. Pure and thread-safe.
/// </remarks>
public static class NetPromoterScore
{
    /// <summary>The lowest promoter answer in the standard definition.</summary>
    public const int PromoterMinimum = 9;

    /// <summary>The highest detractor answer in the standard definition.</summary>
    public const int DetractorMaximum = 6;

    /// <summary>Computes the NPS of <paramref name="scores"/>.</summary>
    /// <param name="scores">Answers, each 0-10.</param>
    /// <returns>The score and counts, or <see langword="null"/> when there are no answers (an NPS of nobody is undefined, not 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 0-10.</exception>
    public static NetPromoterScoreResult? Compute(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var score in scores)
        {
            SatisfactionGate.ThrowIfNotAScore(score, nameof(scores));
            if (score >= PromoterMinimum)
            {
                promoters++;
            }
            else if (score <= DetractorMaximum)
            {
                detractors++;
            }
            else
            {
                passives++;
            }
        }

        var total = promoters + passives + detractors;
        if (total == 0)
        {
            return null;
        }

        var exact = 100m * (promoters - detractors) / total;
        var rounded = (int)Math.Round(exact, 0, MidpointRounding.AwayFromZero);
        return new NetPromoterScoreResult(rounded, exact, promoters, passives, detractors);
    }
}
