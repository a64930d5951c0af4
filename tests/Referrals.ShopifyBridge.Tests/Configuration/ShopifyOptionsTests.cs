using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.ShopifyBridge.Configuration;

namespace Referrals.ShopifyBridge.Tests.Configuration;

public sealed class ShopifyOptionsTests
{
    private static readonly ShopifyOptionsValidator _validator = new();

    [Test]
    public void Defaults_AreTheDocumentedConstants()
    {
        var options = new ShopifyOptions();

        Assert.That(options.ApiVersion, Is.EqualTo(ShopifyOptions.DefaultApiVersion).And.EqualTo("2026-10"));
        Assert.That(options.MaxWebhookBytes, Is.EqualTo(ShopifyOptions.DefaultMaxWebhookBytes).And.EqualTo(1024 * 1024));
        Assert.That(options.Scopes, Is.EqualTo(ShopifyOptions.DefaultScopes));
        Assert.That(options.ClientId, Is.Null);
        Assert.That(options.ClientSecret, Is.Null);
        Assert.That(options.PreviousClientSecret, Is.Null);
        Assert.That(options.AppUrl, Is.Null);
        Assert.That(options.WebhooksEnabled, Is.False);
        Assert.That(options.OperatorPasswordHash, Is.Null);
        Assert.That(options.UsesHttps, Is.False);
    }

