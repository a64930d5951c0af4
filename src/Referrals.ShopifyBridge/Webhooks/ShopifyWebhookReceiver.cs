using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Shopify;

namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>
/// <c>POST /shopify/webhooks</c>: verify, store in the durable inbox, answer, and leave the work to the drain job.
/// </summary>
/// <remarks>
/// Checks run in this order, each before anything the next one needs:
/// <list type="number">
/// <item>413 when <c>Content-Length</c> exceeds the limit (nothing read), or when the body turns out longer while
/// reading (at most limit + 1 bytes are read);</item>
/// <item>the key is chosen: when the claimed shop is connected as a custom app, its own API secret (and only it);
/// otherwise the app's client secret and, during a rotation, the previous one. 503 when there is no key at all;</item>
/// <item>401 when the signature is missing, malformed or wrong: before any other header is interpreted, so an unsigned
/// caller learns nothing about topics or connected shops, and the privacy topics answer 401 as Shopify requires;</item>
/// <item>400 when a required header is missing, the shop domain is invalid, or the topic is not one the bridge takes;</item>
/// <item>a shop that is not connected: 200 for the privacy topics (there is nothing of theirs to erase or export; logged),
/// 404 for every other topic; nothing is stored either way;</item>
/// <item>otherwise the delivery is stored (a repeated delivery id is a no-op; concurrent deliveries share one commit,
/// see <see cref="InboxStore"/>), a drain is enqueued unless one is already pending (<see cref="DrainNudge"/>),
/// and the answer is 200. When the store fails the request fails (500), so Shopify retries.</item>
/// </list>
/// Neither the body nor the signature nor a secret is ever logged.
/// </remarks>
internal sealed class ShopifyWebhookReceiver
{
    /// <summary>The inbox source of Shopify webhooks.</summary>
    public const string Source = "shopify";

    // The inbox's column sizes: a longer value could not be stored.
    private const int MaxTopicLength = 64;
    private const int MaxIdLength = 100;

    private readonly ShopifyWebhookVerifier? _verifier;
    private readonly int _maxBytes;
    private readonly InboxStore _inbox;
    private readonly ConnectedShops _shops;
    private readonly Connections.ShopWebhookSecrets _shopSecrets;
    private readonly DrainNudge _drains;
    private readonly TimeProvider _clock;
    private readonly ILogger<ShopifyWebhookReceiver> _logger;

    public ShopifyWebhookReceiver(IOptions<ShopifyOptions> options, InboxStore inbox, ConnectedShops shops, Connections.ShopWebhookSecrets shopSecrets, DrainNudge drains,
        TimeProvider clock, ILogger<ShopifyWebhookReceiver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shopify = options.Value;
        _verifier = shopify.WebhooksEnabled ? new ShopifyWebhookVerifier(shopify.ClientSecret!, shopify.PreviousClientSecret) : null;
        _maxBytes = shopify.MaxWebhookBytes;
        _inbox = inbox;
        _shops = shops;
        _shopSecrets = shopSecrets;
        _drains = drains;
        _clock = clock;
        _logger = logger;
    }

    public async Task<IResult> ReceiveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (request.ContentLength > _maxBytes)
        {
            _logger.LogWarning("Refused a Shopify webhook declaring {Bytes} bytes; the limit is {MaxBytes}", request.ContentLength, _maxBytes);
            return WebhookProblems.TooLarge(_maxBytes);
        }

