using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Codes;
using Referrals.Core.Configuration;
using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Codes;

public sealed class PublicReferralLinkBaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [TestCase(TenantKind.UmbracoSite)]
    [TestCase(TenantKind.ShopifyShop)]
    public void For_GivesThePublicBaseUrl_ForEveryKindOfTenant(TenantKind kind)
    {
        var links = new PublicReferralLinkBase(new LinkOptions { PublicBaseUrl = "https://shop.example/en" });

        var baseUrl = links.For(new Tenant("site-or-shop", kind, "Acme", Now));

        Assert.That(baseUrl?.AbsoluteUri, Is.EqualTo("https://shop.example/en"));
    }

    [TestCase("")]
    [TestCase("shop.example")]
    [TestCase("ftp://shop.example")]
    public void For_GivesNull_WhenThePublicBaseUrlIsUnusable(string publicBaseUrl)
    {
        var links = new PublicReferralLinkBase(new LinkOptions { PublicBaseUrl = publicBaseUrl });

        Assert.That(links.For(new Tenant("site", TenantKind.UmbracoSite, "Acme", Now)), Is.Null);
    }

    [Test]
    public void TheEngine_RegistersThePublicBase_UnlessTheHostRegisteredItsOwn()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Links:PublicBaseUrl"] = "https://shop.example",
        }).Build();
        using var plain = new ServiceCollection().AddLogging().AddReferralsCore(configuration).BuildServiceProvider();
        var own = new OwnBase();
        using var hosted = new ServiceCollection().AddLogging().AddSingleton<IReferralLinkBase>(own).AddReferralsCore(configuration).BuildServiceProvider();

        Assert.That(plain.GetRequiredService<IReferralLinkBase>(), Is.InstanceOf<PublicReferralLinkBase>());
        Assert.That(hosted.GetRequiredService<IReferralLinkBase>(), Is.SameAs(own));
    }

    private sealed class OwnBase : IReferralLinkBase
    {
        public Uri? For(Tenant tenant) => new("https://elsewhere.example");
    }
}
