using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.ShopifyBridge.AdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

/// <summary>The bridge pins one Shopify API version, set once under Referrals:Shopify:ApiVersion.</summary>
public sealed class ApiVersionWiringTests
{
    [Test]
    public void AdminClient_UsesTheAppWideApiVersion_WhenItIsConfigured()
    {
        using var factory = new BridgeFactory(new() { ["Referrals:Shopify:ApiVersion"] = "2026-07" });

        var admin = factory.Services.GetRequiredService<IOptions<ShopifyAdminApiOptions>>().Value;

        Assert.That(admin.ApiVersion, Is.EqualTo("2026-07"));
        Assert.That(factory.Services.GetRequiredService<IShopifyAdminClient>(), Is.Not.Null);
    }
}
