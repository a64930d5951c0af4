using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Bad webhooks, app-proxy requests and extension calls sent over HTTP to the real bridge on a real database with a
/// connected shop: each gets its status and a clear message, and no table of the model gains or loses a row.
/// </summary>
public sealed class BadWebhookAndStorefrontTests
{
    private const string ClientId = "client-123";
    private WebhookBridge _bridge = null!;
    private HttpClient _client = null!;

    private static IEnumerable<TestCaseData> Cases() => All().Select(c => new TestCaseData(c).SetName("BadInput_ChangesNothing_" + c.Name));

    private static IEnumerable<BadRequest<Context>> All()
    {
        var order = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);
        var paid = WebhookBridge.Delivery("orders/paid", order);

        // Webhooks: signatures.
        yield return new("Webhook_ForgedBody", b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = Forged(order) }),
            HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_MissingSignature", b => b.Send(paid with { Omit = ["X-Shopify-Hmac-Sha256"] }), HttpStatusCode.Unauthorized, "header is missing");
        yield return new("Webhook_WrongSecret", b => b.Send(paid with { Secret = "not-the-app-secret" }), HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_SignatureNotBase64", b => b.Send(paid with { Signature = "%%%not-base64%%%" }), HttpStatusCode.Unauthorized, "Invalid webhook signature");
        yield return new("Webhook_TruncatedBodyWithTheWholeBodysSignature",
            b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = order[..(order.Length / 2)] }),
            HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_NonJsonBodyWithAnotherBodysSignature",
            b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = "<html>hello</html>"u8.ToArray() }),
            HttpStatusCode.Unauthorized, "does not match the body");

        // Webhooks: size, topic, shop.
        yield return new("Webhook_BodyOverTheLimit", b => b.Send(WebhookBridge.Delivery("orders/paid", new byte[ShopifyOptions.DefaultMaxWebhookBytes + 1])),
            HttpStatusCode.RequestEntityTooLarge, "Referrals:Shopify:MaxWebhookBytes");
        yield return new("Webhook_UnknownTopic", b => b.Send(WebhookBridge.Delivery("products/create", order)), HttpStatusCode.BadRequest, "Unknown webhook topic");
        yield return new("Webhook_UnknownShop", b => b.Send(WebhookBridge.Delivery("orders/paid", order, "stranger.myshopify.com")), HttpStatusCode.NotFound, "Shop not connected");
        yield return new("Webhook_InvalidShopDomain", b => b.Send(WebhookBridge.Delivery("orders/paid", order, "acme.myshopify.com.evil.example")), HttpStatusCode.BadRequest, "Invalid shop domain");
        yield return new("Webhook_MissingTopic", b => b.Send(paid with { Omit = ["X-Shopify-Topic"] }), HttpStatusCode.BadRequest, "X-Shopify-Topic");

        // App proxy: Shopify signs the storefront's query; a repeated security parameter must never pass.
        yield return new("AppProxy_Unsigned", b => b.Proxy($"?shop={WebhookBridge.Shop}&timestamp=1"), HttpStatusCode.Unauthorized, null);
        yield return new("AppProxy_WrongSecret", b => b.Proxy(ShopifyAppProxySigner.Query("other-secret", WebhookBridge.Shop, b.Now)), HttpStatusCode.Unauthorized, null);
        yield return new("AppProxy_DuplicatedShop",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("shop", "stranger.myshopify.com"))), HttpStatusCode.Unauthorized, null);
        yield return new("AppProxy_DuplicatedCustomer",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("logged_in_customer_id", "43"))), HttpStatusCode.Unauthorized, null);
        yield return new("AppProxy_DuplicatedTimestamp",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("timestamp", "1"))), HttpStatusCode.Unauthorized, null);
        yield return new("AppProxy_OversizedInviteForm", b => b.OversizedInvite(), HttpStatusCode.RequestEntityTooLarge, null);

        // Thank-you extension: session tokens.
        yield return new("Extension_ExpiredSessionToken",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, b.Now.AddMinutes(-6)), WebhookBridge.Secret)), HttpStatusCode.Unauthorized, null);
        yield return new("Extension_WrongAudienceSessionToken",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, "other-app", b.Now), WebhookBridge.Secret)), HttpStatusCode.Unauthorized, null);
        yield return new("Extension_SessionTokenWithWrongSecret",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, b.Now), "not-the-secret")), HttpStatusCode.Unauthorized, null);
        yield return new("Extension_GarbageSessionToken", b => b.Ask("a.b.c"), HttpStatusCode.Unauthorized, null);
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Referrals:Shopify:ClientId"] = ClientId,
            ["Referrals:Links:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
        });
        _client = _bridge.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var tenant = await _bridge.ConnectShopAsync();
        await _bridge.CreateAdvocateAsync(tenant, "alice@example.com", "ALICE-7KQ2M9");
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _bridge.DisposeAsync();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task BadInput_GetsAClearRefusalAndChangesNothing(BadRequest<Context> bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var before = await Snapshot();

        var response = await bad.Send(new Context(_bridge, _client));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(bad.Status), body);
        if (bad.Phrase is not null)
        {
            Assert.That(body, Does.Contain(bad.Phrase));
        }

        await _bridge.DrainAsync();
        var after = await Snapshot();
        Assert.That(after.ChangesSince(before), Is.Empty, $"rows before: {before}");
    }

    private Task<RowCountSnapshot> Snapshot() => _bridge.QueryAsync(db => RowCountSnapshot.TakeAsync(db));

    private static byte[] Forged(byte[] body)
    {
        var forged = (byte[])body.Clone();
        forged[Array.IndexOf(forged, (byte)'9')] = (byte)'1';
        return forged;
    }

    /// <summary>What a case may use of the running bridge.</summary>
    public sealed class Context
    {
        private readonly WebhookBridge _bridge;
        private readonly HttpClient _client;

        internal Context(WebhookBridge bridge, HttpClient client)
        {
            _bridge = bridge;
            _client = client;
        }

        internal DateTimeOffset Now => _bridge.Clock.GetUtcNow();

        internal Task<HttpResponseMessage> Send(ShopifyWebhookDelivery delivery) => _bridge.SendAsync(delivery);

        internal Task<HttpResponseMessage> Proxy(string query) => _client.GetAsync(new Uri("/shopify/proxy/invite" + query, UriKind.Relative));

        internal async Task<HttpResponseMessage> OversizedInvite()
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form_token"] = "x", ["friend_name"] = new string('n', 10_000), ["friend_email"] = "bob@example.com" });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/shopify/proxy/invite" + ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, Now, 42), UriKind.Relative))
            {
                Content = content,
            };
            return await _client.SendAsync(request);
        }

        internal async Task<HttpResponseMessage> Ask(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/shopify/extension/ask?order=123", UriKind.Relative));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return await _client.SendAsync(request);
        }
    }
}
