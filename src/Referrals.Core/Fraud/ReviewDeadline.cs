namespace Referrals.Core.Fraud;

/// <summary>When a flagged referral's review lapses.</summary>
public static class ReviewDeadline
{
    /// <summary>The default review window in hours: 72.</summary>
    public const int DefaultReviewWindowHours = 72;

    /// <summary>The default review window: <see cref="DefaultReviewWindowHours"/> hours.</summary>
    public static readonly TimeSpan DefaultReviewWindow = TimeSpan.FromHours(DefaultReviewWindowHours);

    /// <summary>The deadline of an item flagged at <paramref name="flaggedAt"/>: <paramref name="flaggedAt"/> + <paramref name="reviewWindow"/>.</summary>
    /// <param name="flaggedAt">When the referral was flagged, for example <see cref="FraudAssessment.AssessedAt"/>.</param>
    /// <param name="reviewWindow">How long reviewers have.</param>
    /// <returns>The deadline, in <paramref name="flaggedAt"/>'s offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="reviewWindow"/> is zero or negative, or the deadline is past <see cref="DateTimeOffset.MaxValue"/>.
    /// </exception>
    public static DateTimeOffset For(DateTimeOffset flaggedAt, TimeSpan reviewWindow)
    {
        if (reviewWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(reviewWindow),
                reviewWindow,
                "The review window must be positive, for example 72 hours; it is how long reviewers have before the lapse policy decides.");
        }

        return flaggedAt + reviewWindow;
    }

    /// <summary>The deadline of an item flagged at <paramref name="flaggedAt"/> with <see cref="DefaultReviewWindow"/>.</summary>
    /// <param name="flaggedAt">When the referral was flagged.</param>
    /// <returns>The deadline, in <paramref name="flaggedAt"/>'s offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The deadline is past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    public static DateTimeOffset For(DateTimeOffset flaggedAt) => For(flaggedAt, DefaultReviewWindow);
}
