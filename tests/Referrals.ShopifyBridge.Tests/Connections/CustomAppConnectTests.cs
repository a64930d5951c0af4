using System.Net;
using Referrals.Core.Tenants;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Connections;

/// <summary>Connecting a shop through a custom app: the operator's form, the token checked against the fake Admin API, the shop's own webhook secret.</summary>
public sealed class CustomAppConnectTests
{
    private const string Shop = "corner.myshopify.com";
    private const string Token = "shpat_custom_app_token_0123456789";
    private const string Secret = "custom-app-api-secret";
    private ConnectBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync();
        _bridge.Fake.RequireToken(Shop, Token);
        var shop = _bridge.Fake.Shop(Shop);
        shop.Name = "Corner Shop";
        shop.AccessScopes = ["read_orders", "write_customers", "write_discounts", "write_store_credit_account_transactions", "read_products"];
        var signIn = await _bridge.SignInOperatorAsync();
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task Connect_StoresTheCustomAppEncrypted_AndSubscribesWebhooks_WhenTheTokenWorks()
    {
        var response = await _bridge.ConnectCustomAppAsync(Shop, Token, Secret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Corner Shop").And.Contain("is connected"));
        var connection = await _bridge.ConnectionAsync(Shop);
        Assert.Multiple(() =>
        {
            Assert.That(connection?.Mode, Is.EqualTo(ConnectionMode.CustomApp));
            Assert.That(connection?.AccessTokenExpiresAt, Is.Null);
            Assert.That(connection?.ProtectedAccessToken, Does.Not.Contain(Token));
            Assert.That(connection?.ProtectedApiSecret, Is.Not.Null.And.Not.Contain(Secret));
            Assert.That(_bridge.Fake.Shop(Shop).WebhookSubscriptions, Has.Count.EqualTo(7));
            Assert.That(_bridge.Fake.Shop(Shop).WebhookSubscriptions.Select(s => s.Uri).Distinct(), Is.EqualTo(new[] { "http://localhost/shopify/webhooks" }));
        });
        Assert.That((await _bridge.TenantAsync(Shop))?.DisplayName, Is.EqualTo("Corner Shop"));
    }

    [Test]
    public async Task Connect_RefusesAndStoresNothing_WhenShopifyRejectsTheToken()
    {
        var response = await _bridge.ConnectCustomAppAsync(Shop, "shpat_wrong", Secret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("did not accept that access token"));
        Assert.That(await _bridge.ConnectionAsync(Shop), Is.Null);
        Assert.That(await _bridge.TenantAsync(Shop), Is.Null);
    }

    [Test]
    public async Task Connect_Refuses_WhenTheCustomAppLacksAScope()
    {
        _bridge.Fake.Shop(Shop).AccessScopes = ["read_orders", "write_customers"];

        var response = await _bridge.ConnectCustomAppAsync(Shop, Token, Secret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("write_discounts").And.Contain("write_store_credit_account_transactions"));
        Assert.That(await _bridge.ConnectionAsync(Shop), Is.Null);
    }

    [Test]
    public async Task Connect_Refuses_AnInvalidShopDomain()
    {
        var response = await _bridge.ConnectCustomAppAsync("corner.example.com", Token, Secret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(_bridge.Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task Connect_Refuses_WithoutTheAntiforgeryToken()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["shop"] = Shop, ["accessToken"] = Token, ["apiSecret"] = Secret });

        var response = await _bridge.Client.PostAsync(new Uri("/shopify/connect", UriKind.Relative), content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await _bridge.ConnectionAsync(Shop), Is.Null);
    }

    [Test]
    public async Task Webhooks_OfACustomAppShop_AreVerifiedWithThatShopsSecret()
    {
        await _bridge.ConnectCustomAppAsync(Shop, Token, Secret);
        var body = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);

        var own = await SendAsync(new ShopifyWebhookDelivery("orders/paid", Shop, body) { Secret = Secret });
        var app = await SendAsync(new ShopifyWebhookDelivery("orders/paid", Shop, body) { Secret = _bridge.Fake.OAuth.ClientSecret });
        var otherShop = await SendAsync(new ShopifyWebhookDelivery("orders/paid", "other.myshopify.com", body) { Secret = Secret });

        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed with the shop's own secret");
            Assert.That(app.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the app secret does not sign for a custom-app shop");
            Assert.That(otherShop.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "one shop's secret does not sign for another");
        });
    }

    private async Task<HttpResponseMessage> SendAsync(ShopifyWebhookDelivery delivery)
    {
        using var request = delivery.ToRequest();
        return await _bridge.Client.SendAsync(request);
    }
}
