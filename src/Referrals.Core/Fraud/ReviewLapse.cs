namespace Referrals.Core.Fraud;

/// <summary>Decides what happens to an open review item when the lapse job looks at it.</summary>
public static class ReviewLapse
{
    /// <summary>
    /// <see cref="ReviewLapseOutcome.StillOpen"/> before <paramref name="deadline"/>; from the deadline on
    /// (inclusive: at exactly the deadline the item has lapsed) whatever <paramref name="policy"/> says, where
    /// <see cref="ReviewLapsePolicy.KeepWaiting"/> keeps it open.
    /// </summary>
    /// <param name="deadline">The item's deadline, see <see cref="ReviewDeadline.For(DateTimeOffset, TimeSpan)"/>.</param>
    /// <param name="now">The current instant, from the caller's clock.</param>
    /// <param name="policy">The program's lapse policy.</param>
    /// <returns>What to do with the item now.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined <see cref="ReviewLapsePolicy"/>.</exception>
    public static ReviewLapseOutcome Decide(DateTimeOffset deadline, DateTimeOffset now, ReviewLapsePolicy policy)
    {
        // Validate first so a bad setting fails on every call, not only once items start to lapse.
        var onLapse = policy switch
        {
            ReviewLapsePolicy.ApproveOnLapse => ReviewLapseOutcome.Approve,
            ReviewLapsePolicy.RejectOnLapse => ReviewLapseOutcome.Reject,
            ReviewLapsePolicy.KeepWaiting => ReviewLapseOutcome.StillOpen,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "The review lapse policy must be ApproveOnLapse, RejectOnLapse or KeepWaiting."),
        };

        return now < deadline ? ReviewLapseOutcome.StillOpen : onLapse;
    }
}
