using System.Security.Cryptography;
using Referrals.Core.Email;

namespace Referrals.Core.Tests.Email;

public sealed class UnsubscribeLinksTests
{
    private static readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid _tenant = Guid.Parse("0b4f8a52-8a70-4f1e-9c55-6a2f0d9d1c11");
    private static readonly Guid _contact = Guid.Parse("5d2c7e90-1f3a-4b6c-8d9e-0a1b2c3d4e5f");
    private readonly UnsubscribeLinks _links = new(_key);

    [Test]
    public void TryVerify_ReturnsTheTenantAndContact_WhenTheTokenIsGenuine()
    {
        var token = _links.CreateToken(_tenant, _contact);

        Assert.That(_links.TryVerify(token, out var result), Is.True);
        Assert.That(result, Is.EqualTo(new UnsubscribeToken(_tenant, _contact)));
    }

    [Test]
    public void CreateLink_BuildsAUrlSafeLinkUnderTheBasePath_WhenGivenABaseUrl()
    {
        var link = _links.CreateLink(new Uri("https://shop.example/referrals/"), _tenant, _contact);
        var token = link.AbsolutePath.Split('/').Last();

        Assert.That(link.AbsoluteUri, Does.StartWith("https://shop.example/referrals/unsubscribe/"));
        Assert.That(token, Has.Length.EqualTo(88).And.Match("^[A-Za-z0-9_.-]+$"));
        Assert.That(_links.TryVerify(token, out _), Is.True);
    }

    [Test]
    public void TryVerify_RejectsEveryOneCharacterChange_OfAGenuineToken()
    {
        var token = _links.CreateToken(_tenant, _contact);
        for (var i = 0; i < token.Length; i++)
        {
            var replacement = token[i] == 'A' ? 'B' : 'A';
            var tampered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
            Assert.That(_links.TryVerify(tampered, out var result), Is.False, $"position {i}");
            Assert.That(result, Is.Null);
        }
    }

    [Test]
    public void TryVerify_Rejects_WhenAnotherKeySigned()
    {
        var other = new UnsubscribeLinks(RandomNumberGenerator.GetBytes(32));

        Assert.That(_links.TryVerify(other.CreateToken(_tenant, _contact), out _), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("abc.def")]
    [TestCase("not a token at all, not a token at all, not a token at all, not a token at all, not a t")]
    public void TryVerify_RejectsWithoutThrowing_WhenTheTokenIsMalformed(string? token) =>
        Assert.That(_links.TryVerify(token, out _), Is.False);

    [Test]
    public void Constructor_Throws_WhenTheKeyIsShorterThan32Bytes() =>
        Assert.That(() => new UnsubscribeLinks(new byte[31]), Throws.ArgumentException.With.Message.Contains("32"));

    [Test]
    public void FromOptions_UsesTheConfiguredKey_WhenItIsBase64Of32Bytes()
    {
        var fromOptions = UnsubscribeLinks.FromOptions(new EmailOptions { UnsubscribeKey = Convert.ToBase64String(_key) });

        Assert.That(fromOptions.TryVerify(_links.CreateToken(_tenant, _contact), out _), Is.True);
    }

    [Test]
    public void FromOptions_ThrowsNamingTheKey_WhenNoKeyIsConfigured() =>
        Assert.That(() => UnsubscribeLinks.FromOptions(new EmailOptions()),
            Throws.InvalidOperationException.With.Message.Contains("Referrals:Email:UnsubscribeKey"));

    [Test]
    public void CreateToken_Throws_WhenAnIdIsEmpty() =>
        Assert.That(() => _links.CreateToken(Guid.Empty, _contact), Throws.ArgumentException);

    [TestCase("ftp://shop.example")]
    [TestCase("https://shop.example/?a=1")]
    public void CreateLink_Throws_WhenTheBaseUrlIsUnusable(string baseUrl) =>
        Assert.That(() => _links.CreateLink(new Uri(baseUrl), _tenant, _contact), Throws.ArgumentException);
}
