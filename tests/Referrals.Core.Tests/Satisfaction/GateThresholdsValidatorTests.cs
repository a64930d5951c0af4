using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class GateThresholdsValidatorTests
{
    [Test]
    public void Validate_FindsNothing_ForTheDefaults() =>
        Assert.That(GateThresholdsValidator.Validate(new GateThresholds()), Is.Empty);

    [TestCase(0, 1)]
    [TestCase(9, 10)]
    [TestCase(0, 10)]
    [TestCase(6, 7)]
    public void Validate_FindsNothing_WhenDetractorMaximumIsBelowPromoterMinimumWithinTheScale(int detractor, int promoter) =>
        Assert.That(GateThresholdsValidator.Validate(new GateThresholds { DetractorMaximum = detractor, PromoterMinimum = promoter }), Is.Empty);

    [TestCase(11)]
    [TestCase(0)]
    [TestCase(-1)]
    public void Validate_NamesThePromoterKey_WhenPromoterMinimumIsOffTheScale(int promoter)
    {
        var problems = GateThresholdsValidator.Validate(new GateThresholds { PromoterMinimum = promoter, DetractorMaximum = 0 });

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Key, Is.EqualTo("Referrals:Program:Gate:PromoterMinimum"));
        Assert.That(problems[0].Message, Does.Contain("between 1 and 10"));
    }

    [TestCase(-1)]
    [TestCase(10)]
    public void Validate_NamesTheDetractorKey_WhenDetractorMaximumIsOffTheScale(int detractor)
    {
        var problems = GateThresholdsValidator.Validate(new GateThresholds { PromoterMinimum = 10, DetractorMaximum = detractor });

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Key, Is.EqualTo("Referrals:Program:Gate:DetractorMaximum"));
        Assert.That(problems[0].Message, Does.Contain("between 0 and 9"));
    }

    [TestCase(7, 7)]
    [TestCase(8, 7)]
    public void Validate_SaysHowToFixIt_WhenDetractorMaximumIsNotBelowPromoterMinimum(int detractor, int promoter)
    {
        var problems = GateThresholdsValidator.Validate(new GateThresholds { PromoterMinimum = promoter, DetractorMaximum = detractor });

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Key, Is.EqualTo("Referrals:Program:Gate:DetractorMaximum"));
        Assert.That(problems[0].Message, Does.Contain("must be below the promoter minimum").And.Contain("Lower DetractorMaximum"));
    }

    [Test]
    public void Validate_ReportsBothKeys_WhenBothAreOffTheScale() =>
        Assert.That(
            GateThresholdsValidator.Validate(new GateThresholds { PromoterMinimum = 12, DetractorMaximum = -3 }).Select(p => p.Key),
            Is.EqualTo(new[] { "Referrals:Program:Gate:PromoterMinimum", "Referrals:Program:Gate:DetractorMaximum" }));

    [Test]
    public void Validate_Throws_WhenThresholdsAreNull() =>
        Assert.That(() => GateThresholdsValidator.Validate(null!), Throws.ArgumentNullException);
}
