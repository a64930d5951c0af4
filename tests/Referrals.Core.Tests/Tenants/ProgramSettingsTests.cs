using Referrals.Core.Fraud;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Tenants;

public sealed class ProgramSettingsTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<ProgramSettings>();

    [TestCaseSource(nameof(Defaults))]
    public void NewSettings_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<ProgramSettings>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewSettings_HaveTheDocumentedValues_WhenNothingIsSet()
    {
        var settings = new ProgramSettings();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Currency, Is.EqualTo("EUR"));
            Assert.That(settings.Locale, Is.EqualTo("en"));
            Assert.That(settings.HoldDays, Is.EqualTo(30));
            Assert.That(settings.AttributionWindowDays, Is.EqualTo(30));
            Assert.That(settings.ReviewWindowHours, Is.EqualTo(72));
            Assert.That(settings.VelocityLimit, Is.EqualTo(5));
            Assert.That(settings.VelocityWindowHours, Is.EqualTo(24));
            Assert.That(settings.ReviewLapsePolicy, Is.EqualTo(ReviewLapsePolicy.ApproveOnLapse));
            Assert.That(settings.FirstOrderOnly, Is.True);
            Assert.That(settings.MinimumOrderAmount, Is.Zero);
            Assert.That(settings.CharitySharePercent, Is.Zero);
            Assert.That(settings.Causes, Is.Empty);
            Assert.That(settings.FriendReward, Is.Null);
            Assert.That(settings.MonthlyGoal, Is.Zero);
        }
    }

    [Test]
    public void NewSettings_DoNotShareRewardRulesOrCauses_WhenTwoAreCreated()
    {
        var first = new ProgramSettings();
        var second = new ProgramSettings();

        first.AdvocateReward.FixedAmount = 99m;
        first.Causes.Add(new Cause { Id = "red-cross", Name = "Red Cross" });

        Assert.That(second.AdvocateReward.FixedAmount, Is.EqualTo(10m));
        Assert.That(second.Causes, Is.Empty);
    }
}
