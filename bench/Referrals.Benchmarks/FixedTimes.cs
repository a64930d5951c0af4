namespace Referrals.Benchmarks;

/// <summary>
/// The instants the benchmarks use. Fixed values, never the wall clock, so every run sees the same inputs
/// (and ambient time is banned in this repository anyway).
/// </summary>
internal static class FixedTimes
{
    /// <summary>When the friend clicked the advocate's link: five days before the order.</summary>
    public static readonly DateTimeOffset LinkClicked = new(2026, 11, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>When the sample order was placed (<c>created_at</c> of the synthetic Shopify fixture).</summary>
    public static readonly DateTimeOffset OrderPlaced = new(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(-5));

    /// <summary>When a reward's hold ends: 30 days after the order.</summary>
    public static readonly DateTimeOffset HoldEnds = OrderPlaced.AddDays(30);

    /// <summary>When the reward was issued: a day after the hold ended.</summary>
    public static readonly DateTimeOffset Issued = HoldEnds.AddDays(1);
}
