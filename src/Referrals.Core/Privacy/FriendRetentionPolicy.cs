using Referrals.Core.Referrals;

namespace Referrals.Core.Privacy;

/// <summary>
/// Which invited friends are kept no longer: those of referrals that never converted (still Invited or Visited, or
/// Expired) whose last touch (visit, else invitation) is older than the retention.
/// </summary>
public static class FriendRetentionPolicy
{
    /// <summary>The states whose friend details the retention job erases; a converted friend is a customer, kept as a contact.</summary>
    public static IReadOnlyList<ReferralState> ErasableStates { get; } = [ReferralState.Invited, ReferralState.Visited, ReferralState.Expired];

    /// <summary>Referrals touched before this instant are past the retention.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="retentionDays">The retention in days, see <see cref="PrivacyOptions.UninvitedFriendRetentionDays"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retentionDays"/> is negative.</exception>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int retentionDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retentionDays);
        return now.ToUniversalTime() - TimeSpan.FromDays(retentionDays);
    }

    /// <summary>Whether the friend details of a referral in <paramref name="state"/>, last touched at <paramref name="touchedAt"/>, are to be erased.</summary>
    public static bool IsPastRetention(ReferralState state, DateTimeOffset touchedAt, DateTimeOffset cutoff) =>
        ErasableStates.Contains(state) && touchedAt < cutoff;
}