        // Kestrel's own cap (30 MB by default) must not cut in before ours; ours never reads more than limit + 1.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = _maxBytes + 1L;
        }

        byte[]? body;
        try
        {
            body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, _maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel counts chunked bytes as it parses ahead of us, so its cap (limit + 1) can trip first.
            body = null;
        }

        if (body is null)
        {
            _logger.LogWarning("Refused a Shopify webhook whose body exceeded {MaxBytes} bytes (Content-Length {Declared})",
                _maxBytes, request.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "absent");
            return WebhookProblems.TooLarge(_maxBytes);
        }

        var headers = request.Headers;
        var verifier = await VerifierForAsync(headers, cancellationToken);
        if (verifier is null)
        {
            _logger.LogWarning("Refused a Shopify webhook: Referrals:Shopify:ClientSecret is not set");
            return WebhookProblems.NotConfigured();
        }

        var signature = headers.TryGetValue(ShopifyWebhookHeaders.Hmac, out var hmac) && hmac.Count > 1
            ? WebhookSignatureOutcome.MalformedHeader
            : verifier.Verify(body, hmac.ToString());
        if (!signature.IsValid())
        {
            _logger.LogWarning("Refused a Shopify webhook ({Bytes} bytes) claiming topic {Topic} from {Shop}: signature {Outcome}",
                body.Length, Claimed(headers, ShopifyWebhookHeaders.Topic, ShopifyTopics.IsKnown), Claimed(headers, ShopifyWebhookHeaders.ShopDomain, IsShopDomain), signature);
            return WebhookProblems.Unauthorized(signature);
        }

        var invalid = new List<string>();
        var topic = Header(headers, ShopifyWebhookHeaders.Topic, MaxTopicLength, required: true, invalid);
        var shop = Header(headers, ShopifyWebhookHeaders.ShopDomain, ShopDomain.MaxLength, required: true, invalid);
        var webhookId = Header(headers, ShopifyWebhookHeaders.WebhookId, MaxIdLength, required: true, invalid);
        var eventId = Header(headers, ShopifyWebhookHeaders.EventId, MaxIdLength, required: false, invalid);
        if (invalid.Count > 0 || topic is null || shop is null || webhookId is null)
        {
            _logger.LogWarning("Refused a signed Shopify webhook: headers {Headers} are missing or invalid", invalid);
            return WebhookProblems.MissingHeaders(invalid);
        }

        if (!ShopDomain.TryNormalize(shop, out var domain))
        {
            _logger.LogWarning("Refused a signed Shopify webhook {WebhookId}: the shop domain is not a *.myshopify.com domain", webhookId);
            return WebhookProblems.InvalidShopDomain();
        }

        if (!ShopifyTopics.IsKnown(topic))
        {
            _logger.LogWarning("Refused a signed Shopify webhook {WebhookId} from {Shop}: the topic is not one the bridge takes", webhookId, domain);
            return WebhookProblems.UnknownTopic();
        }

        if (!await _shops.IsConnectedAsync(domain, cancellationToken))
        {
            if (ShopifyTopics.IsCompliance(topic))
            {
                _logger.LogInformation("Shopify {Topic} webhook {WebhookId} for {Shop}, which is not connected: nothing is held for it, nothing stored",
                    topic, webhookId, domain);
                return Results.Ok();
            }

            _logger.LogWarning("Refused Shopify {Topic} webhook {WebhookId}: shop {Shop} is not connected", topic, webhookId, domain);
            return WebhookProblems.ShopNotConnected();
        }

        var message = new InboxMessage(Source, webhookId, eventId, topic, domain, body, _clock.GetUtcNow());
        var stored = await _inbox.TryAddAsync(message, cancellationToken);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // Guarded: the arguments' array, boxing and date parsing would otherwise be paid on every delivery.
            _logger.LogDebug("Shopify {Topic} webhook {WebhookId} (event {EventId}, triggered {TriggeredAt}) from {Shop}: {Bytes} bytes, {Result}, signature {Signature}",
                topic, webhookId, eventId, TriggeredAt(headers), domain, body.Length, stored ? "stored" : "duplicate ignored", signature);
        }

        NudgeDrain();
        return Results.Ok();
    }

    // A shop connected as a custom app signs with its own secret; the claim only picks the key, the signature decides.
    private async ValueTask<ShopifyWebhookVerifier?> VerifierForAsync(IHeaderDictionary headers, CancellationToken cancellationToken)
    {
        if (headers.TryGetValue(ShopifyWebhookHeaders.ShopDomain, out var values) && values.Count == 1
            && ShopDomain.TryNormalize(values[0], out var shop)
            && await _shopSecrets.FindAsync(shop, cancellationToken) is { } secret)
        {
            return new ShopifyWebhookVerifier(secret);
        }

        return _verifier;
    }

    // A single, non-empty value within the column size; anything else is reported by name.
    private static string? Header(IHeaderDictionary headers, string name, int maxLength, bool required, List<string> invalid)
    {
        if (!headers.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            if (required)
            {
                invalid.Add(name);
            }

            return null;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            invalid.Add(name);
            return null;
        }

        return value;
    }

    // An unauthenticated header is logged only when it is one of the values we expect, never as sent.
    private static string Claimed(IHeaderDictionary headers, string name, Func<string, bool> isExpected) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 && values[0] is { } value && isExpected(value) ? value : "(unrecognised)";

    private static bool IsShopDomain(string value) => ShopDomain.TryNormalize(value, out _);

    private static DateTimeOffset? TriggeredAt(IHeaderDictionary headers) =>
        headers.TryGetValue(ShopifyWebhookHeaders.TriggeredAt, out var values)
        && DateTimeOffset.TryParse(values.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    private void NudgeDrain()
    {
        try
        {
            _drains.Nudge();
        }
        catch (Exception ex)
        {
            // The message is committed: the recurring drain and the sweeper will still handle it.
            _logger.LogWarning(ex, "Could not enqueue an inbox drain; the recurring drain will handle the stored webhook");
        }
    }
}
