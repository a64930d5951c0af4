using Referrals.Core.Rewards;
using static Referrals.Core.Tests.Rewards.LedgerEntryFactory;

namespace Referrals.Core.Tests.Rewards;

public sealed class DebtOffsetCalculatorTests
{
    private static readonly DateTimeOffset _later = HoldUntil.AddDays(10);

    [Test]
    public void OutstandingDebt_IsZero_WhenThereAreNoEntries() =>
        Assert.That(DebtOffsetCalculator.OutstandingDebt([]), Is.Zero);

    [Test]
    public void OutstandingDebt_IsTheUncollectedAmount_WhenAClawBackIsOutstanding()
    {
        var reward = IssuedReward(10m);

        var debt = DebtOffsetCalculator.OutstandingDebt([reward, OutstandingClawBack(reward, "refund-1", 4m)]);

        Assert.That(debt, Is.EqualTo(4m));
    }

    [Test]
    public void OutstandingDebt_AddsUpEveryOutstandingClawBack_WhenThereAreSeveral()
    {
        var reward = IssuedReward(10m);

        var debt = DebtOffsetCalculator.OutstandingDebt(
            [reward, OutstandingClawBack(reward, "refund-1", 4m), OutstandingClawBack(reward, "refund-2", 2.25m)]);

        Assert.That(debt, Is.EqualTo(6.25m));
    }

    [Test]
    public void OutstandingDebt_SubtractsOffsets_WhenALaterRewardPaidPartOff()
    {
        var reward = IssuedReward(10m);
        var nextReward = PendingReward(1.5m);

        var debt = DebtOffsetCalculator.OutstandingDebt(
            [reward, OutstandingClawBack(reward, "refund-1", 4m), nextReward, LedgerEntry.DebtOffsetOf(nextReward, 1.5m, _later)]);

        Assert.That(debt, Is.EqualTo(2.5m));
    }

    [Test]
    public void OutstandingDebt_IsZeroNotNegative_WhenOffsetsExceedTheDebt()
    {
        var reward = IssuedReward(10m);
        var nextReward = PendingReward(10m);

        var debt = DebtOffsetCalculator.OutstandingDebt(
            [OutstandingClawBack(reward, "refund-1", 4m), LedgerEntry.DebtOffsetOf(nextReward, 6m, _later)]);

        Assert.That(debt, Is.Zero);
    }

    [Test]
    public void OutstandingDebt_IgnoresClawBacks_WhenTheyAreSettledPendingOrCollected()
    {
        var unpaid = PendingReward(10m);
        var settled = LedgerEntry.ClawBackOf(unpaid, "refund-1", 3m, _later);
        var issued = IssuedReward(10m);
        var pending = LedgerEntry.ClawBackOf(issued, "refund-2", 2m, _later);
        var collected = LedgerEntry.ClawBackOf(issued, "refund-3", 1m, _later);
        collected.MarkIssued("store-credit-debit-1", _later);

        var debt = DebtOffsetCalculator.OutstandingDebt([unpaid, settled, issued, pending, collected]);

        Assert.That(debt, Is.Zero);
    }

    [Test]
    public void OutstandingDebt_Throws_WhenTheEntriesAreNull() =>
        Assert.That(() => DebtOffsetCalculator.OutstandingDebt(null!), Throws.ArgumentNullException);

    [TestCase(10, 4, 4)]
    [TestCase(10, 15, 10)]
    [TestCase(10, 10, 10)]
    [TestCase(0.01, 0.5, 0.01)]
    public void OffsetFor_TakesTheSmallerOfPayoutAndDebt_WhenBothArePositive(decimal payout, decimal debt, decimal expected) =>
        Assert.That(DebtOffsetCalculator.OffsetFor(payout, debt), Is.EqualTo(expected));

    [TestCase(0, 5)]
    [TestCase(-1, 5)]
    [TestCase(10, 0)]
    [TestCase(10, -3)]
    public void OffsetFor_IsZero_WhenThereIsNoPayoutOrNoDebt(decimal payout, decimal debt) =>
        Assert.That(DebtOffsetCalculator.OffsetFor(payout, debt), Is.Zero);

    [Test]
    public void ReturnToWithdraw_IsTheReturn_WhenAPaidRewardHadItsRepaymentReturned()
    {
        var reward = ApprovedReward(10m);
        var offset = LedgerEntry.DebtOffsetOf(reward, 4m, _later);
        reward.Void("The order was refunded in full.", _later);
        var returned = LedgerEntry.DebtReturnOf(reward, 4m, _later);
        reward.MarkIssuedAfterVoid("store-credit-tx-2", _later);

        Assert.That(DebtOffsetCalculator.ReturnToWithdraw(reward, [offset, returned]), Is.EqualTo(4m));
    }

    [Test]
    public void ReturnToWithdraw_IsZero_WhenTheReturnWasWithdrawnAlreadyOrNeverMade()
    {
        var reward = ApprovedReward(10m);
        var offset = LedgerEntry.DebtOffsetOf(reward, 4m, _later);
        var returned = LedgerEntry.DebtReturnOf(reward, 4m, _later);
        var withdrawn = LedgerEntry.DebtReturnWithdrawalOf(reward, 4m, _later);

        Assert.That(DebtOffsetCalculator.ReturnToWithdraw(reward, [offset, returned, withdrawn]), Is.Zero, "withdrawn once");
        Assert.That(DebtOffsetCalculator.ReturnToWithdraw(reward, [offset]), Is.Zero, "nothing returned");
        Assert.That(DebtOffsetCalculator.OutstandingDebt([offset, returned, withdrawn]), Is.Zero, "the repayment stands");
    }

    [Test]
    public void ReturnToWithdraw_IgnoresEntriesOfOtherRewards()
    {
        var reward = ApprovedReward(10m);
        var other = ApprovedReward(10m);

        Assert.That(DebtOffsetCalculator.ReturnToWithdraw(reward, [LedgerEntry.DebtReturnOf(other, 4m, _later)]), Is.Zero);
    }
}
