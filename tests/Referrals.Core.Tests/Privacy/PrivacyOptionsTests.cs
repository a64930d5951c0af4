using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Core.Privacy;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Privacy;

public sealed class PrivacyOptionsTests
{
    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<PrivacyOptions>();

    [TestCaseSource(nameof(Defaults))]
    public void NewOptions_HaveTheDocumentedDefault(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<PrivacyOptions>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void UninvitedFriendRetention_DefaultsToAbout6Months() =>
        Assert.That(PrivacyOptions.DefaultUninvitedFriendRetentionDays, Is.EqualTo(180));

    [Test]
    public void Validate_Succeeds_ForTheDefaults() =>
        Assert.That(new PrivacyOptionsValidator().Validate(null, new PrivacyOptions()).Succeeded, Is.True);

    [TestCase(0)]
    [TestCase(29)]
    [TestCase(3651)]
    public void Validate_FailsNamingTheKey_WhenTheRetentionIsOutOfRange(int days)
    {
        var result = new PrivacyOptionsValidator().Validate(null, new PrivacyOptions { UninvitedFriendRetentionDays = days });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Referrals:Privacy:UninvitedFriendRetentionDays").And.Contain(days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void AddReferralsCore_BindsTheRetentionFromReferralsPrivacy_AndRefusesABadValueAtStart()
    {
        var good = Build(new Dictionary<string, string?> { ["Privacy:UninvitedFriendRetentionDays"] = "90" });
        var bad = Build(new Dictionary<string, string?> { ["Privacy:UninvitedFriendRetentionDays"] = "5" });

        Assert.That(good.GetRequiredService<IOptions<PrivacyOptions>>().Value.UninvitedFriendRetentionDays, Is.EqualTo(90));
        Assert.That(() => bad.GetRequiredService<IOptions<PrivacyOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains(PrivacyOptionsValidator.RetentionKey));
    }

    // The host passes the Referrals section, so keys here are relative to it.
    private static ServiceProvider Build(Dictionary<string, string?> values) =>
        new ServiceCollection().AddLogging()
            .AddReferralsCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .BuildServiceProvider();
}
