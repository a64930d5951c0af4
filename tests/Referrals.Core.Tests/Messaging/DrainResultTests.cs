using Referrals.Core.Messaging;

namespace Referrals.Core.Tests.Messaging;

public sealed class DrainResultTests
{
    [Test]
    public void Plus_AddsEachCount_WhenCombiningTwoPasses()
    {
        var first = new DrainResult(Claimed: 5, Succeeded: 3, Retrying: 1, DeadLettered: 1);
        var second = new DrainResult(Claimed: 10, Succeeded: 8, Retrying: 2, DeadLettered: 0);

        Assert.That(first.Plus(second), Is.EqualTo(new DrainResult(15, 11, 3, 1)));
    }

    [Test]
    public void Plus_LeavesBothPassesUnchanged_WhenCombining()
    {
        var first = new DrainResult(5, 3, 1, 1);
        var second = new DrainResult(10, 8, 2, 0);

        _ = first.Plus(second);

        Assert.That(first, Is.EqualTo(new DrainResult(5, 3, 1, 1)));
        Assert.That(second, Is.EqualTo(new DrainResult(10, 8, 2, 0)));
    }

    [Test]
    public void Plus_GivesTheOtherPass_WhenStartingFromEmpty()
    {
        var pass = new DrainResult(4, 2, 1, 1);

        Assert.That(DrainResult.Empty.Plus(pass), Is.EqualTo(pass));
        Assert.That(pass.Plus(DrainResult.Empty), Is.EqualTo(pass));
    }

    [Test]
    public void Empty_CountsNothing() =>
        Assert.That(DrainResult.Empty, Is.EqualTo(new DrainResult(0, 0, 0, 0)));

    [Test]
    public void Plus_Throws_WhenTheOtherPassIsNull() =>
        Assert.That(() => DrainResult.Empty.Plus(null!), Throws.ArgumentNullException);
}
