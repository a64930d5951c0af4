using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class SatisfactionGateTests
{
    private static readonly GateThresholds _defaults = new();

    [TestCase(0, SatisfactionCategory.Detractor, GateNextStep.ServiceRecoveryTask)]
    [TestCase(5, SatisfactionCategory.Detractor, GateNextStep.ServiceRecoveryTask)]
    [TestCase(6, SatisfactionCategory.Detractor, GateNextStep.ServiceRecoveryTask)]
    [TestCase(7, SatisfactionCategory.Passive, GateNextStep.ThankYouOnly)]
    [TestCase(8, SatisfactionCategory.Passive, GateNextStep.ThankYouOnly)]
    [TestCase(9, SatisfactionCategory.Promoter, GateNextStep.ReferralAsk)]
    [TestCase(10, SatisfactionCategory.Promoter, GateNextStep.ReferralAsk)]
    public void Classify_PutsEachBoundaryScoreInItsBand_UnderDefaultThresholds(int score, SatisfactionCategory category, GateNextStep next) =>
        Assert.That(SatisfactionGate.Classify(score, _defaults), Is.EqualTo(new GateDecision(score, category, next)));

    [TestCase(7, SatisfactionCategory.Detractor)]
    [TestCase(8, SatisfactionCategory.Promoter)]
    public void Classify_FollowsTheProgramsThresholds_WhenTheyAreNotTheDefaults(int score, SatisfactionCategory category)
    {
        var tight = new GateThresholds { DetractorMaximum = 7, PromoterMinimum = 8 };

        Assert.That(SatisfactionGate.Classify(score, tight).Category, Is.EqualTo(category));
    }

    [TestCase(-1)]
    [TestCase(11)]
    [TestCase(int.MinValue)]
    [TestCase(int.MaxValue)]
    public void Classify_Throws_WhenScoreIsOutsideZeroToTen(int score) =>
        Assert.That(
            () => SatisfactionGate.Classify(score, _defaults),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("score"));

    [Test]
    public void Classify_ThrowsWithTheKey_WhenThresholdsOverlap() =>
        Assert.That(
            () => SatisfactionGate.Classify(8, new GateThresholds { DetractorMaximum = 8, PromoterMinimum = 8 }),
            Throws.TypeOf<InvalidProgramSettingsException>().With.Message.Contains("Referrals:Program:Gate:DetractorMaximum"));

    [Test]
    public void Classify_Throws_WhenThresholdsAreNull() =>
        Assert.That(() => SatisfactionGate.Classify(9, null!), Throws.ArgumentNullException);
}
