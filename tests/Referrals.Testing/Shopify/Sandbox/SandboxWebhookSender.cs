using System.Collections.Concurrent;
using System.Globalization;

namespace Referrals.Testing.Shopify.Sandbox;

/// <summary>
/// Posts webhooks to a receiver as Shopify does: the raw body signed with the app's client secret
/// (<c>X-Shopify-Hmac-Sha256</c>), and the topic, shop domain, webhook id, event id, API version and triggered-at
/// headers. Each call is one new event with its own ids; <see cref="ResendAsync"/> repeats a delivery as a retry does.
/// </summary>
public sealed class SandboxWebhookSender
{
    private readonly HttpClient _http;
    private readonly string _shopDomain;
    private readonly string _secret;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<SandboxDelivery> _sent = new();

    /// <param name="http">A client whose base address is the receiver (the path <see cref="ShopifyWebhookDelivery.Path"/> is added).</param>
    /// <param name="shopDomain">The shop the deliveries come from.</param>
    /// <param name="secret">The client secret that signs them.</param>
    /// <param name="clock">The clock for <c>X-Shopify-Triggered-At</c>.</param>
    public SandboxWebhookSender(HttpClient http, string shopDomain, string secret, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(shopDomain);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(clock);
        _http = http;
        _shopDomain = shopDomain;
        _secret = secret;
        _clock = clock;
    }

    /// <summary>Every delivery sent, oldest first.</summary>
    public IReadOnlyList<SandboxDelivery> Sent => [.. _sent];

    /// <summary>Sends <paramref name="body"/> as a new event of <paramref name="topic"/>.</summary>
    /// <returns>The delivery and the receiver's status; a refusal is returned, not thrown.</returns>
    public Task<SandboxDelivery> SendAsync(string topic, byte[] body, CancellationToken cancellationToken = default)
    {
        var delivery = new ShopifyWebhookDelivery(topic, _shopDomain, body) { Secret = _secret };
        return PostAsync(delivery, _clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Sends the same delivery again (same webhook id, event id and triggered-at), as Shopify's retries do.</summary>
    public Task<SandboxDelivery> ResendAsync(SandboxDelivery earlier, string topic, byte[] body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var delivery = new ShopifyWebhookDelivery(topic, _shopDomain, body) { Secret = _secret, WebhookId = earlier.WebhookId, EventId = earlier.EventId };
        return PostAsync(delivery, earlier.TriggeredAt, cancellationToken);
    }

    /// <summary>Delivers <paramref name="event"/> (again): every delivery of one event carries its webhook id, event id and triggered-at.</summary>
    /// <returns>The delivery and the receiver's status; a refusal is returned, not thrown.</returns>
    /// <exception cref="HttpRequestException">The receiver could not be reached (a retry is the caller's choice, as it is Shopify's).</exception>
    public Task<SandboxDelivery> DeliverAsync(SandboxEvent @event, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var delivery = new ShopifyWebhookDelivery(@event.Topic, _shopDomain, @event.Body) { Secret = _secret, WebhookId = @event.WebhookId, EventId = @event.EventId };
        return PostAsync(delivery, @event.TriggeredAt, cancellationToken);
    }

    private async Task<SandboxDelivery> PostAsync(ShopifyWebhookDelivery delivery, DateTimeOffset triggeredAt, CancellationToken cancellationToken)
    {
        delivery = delivery with
        {
            Extra = new Dictionary<string, string> { ["X-Shopify-Triggered-At"] = triggeredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) },
        };
        using var request = delivery.ToRequest();
        using var response = await _http.SendAsync(request, cancellationToken);
        var sent = new SandboxDelivery(delivery.Topic, delivery.WebhookId, delivery.EventId!, triggeredAt, (int)response.StatusCode);
        _sent.Enqueue(sent);
        return sent;
    }
}
