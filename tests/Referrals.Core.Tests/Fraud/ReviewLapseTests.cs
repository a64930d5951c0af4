using Referrals.Core.Fraud;

namespace Referrals.Core.Tests.Fraud;

public sealed class ReviewLapseTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 11, 23, 15, 15, 0, TimeSpan.Zero);

    [TestCase(ReviewLapsePolicy.ApproveOnLapse)]
    [TestCase(ReviewLapsePolicy.RejectOnLapse)]
    [TestCase(ReviewLapsePolicy.KeepWaiting)]
    public void Decide_KeepsItemOpen_WhenBeforeTheDeadline(ReviewLapsePolicy policy)
    {
        var now = Deadline - TimeSpan.FromTicks(1);

        Assert.That(ReviewLapse.Decide(Deadline, now, policy), Is.EqualTo(ReviewLapseOutcome.StillOpen));
    }

    [TestCase(ReviewLapsePolicy.ApproveOnLapse, ReviewLapseOutcome.Approve)]
    [TestCase(ReviewLapsePolicy.RejectOnLapse, ReviewLapseOutcome.Reject)]
    [TestCase(ReviewLapsePolicy.KeepWaiting, ReviewLapseOutcome.StillOpen)]
    public void Decide_AppliesThePolicy_WhenExactlyAtTheDeadline(ReviewLapsePolicy policy, ReviewLapseOutcome expected)
    {
        Assert.That(ReviewLapse.Decide(Deadline, Deadline, policy), Is.EqualTo(expected));
    }

    [TestCase(ReviewLapsePolicy.ApproveOnLapse, ReviewLapseOutcome.Approve)]
    [TestCase(ReviewLapsePolicy.RejectOnLapse, ReviewLapseOutcome.Reject)]
    [TestCase(ReviewLapsePolicy.KeepWaiting, ReviewLapseOutcome.StillOpen)]
    public void Decide_AppliesThePolicy_WhenAfterTheDeadline(ReviewLapsePolicy policy, ReviewLapseOutcome expected)
    {
        Assert.That(ReviewLapse.Decide(Deadline, Deadline.AddDays(10), policy), Is.EqualTo(expected));
    }

    [Test]
    public void Decide_ComparesInstants_WhenDeadlineAndNowHaveDifferentOffsets()
    {
        var sameInstantInAmsterdam = Deadline.ToOffset(TimeSpan.FromHours(1));

        Assert.That(
            ReviewLapse.Decide(Deadline, sameInstantInAmsterdam, ReviewLapsePolicy.ApproveOnLapse),
            Is.EqualTo(ReviewLapseOutcome.Approve));
    }

    [Test]
    public void Decide_Throws_WhenPolicyIsUndefined()
    {
        Assert.That(
            () => ReviewLapse.Decide(Deadline, Deadline.AddDays(-1), (ReviewLapsePolicy)9),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("review lapse policy"));
    }
}
