using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Rewards;

public sealed class PaymentReductionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SettledReduction Offset = new(Guid.NewGuid(), LedgerEntryType.DebtOffset, -4m, T0);
    private static readonly SettledReduction OldClawBack = new(Guid.NewGuid(), LedgerEntryType.ClawBack, -1m, T0.AddDays(1));
    private static readonly SettledReduction NewClawBack = new(Guid.NewGuid(), LedgerEntryType.ClawBack, -2.5m, T0.AddDays(2));

    [Test]
    public void SubtractedBy_KeepsEveryReduction_WhenThePaymentIsWhatTheyLeave() =>
        Assert.That(PaymentReductions.SubtractedBy(2.5m, 10m, [Offset, OldClawBack, NewClawBack]),
            Is.EquivalentTo(new[] { Offset.Id, OldClawBack.Id, NewClawBack.Id }));

    [Test]
    public void SubtractedBy_LeavesOutTheNewestClawBacks_WhenThePaymentWasMoreByTheirSum()
    {
        Assert.That(PaymentReductions.SubtractedBy(5m, 10m, [Offset, OldClawBack, NewClawBack]), Is.EquivalentTo(new[] { Offset.Id, OldClawBack.Id }));
        Assert.That(PaymentReductions.SubtractedBy(6m, 10m, [Offset, OldClawBack, NewClawBack]), Is.EquivalentTo(new[] { Offset.Id }), "an offset is never left out");
    }

    [Test]
    public void SubtractedBy_SkipsANewerClawBackLargerThanWhatIsLeft_AndTakesAnOlderOneThatFits() =>
        Assert.That(PaymentReductions.SubtractedBy(3.5m, 10m, [Offset, OldClawBack, NewClawBack]), Is.EquivalentTo(new[] { Offset.Id, NewClawBack.Id }));

    [Test]
    public void SubtractedBy_KeepsEveryReduction_WhenThePaymentWasLessThanAsked() =>
        Assert.That(PaymentReductions.SubtractedBy(1m, 10m, [Offset, OldClawBack, NewClawBack]), Has.Count.EqualTo(3));
}
