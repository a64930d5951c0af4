using Referrals.Core.Rewards;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Rewards;

public sealed class RewardRuleTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<RewardRule>();

    [TestCaseSource(nameof(Defaults))]
    public void NewRule_StartsAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<RewardRule>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewRule_IsTenStoreCreditWithoutPercentageOrCap()
    {
        var rule = new RewardRule();

        Assert.That(rule.FixedAmount, Is.EqualTo(10m));
        Assert.That(rule.Kind, Is.EqualTo(RewardKind.StoreCredit));
        Assert.That(rule.PercentOfOrder, Is.Zero);
        Assert.That(rule.MaximumAmount, Is.Null);
    }
}
