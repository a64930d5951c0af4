using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Referrals.ShopifyBridge.Configuration;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>The body limit (default 1 MiB): 413 without reading an oversized body whole, whatever Content-Length says.</summary>
public sealed class WebhookBodyLimitTests
{
    private const int Limit = ShopifyOptions.DefaultMaxWebhookBytes;

    // Reading is allowed to stop one buffer after the limit, never anywhere near the whole body.
    private const long ReadAllowance = Limit + 1 + (64 * 1024);

    private static byte[] BodyOf(int length) => Enumerable.Repeat((byte)' ', length).ToArray();

    private static Task<int> InboxCountAsync(WebhookBridge bridge) => bridge.QueryAsync(db => db.Inbox.CountAsync());

    [Test]
    public async Task Post_StoresTheBody_WhenItIsExactlyAtTheLimit()
    {
        await using var bridge = await WebhookBridge.StartAsync();
        await bridge.ConnectShopAsync();

        var response = await bridge.SendAsync(WebhookBridge.Delivery("orders/paid", BodyOf(Limit)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await bridge.QueryAsync(db => db.Inbox.Select(m => m.Payload.Length).SingleAsync()), Is.EqualTo(Limit));
    }

    [Test]
    public async Task Post_Answers413_WhenContentLengthIsOneByteOverTheLimit()
    {
        await using var bridge = await WebhookBridge.StartAsync();
        await bridge.ConnectShopAsync();

        var response = await bridge.SendAsync(WebhookBridge.Delivery("orders/paid", BodyOf(Limit + 1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Referrals:Shopify:MaxWebhookBytes"));
        Assert.That(await InboxCountAsync(bridge), Is.Zero);
    }

    [Test]
    public async Task Post_Answers413_WhenAChunkedBodyWithoutContentLengthIsOneByteOverTheLimit()
    {
        await using var bridge = await WebhookBridge.StartAsync();
        await bridge.ConnectShopAsync();
        var body = new EndlessStream(Limit + 1);
        var delivery = WebhookBridge.Delivery("orders/paid", []) with { Signature = ShopifyWebhookSigner.Sign(BodyOf(Limit + 1), WebhookBridge.Secret) };
        using var request = delivery.ToRequest();
        request.Content = new StreamContent(body);
        request.Headers.TransferEncodingChunked = true;

        var response = await bridge.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(bridge.Logs.AllText(), Does.Contain("body exceeded 1048576 bytes (Content-Length absent)"), "the server saw no Content-Length");
        Assert.That(await InboxCountAsync(bridge), Is.Zero);
    }

    [Test]
    public async Task Post_Answers413AfterReadingOnlyTheLimit_WhenContentLengthUnderstatesAnEndlessBody()
    {
        await using var bridge = await WebhookBridge.StartAsync();
        await bridge.ConnectShopAsync();
        var body = new EndlessStream();

        var context = await bridge.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = ShopifyWebhookDelivery.Path;
            foreach (var (name, value) in WebhookBridge.Delivery("orders/paid", "{}"u8.ToArray()).Headers())
            {
                c.Request.Headers[name] = value;
            }

            c.Request.ContentLength = 2;
            c.Request.Body = body;
        });

        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
        Assert.That(body.BytesRead, Is.GreaterThan(Limit).And.LessThanOrEqualTo(ReadAllowance));
        Assert.That(await InboxCountAsync(bridge), Is.Zero);
    }

    [Test]
    public async Task Post_Answers413WithoutReadingTheBody_WhenContentLengthIsOverTheLimit()
    {
        await using var bridge = await WebhookBridge.StartAsync();
        var body = new EndlessStream();

        var context = await bridge.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = ShopifyWebhookDelivery.Path;
            c.Request.ContentLength = 50L * 1024 * 1024;
            c.Request.Body = body;
        });

        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
        Assert.That(body.BytesRead, Is.Zero);
    }

    [Test]
    public async Task Post_UsesTheConfiguredLimit_WhenMaxWebhookBytesIsSet()
    {
        await using var bridge = await WebhookBridge.StartAsync(settings: new() { ["Referrals:Shopify:MaxWebhookBytes"] = "2048" });
        await bridge.ConnectShopAsync();

        var small = await bridge.SendAsync(WebhookBridge.Delivery("orders/paid", BodyOf(2048)));
        var large = await bridge.SendAsync(WebhookBridge.Delivery("orders/paid", BodyOf(2049)));

        Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Kestrel_Answers413BeforeTheBodyIsSent_WhenContentLengthIsOverTheLimit()
    {
        await using var bridge = await WebhookBridge.StartAsync(kestrel: true);
        var address = bridge.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = string.Create(CultureInfo.InvariantCulture,
            $"POST {ShopifyWebhookDelivery.Path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {2L * Limit}\r\n\r\n");

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(statusLine, Is.EqualTo("HTTP/1.1 413 Payload Too Large"), "answered with not one byte of the body sent");
    }

    [Test]
    public async Task Kestrel_Answers413_WhenAChunkedBodyRunsPastTheLimit()
    {
        await using var bridge = await WebhookBridge.StartAsync(kestrel: true);
        await bridge.ConnectShopAsync();
        var body = new EndlessStream(4L * Limit);
        var delivery = WebhookBridge.Delivery("orders/paid", []);
        using var request = delivery.ToRequest();
        request.Content = new StreamContent(body);
        request.Headers.TransferEncodingChunked = true;

        HttpResponseMessage? response = null;
        try
        {
            response = await bridge.Client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the client is still sending; the answer was still 413 (below).
        }

        Assert.That(response?.StatusCode ?? HttpStatusCode.RequestEntityTooLarge, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(bridge.Logs.AllText(), Does.Contain("body exceeded 1048576 bytes (Content-Length absent)"));
        Assert.That(await InboxCountAsync(bridge), Is.Zero);
    }

    [Test]
    public async Task Kestrel_StoresASignedFixtureOrder_OnLoopback()
    {
        await using var bridge = await WebhookBridge.StartAsync(kestrel: true);
        await bridge.ConnectShopAsync();

        var response = await bridge.SendAsync(WebhookBridge.Delivery("orders/paid", ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await bridge.QueryAsync(db => db.Inbox.Select(m => m.Payload).SingleAsync()), Is.EqualTo(ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder)));
    }
}
