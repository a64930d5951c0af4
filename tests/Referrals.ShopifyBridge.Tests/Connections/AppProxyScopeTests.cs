using System.Net;
using System.Web;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Configuration;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>
/// With the default scopes (which include <c>write_app_proxy</c>): an OAuth install must be granted the app-proxy scope
/// and gets the storefront links; a custom app, which cannot have an app proxy, connects without it and does not.
/// </summary>
public sealed class AppProxyScopeTests
{
    private const string CustomShop = "corner.myshopify.com";
    private const string Token = "shpat_custom_app_token_0123456789";
    private const string Secret = "custom-app-api-secret";
    private const string WithoutAppProxy = "read_orders,write_customers,write_discounts,write_store_credit_account_transactions";

    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(configuredScopes: ShopifyOptions.DefaultScopes);
        Assert.That(ShopifyOptions.DefaultScopes, Does.Contain("write_app_proxy"), "the premise of these tests");
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task CustomAppConnect_Succeeds_WithoutTheAppProxyScope_AndMarksTheShopWithoutProxy()
    {
        await SignInAndPrepareCustomAppAsync(WithoutAppProxy.Split(','));

        var response = await _bridge.ConnectCustomAppAsync(CustomShop, Token, Secret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await _bridge.ConnectionAsync(CustomShop))?.Mode, Is.EqualTo(ConnectionMode.CustomApp));
        Assert.That((await _bridge.TenantAsync(CustomShop))?.HasStorefrontProxy, Is.False);
    }

    [Test]
    public async Task CustomAppConnect_StillRefuses_WhenARealScopeIsMissing_WithoutAskingForTheAppProxyScope()
    {
        await SignInAndPrepareCustomAppAsync(["read_orders", "write_customers", "write_store_credit_account_transactions"]);

        var response = await _bridge.ConnectCustomAppAsync(CustomShop, Token, Secret);
        var page = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("write_discounts").And.Not.Contain("write_app_proxy"));
        Assert.That(await _bridge.ConnectionAsync(CustomShop), Is.Null);
    }

    [Test]
    public async Task OAuthInstall_RequestsTheAppProxyScope_AndRefusesAGrantWithoutIt()
    {
        var (start, _) = await _bridge.StartInstallAsync();
        var response = await _bridge.InstallAsync(scopes: WithoutAppProxy);

        Assert.That(HttpUtility.ParseQueryString(start.Headers.Location!.Query)["scope"], Does.Contain("write_app_proxy"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("write_app_proxy"));
        Assert.That(await _bridge.ConnectionAsync(), Is.Null);
    }

    [Test]
    public async Task OAuthInstall_WithTheAppProxyScope_MarksTheShopWithProxy()
    {
        var response = await _bridge.InstallAsync(scopes: ShopifyOptions.DefaultScopes);

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _bridge.ConnectionAsync())?.Mode, Is.EqualTo(ConnectionMode.OAuth));
        Assert.That((await _bridge.TenantAsync())?.HasStorefrontProxy, Is.True);
    }

    [Test]
    public async Task ReconnectingAsCustomApp_TurnsTheProxyFlagOff_AndOAuthTurnsItBackOn()
    {
        await _bridge.InstallAsync(scopes: ShopifyOptions.DefaultScopes);
        await SignInAndPrepareCustomAppAsync(WithoutAppProxy.Split(','), ConnectBridge.Shop);

        await _bridge.ConnectCustomAppAsync(ConnectBridge.Shop, Token, Secret);
        var asCustomApp = await _bridge.TenantAsync();
        await _bridge.InstallAsync(scopes: ShopifyOptions.DefaultScopes);
        var asOAuth = await _bridge.TenantAsync();

        Assert.That(asCustomApp?.HasStorefrontProxy, Is.False);
        Assert.That(asOAuth?.HasStorefrontProxy, Is.True);
    }

    private async Task SignInAndPrepareCustomAppAsync(string[] scopes, string shop = CustomShop)
    {
        _bridge.Fake.RequireToken(shop, Token);
        var fakeShop = _bridge.Fake.Shop(shop);
        fakeShop.Name = "Corner Shop";
        fakeShop.AccessScopes = scopes;
        var signIn = await _bridge.SignInOperatorAsync();
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }
}
