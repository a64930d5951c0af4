using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.ShopifyBridge.Advocates;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Extension;

/// <summary>The thank-you extension's endpoint on the real bridge over SQLite, after a real <c>orders/paid</c> delivery.</summary>
public sealed class ThankYouAskEndpointTests
{
    private const string ClientId = "client-123";
    private const string Buyer = "gid://shopify/Customer/115310627314723954";
    private static readonly string Order = ShopifyPayloads.SyntheticOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private WebhookBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Referrals:Shopify:ClientId"] = ClientId,
            ["Referrals:Links:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
        });
        await _bridge.ConnectShopAsync();
        var response = await _bridge.SendAsync(WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await _bridge.DrainAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task AValidTokenGetsTheBuyersReferralLinkAndOfferWithCors()
    {
        var response = await AskAsync(Token());
        var body = await ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        var referral = body.GetProperty("referral");
        var code = referral.GetProperty("code").GetString();
        Assert.That(referral.GetProperty("link").GetString(), Is.EqualTo($"https://{WebhookBridge.Shop}/apps/referrals/r/{code}"));
        Assert.That(referral.GetProperty("friendOffer").GetString(), Is.EqualTo("10 EUR off their first order"));
        Assert.That(body.GetProperty("rating").ValueKind, Is.EqualTo(JsonValueKind.Null), "no ask has been sent for the order yet");
        var effect = await _bridge.QueryAsync(db => db.Outbox.SingleAsync(m => m.Kind == AdvocateCodePublisher.OutboxKind));
        Assert.That(effect.ProcessedAt, Is.Null, "the new code is published to Shopify through the outbox");
    }

    [Test]
    public async Task ASentAskForTheOrderComesWithElevenSignedRatingLinks()
    {
        await using (var db = _bridge.Database.CreateDbContext())
        {
            // Whatever the timeline planned for the order, here its ask has gone out.
            var planned = await db.Asks.SingleAsync(a => a.SourceKey == Order);
            db.Asks.Remove(planned);
            await db.SaveChangesAsync();
            var now = _bridge.Clock.GetUtcNow();
            var ask = Ask.FromPlan(planned.TenantId, planned.ContactId, AskTrigger.Purchase, Order, AskPlan.Schedule(now, AskChannel.Email), now);
            ask.MarkSent(now);
            db.Asks.Add(ask);
            await db.SaveChangesAsync();
        }

        var body = await ReadAsync(await AskAsync(Token(Buyer), "gid://shopify/Order/" + Order));

        var links = body.GetProperty("rating").GetProperty("links").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.That(links, Has.Length.EqualTo(11));
        Assert.That(links, Has.All.StartWith($"https://{WebhookBridge.Shop}/apps/referrals/rate/"));
        Assert.That(links.Distinct().Count(), Is.EqualTo(11));
    }

    [Test]
    public async Task AnExpiredTokenIsRefused()
    {
        var claims = ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, _bridge.Clock.GetUtcNow().AddMinutes(-6));
        var response = await AskAsync(ShopifySessionTokens.Sign(claims, WebhookBridge.Secret));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }), "the extension can read the refusal");
    }

    [Test]
    public async Task ATokenForAnotherAppIsRefused() =>
        Assert.That((await AskAsync(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, "other-app", _bridge.Clock.GetUtcNow()), WebhookBridge.Secret))).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task ATokenWithAWrongSignatureIsRefused() =>
        Assert.That((await AskAsync(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, _bridge.Clock.GetUtcNow()), "not-the-secret"))).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task ATokenForAShopThatIsNotConnectedIsRefused() =>
        Assert.That((await AskAsync(ShopifySessionTokens.Sign(ShopifySessionTokens.Claims("stranger.myshopify.com", ClientId, _bridge.Clock.GetUtcNow()), WebhookBridge.Secret))).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task AMissingTokenIsRefused()
    {
        var response = await _bridge.Client.GetAsync($"/shopify/extension/ask?order={Order}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AnotherSignedInCustomerCannotReadTheBuyersOrder()
    {
        var response = await AskAsync(Token("gid://shopify/Customer/999"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AGuestTokenLongAfterTheOrderIsRefused()
    {
        _bridge.Clock.Advance(TimeSpan.FromHours(3));
        var response = await AskAsync(Token());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AnOrderNotReceivedYetGetsAnEmptyAnswer()
    {
        var body = await ReadAsync(await AskAsync(Token(), "123"));
        Assert.That(body.GetProperty("referral").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(body.GetProperty("rating").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task ThePreflightAllowsTheAuthorizationHeaderFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/shopify/extension/ask?order=1");
        request.Headers.Add("Origin", "https://extensions.shopifycdn.com");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");

        var response = await _bridge.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("Authorization"));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Methods").Single(), Does.Contain("GET"));
    }

    private string Token(string? customer = null) =>
        ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(WebhookBridge.Shop, ClientId, _bridge.Clock.GetUtcNow(), customer), WebhookBridge.Secret);

    private async Task<HttpResponseMessage> AskAsync(string token, string? order = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/shopify/extension/ask?order={Uri.EscapeDataString(order ?? Order)}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await _bridge.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
