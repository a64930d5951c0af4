using System.Security.Cryptography;
using Referrals.ShopifyBridge.Merchants;

namespace Referrals.ShopifyBridge.Tests.Merchants;

public sealed class OperatorPasswordHashTests
{
    private static string Hash(string password)
    {
        using var random = RandomNumberGenerator.Create();
        return OperatorPasswordHash.Create(password, random, OperatorPasswordHash.MinimumIterations);
    }

    [Test]
    public void Verify_AcceptsThePassword_AndNothingElse()
    {
        var hash = Hash("s3cret pass");

        Assert.That(OperatorPasswordHash.Verify(hash, "s3cret pass"), Is.True);
        Assert.That(OperatorPasswordHash.Verify(hash, "s3cret pas"), Is.False);
        Assert.That(OperatorPasswordHash.Verify(hash, ""), Is.False);
        Assert.That(OperatorPasswordHash.Verify(hash, null), Is.False);
    }

    [Test]
    public void Create_SaltsEachHash()
    {
        var first = Hash("same");
        var second = Hash("same");

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [TestCase("")]
    [TestCase("plain-password")]
    [TestCase("PBKDF2-SHA256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [TestCase("PBKDF2-SHA256$210000$not-base64$AAAA")]
    [TestCase("MD5$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void IsWellFormed_RefusesWhatIsNotAStrongHash(string value)
    {
        Assert.That(OperatorPasswordHash.IsWellFormed(value), Is.False);
        Assert.That(OperatorPasswordHash.Verify(value, "anything"), Is.False);
    }

    [Test]
    public void Defaults_AreDocumentedConstants()
    {
        Assert.That(OperatorPasswordHash.DefaultIterations, Is.EqualTo(210_000));
        Assert.That(OperatorPasswordHash.MinimumIterations, Is.EqualTo(100_000));
        Assert.That(OperatorPasswordHash.IsWellFormed(Hash("x")), Is.True);
    }
}