    [Test]
    public void Validate_NamesTheKeyAndTheCommand_WhenTheOperatorPasswordHashIsNotAHash()
    {
        var result = _validator.Validate(null, new ShopifyOptions { OperatorPasswordHash = "hunter2" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Referrals:Shopify:OperatorPasswordHash").And.Contain("hash-password").And.Not.Contain("hunter2"));
    }

    [Test]
    public void Validate_AcceptsAGeneratedOperatorPasswordHash()
    {
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        var hash = Referrals.ShopifyBridge.Merchants.OperatorPasswordHash.Create("pw", random, Referrals.ShopifyBridge.Merchants.OperatorPasswordHash.MinimumIterations);

        Assert.That(_validator.Validate(null, new ShopifyOptions { OperatorPasswordHash = hash }).Succeeded, Is.True);
    }

    // Catches a Default* constant added later without a matching property default.
    [Test]
    public void EveryDefaultConstant_IsTheDefaultOfItsProperty()
    {
        var constants = typeof(ShopifyOptions).GetFields().Where(f => f.IsLiteral && f.Name.StartsWith("Default", StringComparison.Ordinal)).ToList();
        var fresh = new ShopifyOptions();

        Assert.That(constants, Has.Count.EqualTo(3));
        foreach (var constant in constants)
        {
            var property = typeof(ShopifyOptions).GetProperty(constant.Name["Default".Length..]);
            Assert.That(property?.GetValue(fresh), Is.EqualTo(constant.GetValue(null)), constant.Name);
        }
    }

    [Test]
    public void Validate_Succeeds_WhenNothingIsSet()
    {
        Assert.That(_validator.Validate(null, new ShopifyOptions()).Succeeded, Is.True);
    }

    [Test]
    public void Validate_Succeeds_ForACompleteApp()
    {
        var options = new ShopifyOptions { ClientId = "id", ClientSecret = "secret", PreviousClientSecret = "old", AppUrl = "https://referrals.example.com" };

        Assert.That(_validator.Validate(null, options).Succeeded, Is.True);
    }

    [TestCase("ClientId")]
    [TestCase("AppUrl")]
    public void Validate_RequiresTheSecret_WhenTheAppIsOtherwiseConfigured(string setting)
    {
        var options = setting == "ClientId" ? new ShopifyOptions { ClientId = "id" } : new ShopifyOptions { ClientId = "id", AppUrl = "https://x.example.com" };

        var result = _validator.Validate(null, options);

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:ClientSecret is empty").And.Contains("Referrals__Shopify__ClientSecret"));
    }

    [Test]
    public void Validate_Fails_WhenOnlyThePreviousSecretIsSet()
    {
        var result = _validator.Validate(null, new ShopifyOptions { PreviousClientSecret = "old" });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:PreviousClientSecret is set but ClientSecret is empty"));
    }

    [TestCase("shpss_0123abcd\n")]
    [TestCase(" shpss_0123abcd")]
    public void Validate_Fails_WithoutRepeatingTheSecret_WhenItHasSurroundingWhiteSpace(string secret)
    {
        var result = _validator.Validate(null, new ShopifyOptions { ClientSecret = secret });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:ClientSecret starts or ends with white space"));
        Assert.That(string.Join(" ", result.Failures!), Does.Not.Contain("shpss_0123abcd"));
    }

    [Test]
    public void Validate_RequiresTheClientId_WhenTheAppUrlIsSet()
    {
        var result = _validator.Validate(null, new ShopifyOptions { ClientSecret = "s", AppUrl = "https://x.example.com" });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:ClientId is empty, but Referrals:Shopify:AppUrl is set"));
    }

    [TestCase("http://referrals.example.com")]
    [TestCase("/relative")]
    [TestCase("https://x.example.com/?a=1")]
    [TestCase("ftp://x.example.com")]
    public void Validate_Fails_WhenTheAppUrlIsNotAnAbsoluteHttpsUrl(string url)
    {
        var result = _validator.Validate(null, new ShopifyOptions { ClientId = "id", ClientSecret = "s", AppUrl = url });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:AppUrl:").And.Contains("https"));
    }

    [Test]
    public void Validate_AcceptsPlainHttp_OnLoopback()
    {
        var result = _validator.Validate(null, new ShopifyOptions { ClientId = "id", ClientSecret = "s", AppUrl = "http://localhost:5000" });

        Assert.That(result.Succeeded, Is.True);
    }

    [TestCase("2026-11")]
    [TestCase("latest")]
    [TestCase("2026-10\n")]
    [TestCase("")]
    public void Validate_Fails_WhenTheApiVersionIsNotAQuarter(string version)
    {
        var result = _validator.Validate(null, new ShopifyOptions { ApiVersion = version });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:ApiVersion:").And.Contains(ShopifyOptions.DefaultApiVersion));
    }

    [TestCase(ShopifyOptions.MaxWebhookBytesLowerBound - 1)]
    [TestCase(ShopifyOptions.MaxWebhookBytesUpperBound + 1)]
    [TestCase(0)]
    public void Validate_Fails_WhenTheWebhookLimitIsOutOfRange(int bytes)
    {
        var result = _validator.Validate(null, new ShopifyOptions { MaxWebhookBytes = bytes });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:MaxWebhookBytes:"));
    }

    [Test]
    public void Validate_NamesTheBadScope_WhenAScopeIsMalformed()
    {
        var result = _validator.Validate(null, new ShopifyOptions { Scopes = "read_orders, Write-Discounts" });

        Assert.That(result.Failures, Has.One.StartsWith("Referrals:Shopify:Scopes: 'Write-Discounts'"));
    }

    [Test]
    public void Startup_FailsNamingTheSecret_WhenTheClientIdIsSetWithoutIt()
    {
        using var factory = new BridgeFactory(new() { ["Referrals:Shopify:ClientId"] = "abc" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Referrals:Shopify:ClientSecret"));
    }

    [Test]
    public async Task Startup_BindsTheShopifySection_FromEnvironmentStyleKeys()
    {
        using var factory = new BridgeFactory(new() { ["Referrals:Shopify:ClientSecret"] = "s", ["Referrals:Shopify:MaxWebhookBytes"] = "2048" });
        using var client = factory.CreateClient();

        var options = factory.Services.GetRequiredService<IOptions<ShopifyOptions>>().Value;
        var status = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.That(options.MaxWebhookBytes, Is.EqualTo(2048));
        Assert.That(options.WebhooksEnabled, Is.True);
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
