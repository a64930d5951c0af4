using Referrals.Core.Tenants;

namespace Referrals.Core.Satisfaction;

/// <summary>
/// The satisfaction gate (DESIGN.md §2.2): a 0-10 answer decides whether the contact gets the referral ask
/// (promoter), a thank-you only (passive), or a service-recovery task (detractor). Pure and thread-safe.
/// </summary>
public static class SatisfactionGate
{
    /// <summary>The lowest score on the scale.</summary>
    public const int MinimumScore = 0;

    /// <summary>The highest score on the scale.</summary>
    public const int MaximumScore = 10;

    /// <summary>Classifies <paramref name="score"/> under <paramref name="thresholds"/>.</summary>
    /// <param name="score">The answer, 0-10 inclusive.</param>
    /// <param name="thresholds">The program's thresholds; must pass <see cref="GateThresholdsValidator"/>.</param>
    /// <returns>
    /// <see cref="SatisfactionCategory.Promoter"/> with <see cref="GateNextStep.ReferralAsk"/> when the score is at least
    /// <see cref="GateThresholds.PromoterMinimum"/>; <see cref="SatisfactionCategory.Detractor"/> with
    /// <see cref="GateNextStep.ServiceRecoveryTask"/> when it is at most <see cref="GateThresholds.DetractorMaximum"/>;
    /// otherwise <see cref="SatisfactionCategory.Passive"/> with <see cref="GateNextStep.ThankYouOnly"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-10.</exception>
    /// <exception cref="InvalidProgramSettingsException">The thresholds are invalid; the message names the key and the fix.</exception>
    public static GateDecision Classify(int score, GateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ThrowIfNotAScore(score);
        var problems = GateThresholdsValidator.Validate(thresholds);
        if (problems.Count > 0)
        {
            throw new InvalidProgramSettingsException(problems);
        }

        if (score >= thresholds.PromoterMinimum)
        {
            return new GateDecision(score, SatisfactionCategory.Promoter, GateNextStep.ReferralAsk);
        }

        return score <= thresholds.DetractorMaximum
            ? new GateDecision(score, SatisfactionCategory.Detractor, GateNextStep.ServiceRecoveryTask)
            : new GateDecision(score, SatisfactionCategory.Passive, GateNextStep.ThankYouOnly);
    }

    internal static void ThrowIfNotAScore(int score, string parameterName = "score")
    {
        if (score is < MinimumScore or > MaximumScore)
        {
            throw new ArgumentOutOfRangeException(parameterName, score, $"A satisfaction score is a whole number from {MinimumScore} to {MaximumScore}.");
        }
    }
}
