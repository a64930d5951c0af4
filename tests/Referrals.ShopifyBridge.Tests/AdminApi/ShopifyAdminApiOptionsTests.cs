using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.ShopifyBridge.AdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

public sealed class ShopifyAdminApiOptionsTests
{
    [Test]
    public void Defaults_AreThePublishedConstants()
    {
        var options = new ShopifyAdminApiOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.ApiVersion, Is.EqualTo(ShopifyAdminApiOptions.DefaultApiVersion).And.EqualTo("2026-10"));
            Assert.That(options.MaxAttempts, Is.EqualTo(ShopifyAdminApiOptions.DefaultMaxAttempts));
            Assert.That(options.AttemptTimeout, Is.EqualTo(ShopifyAdminApiOptions.DefaultAttemptTimeout));
            Assert.That(options.BaseRetryDelay, Is.EqualTo(ShopifyAdminApiOptions.DefaultBaseRetryDelay));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(ShopifyAdminApiOptions.DefaultMaxRetryDelay));
            Assert.That(options.InitialCostEstimate, Is.EqualTo(ShopifyAdminApiOptions.DefaultInitialCostEstimate));
            Assert.That(options.BaseAddress, Is.Null);
        });
    }

    [Test]
    public void Defaults_AreValid()
    {
        Assert.That(new ShopifyAdminApiOptionsValidator().Validate(null, new ShopifyAdminApiOptions()).Succeeded, Is.True);
    }

    [TestCase("2026-11", "ApiVersion")]
    [TestCase("latest", "ApiVersion")]
    [TestCase("", "ApiVersion")]
    public void Validator_RefusesAnApiVersionThatIsNotAQuarter(string version, string key)
    {
        AssertRefused(new ShopifyAdminApiOptions { ApiVersion = version }, key);
    }

    [TestCase(0)]
    [TestCase(11)]
    public void Validator_RefusesMaxAttemptsOutOfRange(int attempts)
    {
        AssertRefused(new ShopifyAdminApiOptions { MaxAttempts = attempts }, "MaxAttempts");
    }

    [Test]
    public void Validator_RefusesAZeroTimeout_ABackOffThatShrinks_ANonPositiveCost_AndARelativeBaseAddress()
    {
        AssertRefused(new ShopifyAdminApiOptions { AttemptTimeout = TimeSpan.Zero }, "AttemptTimeout");
        AssertRefused(new ShopifyAdminApiOptions { BaseRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(1) }, "MaxRetryDelay");
        AssertRefused(new ShopifyAdminApiOptions { InitialCostEstimate = 0 }, "InitialCostEstimate");
        AssertRefused(new ShopifyAdminApiOptions { BaseAddress = new Uri("/local", UriKind.Relative) }, "BaseAddress");
    }

    [Test]
    public void AddShopifyAdminApi_BindsTheSection_AndRefusesBadSettingsWhenTheClientIsResolved()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Referrals:Shopify:AdminApi:ApiVersion"] = "2026-07",
            ["Referrals:Shopify:AdminApi:MaxAttempts"] = "3",
            ["Referrals:Shopify:AdminApi:BaseAddress"] = "http://127.0.0.1:5123",
        }).Build();
        using var good = new ServiceCollection().AddLogging().AddShopifyAdminApi(configuration.GetSection("Referrals:Shopify:AdminApi")).BuildServiceProvider();
        var options = good.GetRequiredService<IOptions<ShopifyAdminApiOptions>>().Value;
        Assert.That((options.ApiVersion, options.MaxAttempts, options.BaseAddress), Is.EqualTo(("2026-07", 3, new Uri("http://127.0.0.1:5123"))));
        Assert.That(good.GetRequiredService<IShopifyAdminClient>(), Is.Not.Null);

        using var bad = new ServiceCollection().AddLogging().AddShopifyAdminApi(o => o.ApiVersion = "2026-13").BuildServiceProvider();
        Assert.That(() => bad.GetRequiredService<IShopifyAdminClient>(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Referrals:Shopify:AdminApi:ApiVersion"));
    }

    [Test]
    public void AddShopifyAdminApi_KeepsATokenSourceRegisteredBeforeIt()
    {
        var mine = new InMemoryShopifyAccessTokenSource();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IShopifyAccessTokenSource>(mine).AddShopifyAdminApi().BuildServiceProvider();

        Assert.That(services.GetRequiredService<IShopifyAccessTokenSource>(), Is.SameAs(mine));
    }

    private static void AssertRefused(ShopifyAdminApiOptions options, string key)
    {
        var result = new ShopifyAdminApiOptionsValidator().Validate(null, options);
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain($"{ShopifyAdminApiOptions.Path}:{key}"));
    }
}
