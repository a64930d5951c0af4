using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Rewards;

public sealed class ClawBackCalculatorTests
{
    /// <summary>Feeds refunds through the calculator the way the ledger does and returns each claw-back.</summary>
    private static List<decimal> ClawBacksFor(decimal reward, decimal orderTotal, string currency, params decimal[] refunds)
    {
        var clawBacks = new List<decimal>();
        decimal clawedBack = 0m, refunded = 0m;
        foreach (var refund in refunds)
        {
            var amount = ClawBackCalculator.AmountFor(reward, clawedBack, orderTotal, refunded, refund, currency);
            clawBacks.Add(amount);
            clawedBack += amount;
            refunded += refund;
        }

        return clawBacks;
    }

    [TestCase(25, 2.50)]
    [TestCase(50, 5.00)]
    [TestCase(100, 10.00)]
    [TestCase(1, 0.10)]
    public void AmountFor_ClawsBackTheRefundedShare_WhenPartOfTheOrderIsRefunded(decimal refunded, decimal expected) =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 0m, 100m, 0m, refunded, "EUR"), Is.EqualTo(expected));

    [Test]
    public void AmountFor_ClawsBackHalf_WhenHalfTheOrderIsRefunded() =>
        Assert.That(ClawBackCalculator.AmountFor(7.50m, 0m, 60m, 0m, 30m, "EUR"), Is.EqualTo(3.75m));

    [Test]
    public void AmountFor_ClawsBackExactlyTheWholeReward_WhenThreeEqualRefundsAddUpToTheOrder()
    {
        var clawBacks = ClawBacksFor(10m, 30m, "EUR", 10m, 10m, 10m);

        Assert.That(clawBacks, Is.EqualTo(new[] { 3.33m, 3.34m, 3.33m }));
        Assert.That(clawBacks.Sum(), Is.EqualTo(10.00m));
    }

    [Test]
    public void AmountFor_ClawsBackExactlyTheWholeReward_WhenTwoUnevenRefundsAddUpToTheOrder()
    {
        var clawBacks = ClawBacksFor(10m, 30m, "EUR", 10m, 20m);

        Assert.That(clawBacks, Is.EqualTo(new[] { 3.33m, 6.67m }));
        Assert.That(clawBacks.Sum(), Is.EqualTo(10.00m));
    }

    [Test]
    public void AmountFor_ClawsBackExactlyTheWholeReward_WhenManySmallRefundsAddUpToTheOrder()
    {
        var refunds = Enumerable.Repeat(1m, 7).ToArray();

        var clawBacks = ClawBacksFor(1m, 7m, "EUR", refunds);

        Assert.That(clawBacks.Sum(), Is.EqualTo(1.00m));
        Assert.That(clawBacks, Is.All.InRange(0.14m, 0.15m));
    }

    [Test]
    public void AmountFor_ClawsBackWholeYen_WhenTheRewardIsInJpy()
    {
        var clawBacks = ClawBacksFor(1000m, 3000m, "JPY", 1000m, 1000m, 1000m);

        Assert.That(clawBacks, Is.EqualTo(new[] { 333m, 334m, 333m }));
    }

    [Test]
    public void AmountFor_RoundsHalfAwayFromZero_WhenTheShareFallsOnAHalfCent() =>
        Assert.That(ClawBackCalculator.AmountFor(0.05m, 0m, 2m, 0m, 1m, "EUR"), Is.EqualTo(0.03m));

    [Test]
    public void AmountFor_TakesOnlyWhatIsLeft_WhenPartOfTheRewardWasAlreadyClawedBack() =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 7.5m, 100m, 0m, 100m, "EUR"), Is.EqualTo(2.50m));

    [Test]
    public void AmountFor_IsZero_WhenTheWholeRewardWasAlreadyClawedBack() =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 10m, 100m, 50m, 50m, "EUR"), Is.Zero);

    [Test]
    public void AmountFor_IsZeroNotNegative_WhenEarlierClawBacksTookMoreThanTheRefundedShare() =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 6m, 100m, 0m, 50m, "EUR"), Is.Zero);

    [Test]
    public void AmountFor_ClawsBackTheWholeRewardOnly_WhenTheRefundIsLargerThanTheOrder() =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 0m, 50m, 0m, 80m, "EUR"), Is.EqualTo(10m));

    [Test]
    public void AmountFor_ClawsBackOnlyTheRest_WhenRefundsTogetherExceedTheOrder() =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 4m, 50m, 20m, 50m, "EUR"), Is.EqualTo(6m));

    [Test]
    public void AmountFor_ClawsBackEverythingLeft_WhenTheOrderTotalIsZero() =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 2m, 0m, 0m, 5m, "EUR"), Is.EqualTo(8m));

    [TestCase(0)]
    [TestCase(-5)]
    public void AmountFor_IsZero_WhenNothingIsRefundedNow(decimal refundedNow) =>
        Assert.That(ClawBackCalculator.AmountFor(10m, 0m, 100m, 0m, refundedNow, "EUR"), Is.Zero);

    [TestCase(0)]
    [TestCase(-10)]
    public void AmountFor_IsZero_WhenThereIsNoReward(decimal reward) =>
        Assert.That(ClawBackCalculator.AmountFor(reward, 0m, 100m, 0m, 50m, "EUR"), Is.Zero);
}
