namespace Referrals.Core.Analytics;

/// <summary>
/// Step-to-step conversion rates of a <see cref="FunnelCounts"/>, each a fraction (0.25 = 25 %), not rounded, and
/// <see langword="null"/> when its denominator is zero (a rate of nothing is undefined, not 0).
/// </summary>
/// <param name="SendRate">Sent ÷ scheduled.</param>
/// <param name="AnswerRate">Answered ÷ sent.</param>
/// <param name="PromoterRate">Promoters ÷ answered.</param>
/// <param name="VisitRate">Visits ÷ referrals.</param>
/// <param name="ConversionRate">Conversions ÷ referrals.</param>
/// <param name="VisitConversionRate">Conversions ÷ visits.</param>
public sealed record FunnelRates(decimal? SendRate, decimal? AnswerRate, decimal? PromoterRate, decimal? VisitRate, decimal? ConversionRate, decimal? VisitConversionRate)
{
    /// <summary>The rates of <paramref name="counts"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    public static FunnelRates Of(FunnelCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new FunnelRates(
            Ratio.Of(counts.AsksSent, counts.AsksScheduled),
            Ratio.Of(counts.AsksAnswered, counts.AsksSent),
            Ratio.Of(counts.Promoters, counts.AsksAnswered),
            Ratio.Of(counts.Visits, counts.Referrals),
            Ratio.Of(counts.Conversions, counts.Referrals),
            Ratio.Of(counts.Conversions, counts.Visits));
    }
}
