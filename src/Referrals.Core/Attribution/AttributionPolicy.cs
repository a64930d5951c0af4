namespace Referrals.Core.Attribution;

/// <summary>
/// The program's attribution settings. Every instance is valid: invalid values throw when they are set.
/// </summary>
public sealed record AttributionPolicy
{
    /// <summary>The default <see cref="AttributionWindow"/> in days: 30.</summary>
    public const int DefaultAttributionWindowDays = 30;

    /// <summary>The default <see cref="AttributionWindow"/>: <see cref="DefaultAttributionWindowDays"/> days.</summary>
    public static readonly TimeSpan DefaultAttributionWindow = TimeSpan.FromDays(DefaultAttributionWindowDays);

    /// <summary>The default of <see cref="FirstOrderOnly"/>: true.</summary>
    public const bool DefaultFirstOrderOnly = true;

    /// <summary>
    /// How far a touch may lie after the order (5 minutes) and still count: the touch time comes from our
    /// server or the visitor's cookie, the order time from the shop, and their clocks differ slightly.
    /// </summary>
    public static readonly TimeSpan ClockSkewTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after the invitation or click an order still counts. Inclusive: an order placed exactly this
    /// long after the touch is attributed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan AttributionWindow
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(AttributionWindow),
                    value,
                    "The attribution window must be positive, for example 30 days; it is how long after an invitation or click an order still counts.");
            }

            field = value;
        }
    } = DefaultAttributionWindow;

    /// <summary>Whether only a buyer's first order (no previous orders) can be attributed.</summary>
    public bool FirstOrderOnly { get; init; } = DefaultFirstOrderOnly;
}
