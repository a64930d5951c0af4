using System.Globalization;
using Microsoft.Extensions.Options;

namespace Referrals.Core.Contacts;

/// <summary>
/// Ranks contacts for "best customers first": an RFM score (recency, frequency, monetary) plus satisfaction and
/// advocacy, 0-100.
/// </summary>
/// <remarks>
/// <para>Each part is scored 0-100:</para>
/// <list type="bullet">
/// <item><description>Recency = 100 × 0.5^(days since the last order ÷ <see cref="BestCustomerScoringOptions.RecencyHalfLifeDays"/>);
/// 0 without a known last order; an order "in the future" (clock skew) counts as today.</description></item>
/// <item><description>Frequency = 100 × min(1, orders ÷ <see cref="BestCustomerScoringOptions.FrequencyTarget"/>).</description></item>
/// <item><description>Monetary = 100 × min(1, net spend ÷ <see cref="BestCustomerScoringOptions.MonetaryTarget"/>); the spend is
/// taken to be in the program currency.</description></item>
/// <item><description>Satisfaction, from the last 0-10 score: detractors 0-6 → 5 × score (0-30); passives 7 → 50,
/// 8 → 60; promoters 9 → 90, 10 → 100. The step from 8 to 9 (into the promoters) is the largest. Unknown → 50,
/// neutral: the same as the lowest passive, above every detractor.</description></item>
/// <item><description>Advocacy = 100 × min(1, referrals made ÷ <see cref="BestCustomerScoringOptions.AdvocacyTarget"/>).</description></item>
/// </list>
/// <para>
/// Total = round(Σ weightᵢ × partᵢ ÷ Σ weightᵢ), half away from zero. Every part is non-decreasing in its input
/// and the weights are non-negative, so a more recent order, more orders, more spend, a higher satisfaction
/// score or more referrals never lowers the total. Pure and thread-safe.
/// </para>
/// </remarks>
public static class BestCustomerScorer
{
    /// <summary>The satisfaction points of a contact never asked: neutral, like a passive 7.</summary>
    public const double UnknownSatisfactionPoints = 50;

    private static readonly BestCustomerScoringOptionsValidator Validator = new();

    /// <summary>Scores a contact.</summary>
    /// <param name="stats">The contact's orders.</param>
    /// <param name="lastSatisfactionScore">The last 0-10 "how did we do" answer; null when never answered.</param>
    /// <param name="referralsMade">Referrals the contact has made; 0 or more.</param>
    /// <param name="now">The current time (from the caller's <see cref="TimeProvider"/>).</param>
    /// <param name="options">Weights and targets.</param>
    /// <returns>The total and its parts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stats"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="lastSatisfactionScore"/> is outside 0-10, or <paramref name="referralsMade"/> is negative.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> fail <see cref="BestCustomerScoringOptionsValidator"/>.</exception>
    public static BestCustomerScoreResult Score(
        OrderStats stats,
        int? lastSatisfactionScore,
        int referralsMade,
        DateTimeOffset now,
        BestCustomerScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(options);
        if (lastSatisfactionScore is { } score)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(score, nameof(lastSatisfactionScore));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 10, nameof(lastSatisfactionScore));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(referralsMade);
        var validation = Validator.Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        var recency = RecencyPoints(stats.LastOrderAt, now, options.RecencyHalfLifeDays);
        var frequency = Ratio(stats.OrdersCount, options.FrequencyTarget);
        var monetary = 100 * (double)Math.Min(1m, (stats.TotalSpent?.Amount ?? 0m) / options.MonetaryTarget);
        var satisfaction = SatisfactionPoints(lastSatisfactionScore);
        var advocacy = Ratio(referralsMade, options.AdvocacyTarget);

        var weighted =
            (options.RecencyWeight * recency)
            + (options.FrequencyWeight * frequency)
            + (options.MonetaryWeight * monetary)
            + (options.SatisfactionWeight * satisfaction)
            + (options.AdvocacyWeight * advocacy);
        var weightSum = options.RecencyWeight + options.FrequencyWeight + options.MonetaryWeight
            + options.SatisfactionWeight + options.AdvocacyWeight;
        var total = (int)Math.Clamp(Math.Round(weighted / weightSum, MidpointRounding.AwayFromZero), 0, 100);

        return new BestCustomerScoreResult(total, recency, frequency, monetary, satisfaction, advocacy);
    }

    /// <summary>The satisfaction part for a 0-10 score, or <see cref="UnknownSatisfactionPoints"/> for null.</summary>
    /// <param name="score">The score; null when unknown.</param>
    /// <returns>0-100, non-decreasing in <paramref name="score"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-10.</exception>
    public static double SatisfactionPoints(int? score) => score switch
    {
        null => UnknownSatisfactionPoints,
        >= 0 and <= 6 => 5.0 * score.Value,
        7 => 50,
        8 => 60,
        9 => 90,
        10 => 100,
        _ => throw new ArgumentOutOfRangeException(
            nameof(score), score, string.Create(CultureInfo.InvariantCulture, $"A satisfaction score is 0-10, not {score}.")),
    };

    private static double RecencyPoints(DateTimeOffset? lastOrderAt, DateTimeOffset now, double halfLifeDays)
    {
        if (lastOrderAt is not { } last)
        {
            return 0;
        }

        var days = Math.Max(0, (now - last).TotalDays);
        return 100 * Math.Pow(0.5, days / halfLifeDays);
    }

    private static double Ratio(int value, int target) => 100 * Math.Min(1.0, (double)value / target);
}
