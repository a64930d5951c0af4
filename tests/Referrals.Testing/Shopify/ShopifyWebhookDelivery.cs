using System.Net.Http.Headers;

namespace Referrals.Testing.Shopify;

/// <summary>
/// One webhook delivery as Shopify sends it: the body, the headers, and a signature made with <see cref="Secret"/>
/// unless <see cref="Signature"/> overrides it. Change anything with <c>with</c> to build a bad delivery.
/// </summary>
/// <param name="Topic">The <c>X-Shopify-Topic</c>.</param>
/// <param name="ShopDomain">The <c>X-Shopify-Shop-Domain</c>.</param>
/// <param name="Body">The exact body bytes.</param>
public sealed record ShopifyWebhookDelivery(string Topic, string ShopDomain, byte[] Body)
{
    /// <summary>The webhook endpoint's path.</summary>
    public const string Path = "/shopify/webhooks";

    /// <summary>The delivery id; a new one per delivery unless set (a retry keeps it).</summary>
    public string WebhookId { get; init; } = "wh-" + Guid.NewGuid().ToString("N");

    /// <summary>The event id; a new one per delivery unless set.</summary>
    public string? EventId { get; init; } = "ev-" + Guid.NewGuid().ToString("N");

    /// <summary>The secret that signs the body.</summary>
    public string Secret { get; init; } = ShopifyWebhookSigner.FixtureSecret;

    /// <summary>A signature header to send instead of the computed one; empty string sends an empty header.</summary>
    public string? Signature { get; init; }

    /// <summary>Header names left out.</summary>
    public IReadOnlyCollection<string> Omit { get; init; } = [];

    /// <summary>Extra or replaced headers.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The POST request, ready for an <see cref="HttpClient"/>.</summary>
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative))
        {
            Content = new ByteArrayContent(Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Headers())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>The headers, in Shopify's spelling, without <see cref="Omit"/>ted ones.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Shopify-Topic"] = Topic,
            ["X-Shopify-Shop-Domain"] = ShopDomain,
            ["X-Shopify-Hmac-Sha256"] = Signature ?? ShopifyWebhookSigner.Sign(Body, Secret),
            ["X-Shopify-Webhook-Id"] = WebhookId,
            ["X-Shopify-API-Version"] = "2026-10",
            ["X-Shopify-Triggered-At"] = "2026-11-20T15:15:01.123456789Z",
        };
        if (EventId is not null)
        {
            headers["X-Shopify-Event-Id"] = EventId;
        }

        foreach (var (name, value) in Extra)
        {
            headers[name] = value;
        }

        return headers.Where(h => !Omit.Contains(h.Key, StringComparer.OrdinalIgnoreCase));
    }
}
