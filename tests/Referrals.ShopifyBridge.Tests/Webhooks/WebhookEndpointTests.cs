using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Jobs;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary><c>POST /shopify/webhooks</c> on the real bridge: what is stored, what is refused and how.</summary>
public sealed class WebhookEndpointTests
{
    private WebhookBridge _bridge = null!;

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync();
        await _bridge.ConnectShopAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    private static ShopifyWebhookDelivery PaidOrder() =>
        WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder));

    private Task<int> InboxCountAsync() => _bridge.QueryAsync(db => db.Inbox.CountAsync());

    private static async Task<ProblemDetails> ProblemOf(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    [Test]
    public async Task Post_StoresTheExactBytesAndNudgesADrain_WhenASignedFixtureOrderArrives()
    {
        var delivery = PaidOrder() with { WebhookId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", EventId = "98880550-7158-44d4-b7cd-2c97c8a091b5" };

        var response = await _bridge.SendAsync(delivery);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var row = await _bridge.QueryAsync(db => db.Inbox.SingleAsync());
        Assert.That(row.Source, Is.EqualTo("shopify"));
        Assert.That(row.DeliveryId, Is.EqualTo(delivery.WebhookId));
        Assert.That(row.EventId, Is.EqualTo(delivery.EventId));
        Assert.That(row.Topic, Is.EqualTo("orders/paid"));
        Assert.That(row.TenantKey, Is.EqualTo(WebhookBridge.Shop));
        Assert.That(row.Payload, Is.EqualTo(ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)), "byte for byte");
        Assert.That(row.ReceivedAt, Is.EqualTo(WebhookBridge.Start));
        Assert.That(row.ProcessedAt, Is.Null, "handled later by the drain, not in the request");
        Assert.That(_bridge.Jobs.Created.Select(j => j.Type), Is.EqualTo(new[] { typeof(DrainInboxJob) }));
    }

    [Test]
    public async Task Post_KeepsOneRowAndAnswers200_WhenTheSameDeliveryArrivesThreeTimes()
    {
        var delivery = PaidOrder();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await _bridge.SendAsync(delivery));
        }

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await InboxCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_KeepsOneRow_WhenTheSameDeliveryRacesItself()
    {
        var delivery = PaidOrder();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _bridge.SendAsync(delivery)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await InboxCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_StoresEachAndNudgesOneDrain_WhenManyDeliveriesArriveBeforeTheDrainStarts()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _bridge.SendAsync(PaidOrder())));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(await InboxCountAsync(), Is.EqualTo(8));
        Assert.That(_bridge.Jobs.Created.Select(j => j.Type), Is.EqualTo(new[] { typeof(DrainInboxJob) }), "one pending drain, not one per delivery");
    }

    [Test]
    public async Task Post_Answers500AndStoresNothing_WhenTheInboxCannotCommit()
    {
        await _bridge.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """CREATE TRIGGER inbox_down BEFORE INSERT ON "InboxMessages" BEGIN SELECT RAISE(ABORT, 'inbox unavailable (test)'); END;"""));

        var response = await _bridge.SendAsync(PaidOrder());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), "never 200 for a delivery that is not committed: Shopify retries");
        Assert.That(await InboxCountAsync(), Is.Zero);
        Assert.That(_bridge.Jobs.Created, Is.Empty);
    }

    [Test]
    public async Task Post_Answers200_WhenTheSignatureUsesThePreviousSecret()
    {
        var response = await _bridge.SendAsync(PaidOrder() with { Secret = WebhookBridge.PreviousSecret });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await InboxCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_Answers401AndStoresNothing_WhenOneByteOfTheBodyWasChanged()
    {
        var body = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);
        var signature = ShopifyWebhookSigner.Sign(body, WebhookBridge.Secret);
        var forged = (byte[])body.Clone();
        forged[Array.IndexOf(forged, (byte)'9')] = (byte)'1'; // "90.00" becomes "10.00"

        var response = await _bridge.SendAsync(WebhookBridge.Delivery("orders/paid", forged) with { Signature = signature });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemOf(response)).Title, Is.EqualTo("Invalid webhook signature"));
        Assert.That(await InboxCountAsync(), Is.Zero);
        Assert.That(_bridge.Jobs.Created, Is.Empty);
    }

    [TestCase("another-secret", TestName = "Post_Answers401_WhenSignedWithAnUnknownSecret")]
    [TestCase("", TestName = "Post_Answers401_WhenTheSignatureHeaderIsEmpty")]
    [TestCase("garbage!!", TestName = "Post_Answers401_WhenTheSignatureHeaderIsGarbage")]
    [TestCase("o8TcnDNkHWUd8NsfKbpK6Q9/1s6IE+/zQjO/kj1sdso", TestName = "Post_Answers401_WhenTheSignatureLostItsPadding")]
    public async Task Post_Answers401(string secretOrSignature)
    {
        var delivery = secretOrSignature == "another-secret" ? PaidOrder() with { Secret = secretOrSignature } : PaidOrder() with { Signature = secretOrSignature };

        var response = await _bridge.SendAsync(delivery);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await InboxCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_Answers401BeforeLookingAtOtherHeaders_WhenTheSignatureIsMissing()
    {
        var response = await _bridge.SendAsync(PaidOrder() with { Omit = ["X-Shopify-Hmac-Sha256", "X-Shopify-Topic", "X-Shopify-Webhook-Id"] });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await ProblemOf(response)).Detail, Does.Contain("missing"));
    }

    [Test]
    public async Task Post_Answers401_WhenTheSignatureHeaderIsRepeated()
    {
        var delivery = PaidOrder();
        using var request = delivery.ToRequest();
        request.Headers.Add("X-Shopify-Hmac-Sha256", ShopifyWebhookSigner.Sign(delivery.Body, WebhookBridge.Secret));

        var response = await _bridge.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("customers/redact", ShopifyFixtures.CustomerRedact)]
    [TestCase("customers/data_request", ShopifyFixtures.DataRequest)]
    [TestCase("shop/redact", ShopifyFixtures.ShopRedact)]
    public async Task Post_Answers401ForAPrivacyTopic_WhenTheSignatureIsWrong(string topic, string fixture)
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery(topic, ShopifyFixtures.Read(fixture)) with { Secret = "not-the-app-secret" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await InboxCountAsync(), Is.Zero);
    }

    [TestCase("X-Shopify-Topic")]
    [TestCase("X-Shopify-Shop-Domain")]
    [TestCase("X-Shopify-Webhook-Id")]
    public async Task Post_Answers400NamingTheHeader_WhenARequiredHeaderIsMissing(string header)
    {
        var response = await _bridge.SendAsync(PaidOrder() with { Omit = [header] });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemOf(response)).Detail, Does.Contain(header));
        Assert.That(await InboxCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_Answers400_WhenTheWebhookIdIsLongerThanTheInboxKeeps()
    {
        var response = await _bridge.SendAsync(PaidOrder() with { WebhookId = new string('w', 101) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemOf(response)).Detail, Does.Contain("X-Shopify-Webhook-Id"));
    }

    [Test]
    public async Task Post_StoresNoEventId_WhenTheOptionalEventIdIsAbsent()
    {
        var response = await _bridge.SendAsync(PaidOrder() with { EventId = null });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await _bridge.QueryAsync(db => db.Inbox.Select(m => m.EventId).SingleAsync()), Is.Null);
    }

    [TestCase("acme.myshopify.com.evil.com")]
    [TestCase("evil.com")]
    [TestCase("-acme.myshopify.com")]
    [TestCase("acme.myshopify.com/x")]
    public async Task Post_Answers400_WhenTheShopDomainIsInvalid(string shop)
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder), shop));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemOf(response)).Title, Is.EqualTo("Invalid shop domain"));
        Assert.That(await InboxCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Post_StoresTheLowerCaseDomain_WhenTheHeaderUsesCapitals()
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder), "ACME.myshopify.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await _bridge.QueryAsync(db => db.Inbox.Select(m => m.TenantKey).SingleAsync()), Is.EqualTo(WebhookBridge.Shop));
    }

    [TestCase("orders/create")]
    [TestCase("ORDERS_PAID")]
    [TestCase("Orders/Paid")]
    public async Task Post_Answers400WithTheAcceptedTopics_WhenTheTopicIsUnknown(string topic)
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery(topic, ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await ProblemOf(response);
        Assert.That(problem.Title, Is.EqualTo("Unknown webhook topic"));
        Assert.That(problem.Detail, Does.Contain("orders/paid").And.Contain("shop/redact"));
        Assert.That(await InboxCountAsync(), Is.Zero);
    }

    [TestCase("orders/paid")]
    [TestCase("app/uninstalled")]
    [TestCase("customers/create")]
    public async Task Post_Answers404AndStoresNothing_WhenTheShopIsNotConnected(string topic)
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery(topic, ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder), "stranger.myshopify.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProblemOf(response)).Title, Is.EqualTo("Shop not connected"));
        Assert.That(await InboxCountAsync(), Is.Zero);
        Assert.That(_bridge.Jobs.Created, Is.Empty);
    }

    [TestCase("customers/redact", ShopifyFixtures.CustomerRedact)]
    [TestCase("customers/data_request", ShopifyFixtures.DataRequest)]
    [TestCase("shop/redact", ShopifyFixtures.ShopRedact)]
    public async Task Post_Answers200AndStoresNothing_WhenAPrivacyRequestIsForAShopNotConnected(string topic, string fixture)
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery(topic, ShopifyFixtures.Read(fixture), "stranger.myshopify.com"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await InboxCountAsync(), Is.Zero);
        Assert.That(_bridge.Logs.AllText(), Does.Contain("stranger.myshopify.com, which is not connected"));
    }

    [Test]
    public async Task Post_Answers200_WhenTheBodyIsNotJsonButSigned()
    {
        var response = await _bridge.SendAsync(WebhookBridge.Delivery("orders/paid", "{\"id\": 820982911946154508, \"total_pri"u8.ToArray()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "ingest does not parse; the drain dead-letters it");
        Assert.That(await InboxCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Post_Answers200_WhenTheDrainCannotBeEnqueued()
    {
        _bridge.Jobs.Fail = true;

        var response = await _bridge.SendAsync(PaidOrder());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the message is committed; the recurring drain will find it");
        Assert.That(await InboxCountAsync(), Is.EqualTo(1));
        Assert.That(_bridge.Logs.AllText(), Does.Contain("Could not enqueue an inbox drain"));
    }

    [Test]
    public async Task Get_Answers405_OnTheWebhookPath()
    {
        var response = await _bridge.Client.GetAsync(new Uri(ShopifyWebhookDelivery.Path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Logs_HoldNoSecretSignatureOrBody_AfterAcceptedAndRefusedDeliveries()
    {
        var marker = "jane.referred@example.com";
        await _bridge.SendAsync(PaidOrder());
        await _bridge.SendAsync(PaidOrder() with { Secret = "wrong-secret-value" });
        await _bridge.SendAsync(PaidOrder() with { Omit = ["X-Shopify-Topic"] });
        await _bridge.SendAsync(WebhookBridge.Delivery("orders/paid", Encoding.UTF8.GetBytes("{\"broken\": \"" + marker)));
        await _bridge.DrainAsync();

        var logs = _bridge.Logs.AllText();
        var signature = ShopifyWebhookSigner.Sign(ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder), WebhookBridge.Secret);
        Assert.That(logs, Does.Contain("orders/paid"), "the logger captured the bridge's lines");
        Assert.That(logs, Does.Not.Contain(WebhookBridge.Secret).And.Not.Contain(WebhookBridge.PreviousSecret).And.Not.Contain("wrong-secret-value"));
        Assert.That(logs, Does.Not.Contain(signature).And.Not.Contain(marker).And.Not.Contain("FRIEND-7KQ2M9").And.Not.Contain("\"currency\""));
    }

    [Test]
    public async Task Post_Answers503NamingTheSetting_WhenNoClientSecretIsConfigured()
    {
        await using var bare = await WebhookBridge.StartAsync(settings: new() { ["Referrals:Shopify:ClientSecret"] = "", ["Referrals:Shopify:PreviousClientSecret"] = "" });

        var response = await bare.SendAsync(PaidOrder());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await ProblemOf(response)).Detail, Does.Contain("Referrals:Shopify:ClientSecret"));
    }
}
