using Referrals.Core.Satisfaction;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class GateThresholdsTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<GateThresholds>();

    [TestCaseSource(nameof(Defaults))]
    public void NewThresholds_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<GateThresholds>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewThresholds_AreNineAndSix_AsInTheStandardNetPromoterDefinition()
    {
        var thresholds = new GateThresholds();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thresholds.PromoterMinimum, Is.EqualTo(9));
            Assert.That(thresholds.DetractorMaximum, Is.EqualTo(6));
        }
    }
}
