using Referrals.Core.Privacy;
using Referrals.Core.Referrals;

namespace Referrals.Core.Tests.Privacy;

public sealed class FriendRetentionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Cutoff_IsTheRetentionBeforeNow_InUtc() =>
        Assert.That(FriendRetentionPolicy.Cutoff(Now.ToOffset(TimeSpan.FromHours(2)), 180), Is.EqualTo(Now.AddDays(-180)).And.Property("Offset").EqualTo(TimeSpan.Zero));

    [TestCase(ReferralState.Invited, true)]
    [TestCase(ReferralState.Visited, true)]
    [TestCase(ReferralState.Expired, true)]
    [TestCase(ReferralState.Converted, false)]
    [TestCase(ReferralState.UnderReview, false)]
    [TestCase(ReferralState.Rewarded, false)]
    [TestCase(ReferralState.Rejected, false)]
    public void IsPastRetention_OnlyForFriendsWhoNeverConverted(ReferralState state, bool erased) =>
        Assert.That(FriendRetentionPolicy.IsPastRetention(state, Now.AddDays(-181), FriendRetentionPolicy.Cutoff(Now, 180)), Is.EqualTo(erased));

    [Test]
    public void IsPastRetention_IsFalse_OnTheCutoffItself() =>
        Assert.That(FriendRetentionPolicy.IsPastRetention(ReferralState.Invited, Now.AddDays(-180), FriendRetentionPolicy.Cutoff(Now, 180)), Is.False);
}
