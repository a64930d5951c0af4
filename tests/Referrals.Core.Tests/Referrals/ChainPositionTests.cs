using Referrals.Core.Referrals;

namespace Referrals.Core.Tests.Referrals;

public sealed class ChainPositionTests
{
    private static readonly Guid _tenantId = new("11111111-2222-4333-8444-555555555501");
    private static readonly Guid _anna = new("a0000000-0000-4000-8000-00000000000a");
    private static readonly Guid _bo = new("b0000000-0000-4000-8000-00000000000b");
    private static readonly Guid _cai = new("c0000000-0000-4000-8000-00000000000c");
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Referral ReferralBy(Guid advocate, Referral? advocatesOwnReferral) =>
        new(_tenantId, advocate, ReferralSource.Link, ChainPosition.For(advocate, advocatesOwnReferral), "EUR", _now);

    [Test]
    public void For_PutsTheReferralAtDepthOneUnderItsOwnAdvocate_WhenTheAdvocateWasNotReferred() =>
        Assert.That(ChainPosition.For(_anna, null), Is.EqualTo(new ChainPosition(null, _anna, 1)));

    [Test]
    public void For_HangsTheReferralUnderTheAdvocatesReferral_WhenTheAdvocateWasReferred()
    {
        var annaReferredBo = ReferralBy(_anna, null);

        var position = ChainPosition.For(_bo, annaReferredBo);

        Assert.That(position, Is.EqualTo(new ChainPosition(annaReferredBo.Id, _anna, 2)));
    }

    [Test]
    public void For_KeepsTheRootAndDeepensByOne_WhenTheChainHasThreeLevels()
    {
        var annaReferredBo = ReferralBy(_anna, null);
        var boReferredCai = ReferralBy(_bo, annaReferredBo);
        var caiReferredSomeone = ReferralBy(_cai, boReferredCai);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(annaReferredBo.Depth, Is.EqualTo(1));
            Assert.That(annaReferredBo.ParentReferralId, Is.Null);
            Assert.That(boReferredCai.Depth, Is.EqualTo(2));
            Assert.That(boReferredCai.ParentReferralId, Is.EqualTo(annaReferredBo.Id));
            Assert.That(caiReferredSomeone.Depth, Is.EqualTo(3));
            Assert.That(caiReferredSomeone.ParentReferralId, Is.EqualTo(boReferredCai.Id));
            Assert.That(new[] { annaReferredBo, boReferredCai, caiReferredSomeone }.Select(r => r.RootAdvocateContactId), Is.All.EqualTo(_anna));
            Assert.That(caiReferredSomeone.AdvocateContactId, Is.EqualTo(_cai));
        }
    }
}
