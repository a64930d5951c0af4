namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>The request headers of a Shopify webhook delivery (names are case-insensitive). Only the body is signed.</summary>
internal static class ShopifyWebhookHeaders
{
    /// <summary>Base64 HMAC-SHA256 of the raw body, keyed with the app's client secret.</summary>
    public const string Hmac = "X-Shopify-Hmac-Sha256";

    /// <summary>What happened, for example <c>orders/paid</c>.</summary>
    public const string Topic = "X-Shopify-Topic";

    /// <summary>The shop's <c>{handle}.myshopify.com</c> domain.</summary>
    public const string ShopDomain = "X-Shopify-Shop-Domain";

    /// <summary>The delivery id, unchanged across retries: the inbox's duplicate key.</summary>
    public const string WebhookId = "X-Shopify-Webhook-Id";

    /// <summary>The event id, shared by every delivery of one event (optional).</summary>
    public const string EventId = "X-Shopify-Event-Id";

    /// <summary>When the event fired (optional).</summary>
    public const string TriggeredAt = "X-Shopify-Triggered-At";

    /// <summary>The API version the body was serialised with (optional).</summary>
    public const string ApiVersion = "X-Shopify-API-Version";
}
