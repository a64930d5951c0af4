using System.Net;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.ShopifyBridge.Connections;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>The authorization-code install end to end: the real bridge, a browser-like client, the fake Shopify on loopback.</summary>
public sealed class ShopifyInstallTests
{
    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp() => _bridge = await ConnectBridge.StartAsync();

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task Install_RedirectsToShopifysConsentPage_WithClientScopesRedirectUriAndAStateCookie()
    {
        var (response, state) = await _bridge.StartInstallAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!;
        var query = HttpUtility.ParseQueryString(location.Query);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("referrals_shopify_oauth=", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("https://acme.myshopify.com/admin/oauth/authorize"));
            Assert.That(query["client_id"], Is.EqualTo(_bridge.Fake.OAuth.ClientId));
            Assert.That(query["scope"], Is.EqualTo(ConnectBridge.RequiredScopes));
            Assert.That(query["redirect_uri"], Is.EqualTo("http://localhost/shopify/callback"));
            Assert.That(query["grant_options[]"], Is.Null, "an offline token, not a per-user one");
            Assert.That(state, Has.Length.GreaterThanOrEqualTo(43), "32 random bytes");
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase.And.Contain("path=/shopify").IgnoreCase);
            Assert.That(cookie, Does.Not.Contain(state!), "the cookie holds the nonce encrypted, not as sent");
        });
    }

    [Test]
    public async Task Install_MarksTheStateCookieSecure_WhenTheAppUrlIsHttps()
    {
        using var factory = new BridgeFactory(new()
        {
            ["Referrals:Shopify:ClientId"] = "id",
            ["Referrals:Shopify:ClientSecret"] = "secret",
            ["Referrals:Shopify:AppUrl"] = "https://referrals.example.com",
        });
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/shopify/install?shop=acme.myshopify.com", UriKind.Relative));

        Assert.That(HttpUtility.ParseQueryString(response.Headers.Location!.Query)["redirect_uri"], Is.EqualTo("https://referrals.example.com/shopify/callback"));
        Assert.That(response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("referrals_shopify_oauth=", StringComparison.Ordinal)), Does.Contain("secure").IgnoreCase);
    }

    [Test]
    public async Task Install_AcceptsShopifysSignedInstallHit_AndRefusesATamperedOne()
    {
        var parameters = new Dictionary<string, string>
        {
            ["host"] = Convert.ToBase64String("admin.shopify.com/store/acme"u8.ToArray()),
            ["shop"] = ConnectBridge.Shop,
            ["timestamp"] = _bridge.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var signed = ShopifyQuerySigner.SignedQuery(parameters, _bridge.Fake.OAuth.ClientSecret);

        var valid = await _bridge.Client.GetAsync(new Uri("/shopify/install?" + signed, UriKind.Relative));
        var tampered = await _bridge.Client.GetAsync(new Uri("/shopify/install?" + signed.Replace("acme", "acne", StringComparison.Ordinal), UriKind.Relative));

        Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(valid.Headers.Location?.Host, Is.EqualTo(ConnectBridge.Shop));
        Assert.That(tampered.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Install_GivesEachInstallItsOwnState()
    {
        var (_, first) = await _bridge.StartInstallAsync();
        var (_, second) = await _bridge.StartInstallAsync();

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [TestCase("evil.com")]
    [TestCase("acme.myshopify.com.evil.com")]
    [TestCase("evil.com?x=acme.myshopify.com")]
    [TestCase("acme.myshopify.com\n")]
    [TestCase("")]
    public async Task Install_RefusesWithoutRedirect_WhenTheShopDomainIsInvalid(string shop)
    {
        var (response, state) = await _bridge.StartInstallAsync(shop);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(state, Is.Null);
    }

    [Test]
    public async Task Callback_ConnectsTheShop_StoresAnExpiringTokenSubscribesWebhooksAndSignsTheMerchantIn()
    {
        var response = await _bridge.InstallAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
        var tenant = await _bridge.TenantAsync();
        var connection = await _bridge.ConnectionAsync();
        var subscriptions = _bridge.Fake.Shop(ConnectBridge.Shop).WebhookSubscriptions;
        Assert.Multiple(() =>
        {
            Assert.That(tenant?.State, Is.EqualTo(TenantState.Active));
            Assert.That(connection?.Mode, Is.EqualTo(ConnectionMode.OAuth));
            Assert.That(connection?.Status, Is.EqualTo(ConnectionStatus.Connected));
            Assert.That(connection?.AccessTokenExpiresAt, Is.EqualTo(_bridge.Clock.GetUtcNow().AddHours(1)));
            Assert.That(connection?.ProtectedRefreshToken, Is.Not.Null);
            Assert.That(connection?.GrantedScopes, Is.EqualTo(ConnectBridge.RequiredScopes));
            Assert.That(_bridge.Fake.OAuth.Grants.Single().GrantType, Is.EqualTo("authorization_code"));
            Assert.That(subscriptions.Select(s => s.Topic), Is.EquivalentTo(new[]
            {
                "APP_UNINSTALLED", "CUSTOMERS_CREATE", "CUSTOMERS_UPDATE", "ORDERS_CANCELLED", "ORDERS_FULFILLED", "ORDERS_PAID", "REFUNDS_CREATE",
            }), "every topic but the privacy ones, which come from the app's configuration");
            Assert.That(subscriptions.Select(s => s.Uri).Distinct(), Is.EqualTo(new[] { "http://localhost/shopify/webhooks" }));
        });

        var status = await _bridge.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the merchant is signed in");
        Assert.That(await status.Content.ReadAsStringAsync(), Does.Contain(ConnectBridge.Shop).And.Contain("Connected (OAuth)"));
    }

    [Test]
    public async Task Callback_IsIdempotentForWebhooks_WhenTheShopInstallsAgain()
    {
        await _bridge.InstallAsync();
        var again = await _bridge.InstallAsync();

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.Headers.Location?.OriginalString, Is.EqualTo("/"), "already-subscribed topics count as done");
        Assert.That(_bridge.Fake.Shop(ConnectBridge.Shop).WebhookSubscriptions, Has.Count.EqualTo(ShopWebhookSubscriber.Topics.Count));
    }

    [Test]
    public async Task Callback_ResumesAnUninstalledTenant()
    {
        await _bridge.InstallAsync();
        await using (var db = _bridge.Database.CreateDbContext())
        {
            var tenant = db.Tenants.Single();
            tenant.MarkUninstalled(_bridge.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await _bridge.InstallAsync();

        Assert.That((await _bridge.TenantAsync())?.State, Is.EqualTo(TenantState.Active));
    }

    [Test]
    public async Task Callback_AcceptsThePreviousSecret_DuringARotation()
    {
        var (_, state) = await _bridge.StartInstallAsync();

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!), ConnectBridge.PreviousSecret));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await _bridge.ConnectionAsync(), Is.Not.Null);
    }

    [Test]
    public async Task Callback_RefusesAndStoresNothing_WhenTheHmacIsTampered()
    {
        var (_, state) = await _bridge.StartInstallAsync();
        var query = ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!), _bridge.Fake.OAuth.ClientSecret);
        var tampered = query.Replace("acme.myshopify.com", "other.myshopify.com", StringComparison.Ordinal);

        var response = await _bridge.CallbackAsync(tampered);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Callback_Refuses_WhenSignedWithAnotherSecret()
    {
        var (_, state) = await _bridge.StartInstallAsync();

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!), "not-the-secret"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Callback_Refuses_WhenTheHmacIsMissing()
    {
        var (_, state) = await _bridge.StartInstallAsync();
        var parameters = _bridge.CallbackParameters(state!);

        var response = await _bridge.CallbackAsync(string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Callback_Refuses_WhenTheTimestampIsOld()
    {
        var (_, state) = await _bridge.StartInstallAsync();

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!, age: TimeSpan.FromSeconds(91)), _bridge.Fake.OAuth.ClientSecret));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Callback_Accepts_ATimestampWithinTheTolerance()
    {
        var (_, state) = await _bridge.StartInstallAsync();

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!, age: TimeSpan.FromSeconds(80)), _bridge.Fake.OAuth.ClientSecret));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Callback_Refuses_WhenTheStateCookieIsMissing()
    {
        var (_, state) = await _bridge.StartInstallAsync();
        using var otherBrowser = _bridge.NewClient();

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!), _bridge.Fake.OAuth.ClientSecret), otherBrowser);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Callback_Refuses_WhenTheStateDiffersFromTheCookie()
    {
        await _bridge.StartInstallAsync();

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters("0.6784241404160823"), _bridge.Fake.OAuth.ClientSecret));

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Callback_Refuses_WhenTheStateCookieExpired()
    {
        var (_, state) = await _bridge.StartInstallAsync();
        _bridge.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!), _bridge.Fake.OAuth.ClientSecret));

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Callback_Refuses_WhenTheStateWasIssuedForAnotherShop()
    {
        var (_, state) = await _bridge.StartInstallAsync("other.myshopify.com");

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(_bridge.CallbackParameters(state!), _bridge.Fake.OAuth.ClientSecret));

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Callback_Refuses_WhenTheShopDomainIsInvalid()
    {
        var (_, state) = await _bridge.StartInstallAsync();
        var parameters = _bridge.CallbackParameters(state!);
        parameters["shop"] = "acme.myshopify.com.evil.com";

        var response = await _bridge.CallbackAsync(ShopifyQuerySigner.SignedQuery(parameters, _bridge.Fake.OAuth.ClientSecret));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(_bridge.Fake.OAuth.Grants, Is.Empty);
    }

    [Test]
    public async Task Callback_DoesNotConnect_WhenAScopeIsMissing()
    {
        var response = await _bridge.InstallAsync(scopes: "read_orders,write_customers,write_discounts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("write_store_credit_account_transactions").And.Contain("not connected"));
        Assert.That(await _bridge.TenantAsync(), Is.Null);
        Assert.That(await _bridge.ConnectionAsync(), Is.Null);
        Assert.That(_bridge.Fake.Shop(ConnectBridge.Shop).WebhookSubscriptions, Is.Empty);
    }

    [Test]
    public async Task AccessToken_IsRefreshedBeforeItExpires_AndTheRefreshTokenRotates()
    {
        await _bridge.InstallAsync();
        var before = await _bridge.ConnectionAsync();
        _bridge.Clock.Advance(TimeSpan.FromMinutes(56));

        var access = await _bridge.Services.GetRequiredService<IShopifyAdminClient>().ExecuteAsync(ConnectBridge.Shop, new ShopAccess(), CancellationToken.None);

        var after = await _bridge.ConnectionAsync();
        var graphql = _bridge.Fake.RequestsFor("shop").Single();
        Assert.Multiple(() =>
        {
            Assert.That(access.MyshopifyDomain, Is.EqualTo(ConnectBridge.Shop));
            Assert.That(_bridge.Fake.OAuth.Grants.Select(g => (g.GrantType, g.StatusCode)), Is.EqualTo(new[] { ("authorization_code", 200), ("refresh_token", 200) }));
            Assert.That(graphql.AccessToken, Is.EqualTo(_bridge.Fake.OAuth.AccessTokenOf(ConnectBridge.Shop)), "the new token is used");
            Assert.That(graphql.StatusCode, Is.EqualTo(200));
            Assert.That(after!.AccessTokenExpiresAt, Is.EqualTo(_bridge.Clock.GetUtcNow().AddHours(1)));
            Assert.That(after.ProtectedRefreshToken, Is.Not.EqualTo(before!.ProtectedRefreshToken));
        });
    }

    [Test]
    public async Task AccessToken_IsNotRefreshed_WhileFarFromExpiry()
    {
        await _bridge.InstallAsync();
        _bridge.Clock.Advance(TimeSpan.FromMinutes(30));

        await _bridge.Services.GetRequiredService<IShopifyAdminClient>().ExecuteAsync(ConnectBridge.Shop, new ShopAccess(), CancellationToken.None);

        Assert.That(_bridge.Fake.OAuth.Grants, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AccessToken_IsRefreshedOnce_WhenShopifyAnswers401()
    {
        await _bridge.InstallAsync();
        _bridge.Fake.FailNext(Testing.Shopify.FakeAdminApi.FakeFault.Unauthorized);

        var access = await _bridge.Services.GetRequiredService<IShopifyAdminClient>().ExecuteAsync(ConnectBridge.Shop, new ShopAccess(), CancellationToken.None);

        Assert.That(access.MyshopifyDomain, Is.EqualTo(ConnectBridge.Shop));
        Assert.That(_bridge.Fake.OAuth.Grants.Count(g => g.GrantType == "refresh_token"), Is.EqualTo(1));
        Assert.That(_bridge.Fake.RequestsFor("shop").Select(r => r.StatusCode), Is.EqualTo(new[] { 401, 200 }));
    }

    [Test]
    public async Task InvalidGrant_MarksTheConnectionAsNeedingReauthorisation_AndStopsCallingShopify()
    {
        await _bridge.InstallAsync();
        _bridge.Fake.OAuth.RevokeRefreshTokens(ConnectBridge.Shop);
        _bridge.Clock.Advance(TimeSpan.FromHours(1));
        var admin = _bridge.Services.GetRequiredService<IShopifyAdminClient>();

        Assert.That(async () => await admin.ExecuteAsync(ConnectBridge.Shop, new ShopAccess(), CancellationToken.None), Throws.InstanceOf<ShopifyAccessTokenUnavailableException>());
        Assert.That(async () => await admin.ExecuteAsync(ConnectBridge.Shop, new ShopAccess(), CancellationToken.None), Throws.InstanceOf<ShopifyAccessTokenUnavailableException>());

        var connection = await _bridge.ConnectionAsync();
        Assert.Multiple(() =>
        {
            Assert.That(connection?.Status, Is.EqualTo(ConnectionStatus.NeedsReauthorization));
            Assert.That(connection?.StatusReason, Does.Contain("invalid_grant"));
            Assert.That(_bridge.Fake.OAuth.Grants.Count(g => g.GrantType == "refresh_token"), Is.EqualTo(1), "one refresh, never a loop");
            Assert.That(_bridge.Fake.RequestsFor("shop"), Is.Empty, "no Admin API call with a dead token");
        });

        var status = await (await _bridge.Client.GetAsync(new Uri("/", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.That(status, Does.Contain("Needs re-authorisation").And.Contain("/shopify/install?shop=acme.myshopify.com"));
    }

    [Test]
    public async Task Reinstall_ClearsTheNeedForReauthorisation()
    {
        await _bridge.InstallAsync();
        _bridge.Fake.OAuth.RevokeRefreshTokens(ConnectBridge.Shop);
        _bridge.Clock.Advance(TimeSpan.FromHours(1));
        var tokens = _bridge.Services.GetRequiredService<IShopifyAccessTokenSource>();
        Assert.That(async () => await tokens.GetAccessTokenAsync(ConnectBridge.Shop, CancellationToken.None), Throws.InstanceOf<ShopifyAccessTokenUnavailableException>());

        await _bridge.InstallAsync();

        Assert.That((await _bridge.ConnectionAsync())?.Status, Is.EqualTo(ConnectionStatus.Connected));
        Assert.That(await tokens.GetAccessTokenAsync(ConnectBridge.Shop, CancellationToken.None), Is.EqualTo(_bridge.Fake.OAuth.AccessTokenOf(ConnectBridge.Shop)));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(_bridge.Fake.OAuth.Grants, Is.Empty, "no code is exchanged");
        Assert.That(await _bridge.ConnectionAsync(), Is.Null);
        Assert.That(await _bridge.TenantAsync(), Is.Null);
    }
}
