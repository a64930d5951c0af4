using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class NetPromoterScoreTests
{
    [Test]
    public void Compute_ReturnsNull_WhenThereAreNoAnswers() =>
        Assert.That(NetPromoterScore.Compute([]), Is.Null);

    [Test]
    public void Compute_SubtractsDetractorPercentFromPromoterPercent_AndCountsEachBand()
    {
        // 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (0, 6): 50 % - 20 % = 30.
        var result = NetPromoterScore.Compute([9, 10, 10, 9, 9, 7, 8, 8, 0, 6]);

        Assert.That(result, Is.EqualTo(new NetPromoterScoreResult(30, 30m, 5, 3, 2)));
        Assert.That(result!.Responses, Is.EqualTo(10));
    }

    [TestCase(new[] { 10, 9 }, 100)]
    [TestCase(new[] { 0, 6, 3 }, -100)]
    [TestCase(new[] { 7, 8 }, 0)]
    [TestCase(new[] { 9, 6 }, 0)]
    public void Compute_StaysWithinMinus100To100_AtTheExtremes(int[] scores, int expected) =>
        Assert.That(NetPromoterScore.Compute(scores)!.Score, Is.EqualTo(expected));

    [Test]
    public void Compute_RoundsHalfAwayFromZero_AndKeepsTheExactValue()
    {
        // 1 promoter, 0 detractors, 7 passives: 12.5 -> 13; 1 detractor, 7 passives: -12.5 -> -13.
        var up = NetPromoterScore.Compute([10, 7, 7, 7, 7, 7, 7, 7])!;
        var down = NetPromoterScore.Compute([0, 7, 7, 7, 7, 7, 7, 7])!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(up.Score, Is.EqualTo(13));
            Assert.That(up.ExactScore, Is.EqualTo(12.5m));
            Assert.That(down.Score, Is.EqualTo(-13));
        }
    }

    [Test]
    public void Compute_UsesTheStandardBands_NotTheProgramsGateThresholds()
    {
        // Under a gate with PromoterMinimum 8, an 8 gets the referral ask, but NPS still counts it as passive.
        var gate = SatisfactionGate.Classify(8, new GateThresholds { PromoterMinimum = 8, DetractorMaximum = 5 });
        var nps = NetPromoterScore.Compute([8])!;

        Assert.That(gate.Category, Is.EqualTo(SatisfactionCategory.Promoter));
        Assert.That(nps.Passives, Is.EqualTo(1));
        Assert.That(nps.Score, Is.Zero);
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void Compute_Throws_WhenAnAnswerIsOutsideZeroToTen(int bad) =>
        Assert.That(() => NetPromoterScore.Compute([9, bad]), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Compute_Throws_WhenScoresAreNull() =>
        Assert.That(() => NetPromoterScore.Compute(null!), Throws.ArgumentNullException);
}
