using System.Net;
using Microsoft.Extensions.Options;
using Referrals.Core.Configuration;

namespace Referrals.ShopifyBridge.Tests;

public sealed class StatusPageTests
{
    [Test]
    public async Task StatusPage_ShowsStorageAndQueues_OnTheEmbeddedDefault()
    {
        using var factory = new BridgeFactory(new() { ["Referrals:Shopify:OperatorPasswordHash"] = OperatorHash() });
        using var client = factory.CreateClient();
        var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Connections.ConnectBridge.AntiforgeryToken(login),
            ["password"] = "status-page-test",
        });
        await client.PostAsync(new Uri("/login", UriKind.Relative), form);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("ReferralPlugins bridge").And.Contain("<td>Storage</td><td>Sqlite</td>").And.Contain("<td>Inbox waiting</td><td>0</td>"));
        Assert.That(File.Exists(factory.DatabaseFile), Is.True, "the database is created and migrated at start-up");
    }

    [Test]
    public async Task StatusPage_IsNotShownToAnonymousVisitors()
    {
        using var factory = new BridgeFactory();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/login"));
    }

    private static string OperatorHash()
    {
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        return Referrals.ShopifyBridge.Merchants.OperatorPasswordHash.Create("status-page-test", random, Referrals.ShopifyBridge.Merchants.OperatorPasswordHash.MinimumIterations);
    }

    [Test]
    public async Task Healthz_IsHealthy_WhenTheDatabaseAnswers()
    {
        using var factory = new BridgeFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public void Startup_FailsNamingTheKeyAndTheFix_WhenASettingIsInvalid()
    {
        using var factory = new BridgeFactory(new() { ["Referrals:Jobs:Workers"] = "0", ["Referrals:Program:HoldDays"] = "-1" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.That(error!.Message, Does.Contain("Referrals:Jobs:Workers").And.Contain("Referrals:Program:HoldDays"));
        Assert.That(error.Failures, Has.Some.Contains("refund window"));
    }

    [Test]
    public void Startup_Fails_WhenTheStorageProviderIsUnknown()
    {
        using var factory = new BridgeFactory(new() { ["Referrals:Storage:Provider"] = "Oracle" });

        Assert.That(() => factory.CreateClient(), Throws.Exception.With.Message.Contains("Oracle").Or.InnerException.Message.Contains("Oracle"));
        _ = typeof(ReferralsOptions);
    }
}
