using Referrals.ShopifyBridge.Shopify;

namespace Referrals.ShopifyBridge.Tests.Shopify;

public sealed class ShopDomainTests
{
    [TestCase("acme.myshopify.com", "acme.myshopify.com")]
    [TestCase("acme-store-2.myshopify.com", "acme-store-2.myshopify.com")]
    [TestCase("0shop.myshopify.com", "0shop.myshopify.com")]
    [TestCase("Acme.MyShopify.COM", "acme.myshopify.com")]
    public void TryNormalize_AcceptsAPermanentShopDomain_InLowerCase(string value, string expected)
    {
        Assert.That(ShopDomain.TryNormalize(value, out var domain), Is.True);
        Assert.That(domain, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("acme")]
    [TestCase("acme.com")]
    [TestCase("-acme.myshopify.com")]
    [TestCase(".myshopify.com")]
    [TestCase("acme.myshopify.com.evil.com")]
    [TestCase("evil.com/acme.myshopify.com")]
    [TestCase("evil.com?acme.myshopify.com")]
    [TestCase("a.b.myshopify.com")]
    [TestCase("acme_shop.myshopify.com")]
    [TestCase("acme.myshopify.com\n")]
    [TestCase(" acme.myshopify.com")]
    [TestCase("https://acme.myshopify.com")]
    [TestCase("acme.myshopify.com:443")]
    [TestCase("admin.shopify.com/store/acme")]
    [TestCase("\u212Acme.myshopify.com")]
    [TestCase("acmé.myshopify.com")]
    public void TryNormalize_Refuses_WhenTheValueIsNotExactlyAShopDomain(string? value)
    {
        Assert.That(ShopDomain.TryNormalize(value, out var domain), Is.False);
        Assert.That(domain, Is.Null);
    }

    [Test]
    public void TryNormalize_Refuses_WhenTheDomainIsLongerThanADnsName()
    {
        Assert.That(ShopDomain.TryNormalize(new string('a', 242) + ".myshopify.com", out _), Is.False);
        Assert.That(ShopDomain.TryNormalize(new string('a', 241) + ".myshopify.com", out _), Is.True);
    }
}
