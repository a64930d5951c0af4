using CsCheck;
using Referrals.Core.Rewards;
using static Referrals.Core.Tests.Rewards.LedgerEntryFactory;

namespace Referrals.Core.Tests.Rewards;

/// <summary>
/// Properties of returning a debt repayment over generated rewards: an approved reward of any amount that paid off
/// any part of a debt, then any refunds (claw-backs settled on the unpaid reward), then perhaps a void.
/// </summary>
public sealed class DebtRepaymentPropertyTests
{
    private static readonly DateTimeOffset _later = HoldUntil.AddDays(1);

    // In cents: the reward, the offset it carried (at most the reward), the refunds' shares, and whether it was voided.
    private static readonly Gen<(int Reward, int Offset, int[] Refunds, bool Voided)> Cases =
        Gen.Int[1, 100_000].SelectMany(reward => Gen.Select(
            Gen.Int[1, reward],
            Gen.Int[1, reward].Array[0, 4],
            Gen.Bool,
            (offset, refunds, voided) => (reward, offset, refunds, voided)));

    [Test]
    public void RepaymentToReturn_LeavesTheRewardCoveringItsRepayment_AndReturnsOnce()
    {
        Cases.Sample(c =>
        {
            var (reward, entries) = Build(c);
            var toReturn = DebtOffsetCalculator.RepaymentToReturn(reward, entries);
            if (toReturn < 0 || toReturn > c.Offset / 100m)
            {
                return false;
            }

            if (toReturn > 0)
            {
                entries.Add(LedgerEntry.DebtReturnOf(reward, toReturn, _later));
            }

            var repaid = -entries.Where(e => e.Type == LedgerEntryType.DebtOffset).Sum(e => e.Amount);
            var left = reward.Amount + entries.Sum(e => e.Amount);
            var exact = c.Voided
                ? repaid == 0
                : left >= 0 && (toReturn == 0 || left == 0);
            return exact && DebtOffsetCalculator.RepaymentToReturn(reward, entries) == 0;
        }, iter: 5_000);
    }

    [Test]
    public void RepaymentToReturn_ReturnsNothing_WhenTheRewardStillCoversItsRepayment()
    {
        Cases.Where(c => !c.Voided && c.Reward - Math.Min(c.Reward, c.Refunds.Sum()) >= c.Offset).Sample(c =>
        {
            var (reward, entries) = Build(c);
            return DebtOffsetCalculator.RepaymentToReturn(reward, entries) == 0;
        }, iter: 2_000);
    }

    [TestCase(10, 4, 0, false, 0)]
    [TestCase(10, 4, 2.5, false, 0)]
    [TestCase(10, 4, 7.5, false, 1.5)]
    [TestCase(10, 4, 10, false, 4)]
    [TestCase(10, 4, 0, true, 4)]
    [TestCase(10, 10, 2.5, false, 2.5)]
    public void RepaymentToReturn_IsWhatTheOffsetExceedsOfTheRewardLeft(decimal amount, decimal offset, decimal clawedBack, bool voided, decimal expected)
    {
        var reward = ApprovedReward(amount);
        List<LedgerEntry> entries = [LedgerEntry.DebtOffsetOf(reward, offset, _later)];
        if (clawedBack > 0)
        {
            entries.Add(LedgerEntry.ClawBackOf(reward, "refund-1", clawedBack, _later));
        }

        if (voided)
        {
            reward.Void("The order was cancelled.", _later);
        }

        Assert.That(DebtOffsetCalculator.RepaymentToReturn(reward, entries), Is.EqualTo(expected));
    }

    [Test]
    public void RepaymentToReturn_IgnoresEntriesOfOtherRewards()
    {
        var reward = ApprovedReward(10m);
        var other = ApprovedReward(10m);
        reward.Void("The order was refunded in full.", _later);

        Assert.That(DebtOffsetCalculator.RepaymentToReturn(reward, [LedgerEntry.DebtOffsetOf(other, 4m, _later)]), Is.Zero);
    }

    [Test]
    public void DebtReturnOf_IsAPositiveSettledOffset_WithItsOwnIdempotencyKey()
    {
        var reward = ApprovedReward(10m);
        var offset = LedgerEntry.DebtOffsetOf(reward, 4m, _later);

        var back = LedgerEntry.DebtReturnOf(reward, 1.5m, _later);

        Assert.Multiple(() =>
        {
            Assert.That(back.Type, Is.EqualTo(LedgerEntryType.DebtOffset));
            Assert.That(back.Amount, Is.EqualTo(1.5m));
            Assert.That(back.State, Is.EqualTo(LedgerEntryState.Settled));
            Assert.That(back.RelatedEntryId, Is.EqualTo(reward.Id));
            Assert.That(back.SourceEventId, Is.Not.EqualTo(offset.SourceEventId), "a return does not collide with the offset");
            Assert.That(DebtOffsetCalculator.OutstandingDebt([offset, back]), Is.Zero, "no debt without an uncollected claw-back");
        });
    }

    [Test]
    public void DebtReturnOf_NumbersLaterReturnsOfOneReward_KeepingTheFirstKey()
    {
        var reward = ApprovedReward(10m);

        var keys = new[] { 1, 2, 3, 2 }.Select(n => LedgerEntry.DebtReturnOf(reward, 1m, _later, n).SourceEventId).ToList();

        Assert.That(keys[0], Is.EqualTo("return:" + reward.Id.ToString("N")), "the first return keeps the key it always had");
        Assert.That(keys.Take(3), Is.Unique);
        Assert.That(keys[3], Is.EqualTo(keys[1]), "the same number is the same key, which the database refuses twice");
        Assert.That(() => LedgerEntry.DebtReturnOf(reward, 1m, _later, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void DebtReturnOf_Throws_WhenTheAmountIsNotPositive(decimal amount) =>
        Assert.That(() => LedgerEntry.DebtReturnOf(ApprovedReward(), amount, _later), Throws.TypeOf<ArgumentOutOfRangeException>());

    // The reward approved with its offset, then each refund's share clawed back (no more than what is left), then the void.
    private static (LedgerEntry Reward, List<LedgerEntry> Entries) Build((int Reward, int Offset, int[] Refunds, bool Voided) c)
    {
        var reward = ApprovedReward(c.Reward / 100m);
        var entries = new List<LedgerEntry> { LedgerEntry.DebtOffsetOf(reward, c.Offset / 100m, _later) };
        var left = c.Reward;
        for (var i = 0; i < c.Refunds.Length && left > 0; i++)
        {
            var share = Math.Min(c.Refunds[i], left);
            entries.Add(LedgerEntry.ClawBackOf(reward, "refund-" + i, share / 100m, _later));
            left -= share;
        }

        if (c.Voided)
        {
            reward.Void("The order was refunded in full.", _later);
        }

        return (reward, entries);
    }
}
