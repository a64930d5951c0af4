namespace Referrals.Core.Satisfaction;

/// <summary>A Net Promoter Score and the counts it was computed from.</summary>
/// <param name="Score">
/// The NPS rounded to a whole number (half away from zero), -100 to 100: the percentage of promoters minus the
/// percentage of detractors.
/// </param>
/// <param name="ExactScore">The NPS before rounding, -100 to 100.</param>
/// <param name="Promoters">Answers of 9 or 10.</param>
/// <param name="Passives">Answers of 7 or 8.</param>
/// <param name="Detractors">Answers of 0 to 6.</param>
public sealed record NetPromoterScoreResult(int Score, decimal ExactScore, int Promoters, int Passives, int Detractors)
{
    /// <summary>All answers counted: promoters + passives + detractors; always at least 1.</summary>
    public int Responses => Promoters + Passives + Detractors;
}
