using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class AskTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static Ask Scheduled() =>
        Ask.FromPlan(Guid.NewGuid(), Guid.NewGuid(), AskTrigger.Purchase, "1001", AskPlan.Schedule(At, AskChannel.Email), At);

    [Test]
    public void FromPlan_RecordsTheReason_WhenThePlanIsASkip()
    {
        var ask = Ask.FromPlan(Guid.NewGuid(), Guid.NewGuid(), AskTrigger.Purchase, "1001", AskPlan.Skip(AskSkipReason.NoConsent, AskChannel.Email, At), At);

        Assert.That(ask.State, Is.EqualTo(AskState.Skipped));
        Assert.That(ask.SkipReason, Is.EqualTo(AskSkipReason.NoConsent));
    }

    [Test]
    public void MarkAnswered_RefusesASecondAnswer()
    {
        var ask = Scheduled();
        ask.MarkSent(At);
        ask.MarkAnswered(9, At);

        Assert.That(() => ask.MarkAnswered(3, At), Throws.InvalidOperationException);
        Assert.That(ask.Score, Is.EqualTo(9));
    }

    [Test]
    public void MarkAnswered_Refuses_WhenTheAskWasNotSent() =>
        Assert.That(() => Scheduled().MarkAnswered(9, At), Throws.InvalidOperationException);

    [Test]
    public void MarkSent_Refuses_WhenTheAskWasSkipped()
    {
        var ask = Scheduled();
        ask.MarkSkipped(AskSkipReason.ContactRedacted, At);

        Assert.That(() => ask.MarkSent(At), Throws.InvalidOperationException);
    }

    [Test]
    public void Cancel_Refuses_WhenTheAskWasSent()
    {
        var ask = Scheduled();
        ask.MarkSent(At);

        Assert.That(() => ask.Cancel(At), Throws.InvalidOperationException);
    }
}
