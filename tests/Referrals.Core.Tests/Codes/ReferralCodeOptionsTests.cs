using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class ReferralCodeOptionsTests
{
    [Test]
    public void Defaults_AreTheDocumentedConstants()
    {
        var options = new ReferralCodeOptions();

        Assert.That(options.RandomLength, Is.EqualTo(ReferralCodeOptions.DefaultRandomLength).And.EqualTo(6));
        Assert.That(options.MaxRandomLength, Is.EqualTo(ReferralCodeOptions.DefaultMaxRandomLength).And.EqualTo(8));
        Assert.That(options.MaxPrefixLength, Is.EqualTo(ReferralCodeOptions.DefaultMaxPrefixLength).And.EqualTo(8));
        Assert.That(options.MaxAttempts, Is.EqualTo(ReferralCodeOptions.DefaultMaxAttempts).And.EqualTo(5));
        Assert.That(ReferralCodeOptions.SectionName, Is.EqualTo("Referrals:Codes"));
    }

    [Test]
    public void Validate_Succeeds_WhenOptionsAreDefaults() =>
        Assert.That(new ReferralCodeOptionsValidator().Validate(null, new ReferralCodeOptions()).Succeeded, Is.True);

    [TestCase(3, 8, 8, 5, "Referrals:Codes:RandomLength")]
    [TestCase(7, 6, 8, 5, "Referrals:Codes:MaxRandomLength")]
    [TestCase(6, 8, -1, 5, "Referrals:Codes:MaxPrefixLength")]
    [TestCase(6, 20, 13, 5, "Referrals:Codes:MaxPrefixLength + Referrals:Codes:MaxRandomLength")]
    [TestCase(6, 8, 8, 0, "Referrals:Codes:MaxAttempts")]
    public void Validate_FailsNamingTheKey_WhenAValueIsOutOfRange(
        int randomLength, int maxRandomLength, int maxPrefixLength, int maxAttempts, string key)
    {
        var options = new ReferralCodeOptions
        {
            RandomLength = randomLength,
            MaxRandomLength = maxRandomLength,
            MaxPrefixLength = maxPrefixLength,
            MaxAttempts = maxAttempts,
        };

        var result = new ReferralCodeOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(key));
    }
}
