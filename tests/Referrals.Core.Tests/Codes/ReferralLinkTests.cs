using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class ReferralLinkTests
{
    [TestCase("https://shop.example", "https://shop.example/r/ANNA-7KQ2M9")]
    [TestCase("https://shop.example/", "https://shop.example/r/ANNA-7KQ2M9")]
    [TestCase("https://shop.example/en", "https://shop.example/en/r/ANNA-7KQ2M9")]
    [TestCase("https://shop.example/en/", "https://shop.example/en/r/ANNA-7KQ2M9")]
    [TestCase("https://shop.example/da/butik//", "https://shop.example/da/butik/r/ANNA-7KQ2M9")]
    [TestCase("http://localhost:5000", "http://localhost:5000/r/ANNA-7KQ2M9")]
    public void Create_AppendsRAndCodeToTheBasePath(string baseUrl, string expected) =>
        Assert.That(ReferralLink.Create(new Uri(baseUrl), "ANNA-7KQ2M9").AbsoluteUri, Is.EqualTo(expected));

    [Test]
    public void Create_EscapesTheCode_AsOnePathSegment() =>
        Assert.That(
            ReferralLink.Create(new Uri("https://shop.example"), "A/B C?#").AbsoluteUri,
            Is.EqualTo("https://shop.example/r/A%2FB%20C%3F%23"));

    [Test]
    public void Create_Throws_WhenBaseIsRelative() =>
        Assert.That(
            () => ReferralLink.Create(new Uri("/en", UriKind.Relative), "ANNA-7KQ2M9"),
            Throws.ArgumentException.With.Message.Contains("must be absolute").And.Property("ParamName").EqualTo("baseUrl"));

    [TestCase("ftp://shop.example")]
    [TestCase("mailto:anna@shop.example")]
    [TestCase("file:///tmp/shop")]
    public void Create_Throws_WhenBaseIsNotHttp(string baseUrl) =>
        Assert.That(
            () => ReferralLink.Create(new Uri(baseUrl), "ANNA-7KQ2M9"),
            Throws.ArgumentException.With.Message.Contains("https://"));

    [TestCase("https://shop.example/?lang=en")]
    [TestCase("https://shop.example/#top")]
    public void Create_Throws_WhenBaseHasQueryOrFragment(string baseUrl) =>
        Assert.That(
            () => ReferralLink.Create(new Uri(baseUrl), "ANNA-7KQ2M9"),
            Throws.ArgumentException.With.Message.Contains("query"));

    [TestCase("")]
    [TestCase("  ")]
    public void Create_Throws_WhenCodeIsBlank(string code) =>
        Assert.That(() => ReferralLink.Create(new Uri("https://shop.example"), code), Throws.ArgumentException);

    [Test]
    public void Create_Throws_WhenArgumentsAreNull()
    {
        Assert.That(() => ReferralLink.Create(null!, "ANNA"), Throws.ArgumentNullException);
        Assert.That(() => ReferralLink.Create(new Uri("https://shop.example"), null!), Throws.ArgumentNullException);
    }
}
