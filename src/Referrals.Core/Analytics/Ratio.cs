namespace Referrals.Core.Analytics;

/// <summary>Division for reports: a fraction, or <see langword="null"/> when there is nothing to divide by.</summary>
public static class Ratio
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/>, or <see langword="null"/> when <paramref name="whole"/> is 0.</summary>
    public static decimal? Of(long part, long whole) => whole == 0 ? null : (decimal)part / whole;

    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/>, or <see langword="null"/> when <paramref name="whole"/> is 0.</summary>
    public static decimal? Of(decimal part, decimal whole) => whole == 0 ? null : part / whole;
}
