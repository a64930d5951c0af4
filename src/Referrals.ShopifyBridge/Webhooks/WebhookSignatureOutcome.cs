namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>What <see cref="ShopifyWebhookVerifier"/> found.</summary>
internal enum WebhookSignatureOutcome
{
    /// <summary>No signature header, or an empty one.</summary>
    MissingHeader = 0,

    /// <summary>The header is not standard base64 of a 32-byte HMAC-SHA256, or was sent more than once.</summary>
    MalformedHeader = 1,

    /// <summary>A well-formed signature that neither secret produced: a forged or altered body, or a wrong secret.</summary>
    Mismatch = 2,

    /// <summary>Signed with the current client secret.</summary>
    ValidCurrentSecret = 3,

    /// <summary>Signed with the previous client secret (Shopify keeps using it for a while after a rotation).</summary>
    ValidPreviousSecret = 4,
}

/// <summary>Helpers for <see cref="WebhookSignatureOutcome"/>.</summary>
internal static class WebhookSignatureOutcomeExtensions
{
    /// <summary>Whether either secret produced the signature.</summary>
    public static bool IsValid(this WebhookSignatureOutcome outcome) =>
        outcome is WebhookSignatureOutcome.ValidCurrentSecret or WebhookSignatureOutcome.ValidPreviousSecret;
}
