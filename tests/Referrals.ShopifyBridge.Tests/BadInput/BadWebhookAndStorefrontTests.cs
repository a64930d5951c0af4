using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Bad webhooks, app-proxy requests and extension calls sent over HTTP to the real bridge on a real database (SQLite
/// and PostgreSQL) with a connected shop: each gets its status and a problem+json answer whose title and detail say
/// what was wrong without repeating a secret, and no table of the model gains or loses a row.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class BadWebhookAndStorefrontTests
{
    private const string ClientId = "client-123";
    private readonly StorageProvider _provider;
    private WebhookBridge _bridge = null!;
    private HttpClient _client = null!;

    public BadWebhookAndStorefrontTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private static IEnumerable<TestCaseData> Cases() => All().Select(c => new TestCaseData(c).SetName("BadInput_ChangesNothing_" + c.Name));

    private static IEnumerable<BadRequest<Context>> All()
    {
        var order = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);
        var paid = WebhookBridge.Delivery("orders/paid", order);

        // Webhooks: signatures.
        yield return new("Webhook_ForgedBody", b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = Forged(order) }),
            HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_MissingSignature", b => b.Send(paid with { Omit = ["X-Shopify-Hmac-Sha256"] }), HttpStatusCode.Unauthorized, "header is missing");
        yield return new("Webhook_EmptySignature", b => b.Send(paid with { Signature = string.Empty }), HttpStatusCode.Unauthorized, "Invalid webhook signature");
        yield return new("Webhook_WrongSecret", b => b.Send(paid with { Secret = "not-the-app-secret" }), HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_SignatureNotBase64", b => b.Send(paid with { Signature = "%%%not-base64%%%" }), HttpStatusCode.Unauthorized, "Invalid webhook signature");
        yield return new("Webhook_TruncatedBodyWithTheWholeBodysSignature",
            b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = order[..(order.Length / 2)] }),
            HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_NonJsonBodyWithAnotherBodysSignature",
            b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = "<html>hello</html>"u8.ToArray() }),
            HttpStatusCode.Unauthorized, "does not match the body");
        yield return new("Webhook_DeeplyNestedBodyWithAnotherBodysSignature",
            b => b.Send(paid with { Signature = ShopifyWebhookSigner.Sign(order, WebhookBridge.Secret), Body = Encoding.ASCII.GetBytes(new string('[', 50_000) + new string(']', 50_000)) }),
            HttpStatusCode.Unauthorized, "does not match the body");

        // Webhooks: size, topic, shop.
        yield return new("Webhook_BodyOverTheLimit", b => b.Send(WebhookBridge.Delivery("orders/paid", new byte[ShopifyOptions.DefaultMaxWebhookBytes + 1])),
            HttpStatusCode.RequestEntityTooLarge, "Referrals:Shopify:MaxWebhookBytes");
        yield return new("Webhook_UnknownTopic", b => b.Send(WebhookBridge.Delivery("products/create", order)), HttpStatusCode.BadRequest, "Unknown webhook topic");
        yield return new("Webhook_UnknownShop", b => b.Send(WebhookBridge.Delivery("orders/paid", order, "stranger.myshopify.com")), HttpStatusCode.NotFound, "Shop not connected");
        yield return new("Webhook_InvalidShopDomain", b => b.Send(WebhookBridge.Delivery("orders/paid", order, "acme.myshopify.com.evil.example")), HttpStatusCode.BadRequest, "Invalid shop domain");
        yield return new("Webhook_MissingTopic", b => b.Send(paid with { Omit = ["X-Shopify-Topic"] }), HttpStatusCode.BadRequest, "X-Shopify-Topic");

        // App proxy: Shopify signs the storefront's query; a repeated security parameter must never pass.
        yield return new("AppProxy_Unsigned", b => b.Proxy($"?shop={WebhookBridge.Shop}&timestamp=1"), HttpStatusCode.Unauthorized, "signature missing: The security parameter 'signature' is missing");
        yield return new("AppProxy_WithoutTimestamp", b => b.Proxy(Without(b.Signed(), "timestamp")), HttpStatusCode.Unauthorized, "'timestamp' is missing");
        yield return new("AppProxy_WrongSecret", b => b.Proxy(ShopifyAppProxySigner.Query("other-secret", WebhookBridge.Shop, b.Now)), HttpStatusCode.Unauthorized, "signed with another app's secret");
        yield return new("AppProxy_ForgedCustomer", b => b.Proxy(b.Signed().Replace("logged_in_customer_id=42", "logged_in_customer_id=43", StringComparison.Ordinal)),
            HttpStatusCode.Unauthorized, "does not match the request");
        yield return new("AppProxy_SignatureNotHex", b => b.Proxy(Without(b.Signed(), "signature") + "&signature=" + new string('z', 64)), HttpStatusCode.Unauthorized, "'signature' is malformed");
        yield return new("AppProxy_Stale", b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now.AddMinutes(-10), 42)),
            HttpStatusCode.Unauthorized, "more than 90 seconds from the bridge's clock");
        yield return new("AppProxy_DuplicatedSignature", b => b.Proxy(b.Signed() + "&signature=" + new string('0', 64)),
            HttpStatusCode.Unauthorized, "Duplicated security parameter 'signature'");
        yield return new("AppProxy_DuplicatedShop",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("shop", "stranger.myshopify.com"))), HttpStatusCode.Unauthorized,
            "Duplicated security parameter 'shop'");
        yield return new("AppProxy_DuplicatedCustomer",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("logged_in_customer_id", "43"))), HttpStatusCode.Unauthorized,
            "Duplicated security parameter 'logged_in_customer_id'");
        yield return new("AppProxy_DuplicatedTimestamp",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("timestamp", "1"))), HttpStatusCode.Unauthorized,
            "Duplicated security parameter 'timestamp'");
        yield return new("AppProxy_DuplicatedPathPrefix",
            b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, b.Now, 42, ("path_prefix", "/apps/evil"))), HttpStatusCode.Unauthorized,
            "Duplicated security parameter 'path_prefix'");
        yield return new("AppProxy_UnknownShop", b => b.Proxy(ShopifyAppProxySigner.Query(WebhookBridge.Secret, "stranger.myshopify.com", b.Now, 42)),
            HttpStatusCode.NotFound, "Shop not connected");
        yield return new("AppProxy_OversizedInviteForm", b => b.Invite(new Dictionary<string, string> { ["form_token"] = "x", ["friend_name"] = new string('n', 10_000), ["friend_email"] = "bob@example.com" }),
            HttpStatusCode.RequestEntityTooLarge, "Referrals:Shopify:AppProxy:MaxFormBytes");
        yield return new("AppProxy_InviteFormWithTooManyFields", b => b.Invite(Enumerable.Range(0, 40).ToDictionary(i => "f" + i, _ => "x")),
            HttpStatusCode.BadRequest, "more fields");
        yield return new("AppProxy_InviteThatIsNotAForm", b => b.InviteJson(), HttpStatusCode.UnsupportedMediaType, "Not a form");

        // Thank-you extension: session tokens.
        yield return new("Extension_NoSessionToken", b => b.Ask(null), HttpStatusCode.Unauthorized, "Session token missing");
        yield return new("Extension_ExpiredSessionToken",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, b.Now.AddMinutes(-6)), WebhookBridge.Secret)),
            HttpStatusCode.Unauthorized, "session token expired");
        yield return new("Extension_WrongAudienceSessionToken",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, "other-app", b.Now), WebhookBridge.Secret)), HttpStatusCode.Unauthorized, "wrong audience");
        yield return new("Extension_SessionTokenWithWrongSecret",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, b.Now), "not-the-secret")), HttpStatusCode.Unauthorized,
            "signed with another app's secret");
        yield return new("Extension_SessionTokenWithAlgorithmNone",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, b.Now), WebhookBridge.Secret, "none")), HttpStatusCode.Unauthorized, "HS256");
        yield return new("Extension_SessionTokenWithInvalidUtf8",
            b => b.Ask(System.Buffers.Text.Base64Url.EncodeToString([0x7B, 0x22, 0x61, 0x6C, 0x67, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]) + ".e30." + new string('A', 43)),
            HttpStatusCode.Unauthorized, "Session token malformed");
        yield return new("Extension_GarbageSessionToken", b => b.Ask("a.b.c"), HttpStatusCode.Unauthorized, "Session token malformed");
        yield return new("Extension_SessionTokenOfAnUnknownShop",
            b => b.Ask(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims("stranger.myshopify.com", ClientId, b.Now), WebhookBridge.Secret)), HttpStatusCode.Unauthorized,
            "Shop not connected");
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(_provider, settings: new Dictionary<string, string?>
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

        var body = await RefusalBody.ReadAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(bad.Status), body.Raw);
        Assert.That(body.IsProblem, Is.True, $"a problem+json answer, not {body.MediaType}: {body.Raw}");
        Assert.That(body.Text, Does.Contain(bad.Phrase!).IgnoreCase);
        Assert.That(body.Raw, Does.Not.Contain(WebhookBridge.Secret).And.Not.Contain(WebhookBridge.PreviousSecret), "no secret in the answer");
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

    // The query without the parameter (and its value).
    private static string Without(string query, string name) =>
        "?" + string.Join('&', query.TrimStart('?').Split('&').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)));

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

        /// <summary>A correctly signed query for the connected shop and customer 42.</summary>
        internal string Signed() => ShopifyAppProxySigner.Query(WebhookBridge.Secret, WebhookBridge.Shop, Now, 42);

        internal Task<HttpResponseMessage> Proxy(string query) => _client.GetAsync(new Uri("/shopify/proxy/invite" + query, UriKind.Relative));

        internal async Task<HttpResponseMessage> Invite(Dictionary<string, string> fields)
        {
            using var content = new FormUrlEncodedContent(fields);
            return await PostInvite(content);
        }

        internal async Task<HttpResponseMessage> InviteJson()
        {
            using var content = new StringContent("{\"friend_email\":\"bob@example.com\"}", Encoding.UTF8, "application/json");
            return await PostInvite(content);
        }

        internal async Task<HttpResponseMessage> Ask(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/shopify/extension/ask?order=123", UriKind.Relative));
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            return await _client.SendAsync(request);
        }

        private async Task<HttpResponseMessage> PostInvite(HttpContent content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/shopify/proxy/invite" + Signed(), UriKind.Relative)) { Content = content };
            return await _client.SendAsync(request);
        }
    }
}
