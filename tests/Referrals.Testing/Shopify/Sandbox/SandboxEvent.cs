namespace Referrals.Testing.Shopify.Sandbox;

/// <summary>
/// One webhook event the sandbox store owes the app, not yet sent: its topic, body and the ids Shopify keeps for every
/// delivery of it (retries of one event share the webhook id, event id and triggered-at).
/// </summary>
/// <param name="Topic">The <c>X-Shopify-Topic</c>.</param>
/// <param name="Body">The raw JSON body.</param>
/// <param name="WebhookId">The <c>X-Shopify-Webhook-Id</c> of every delivery.</param>
/// <param name="EventId">The <c>X-Shopify-Event-Id</c> of every delivery.</param>
/// <param name="TriggeredAt">The <c>X-Shopify-Triggered-At</c> of every delivery.</param>
public sealed record SandboxEvent(string Topic, byte[] Body, string WebhookId, string EventId, DateTimeOffset TriggeredAt)
{
    /// <summary>A new event with fresh ids.</summary>
    public static SandboxEvent Create(string topic, byte[] body, DateTimeOffset triggeredAt) =>
        new(topic, body, "wh-" + Guid.NewGuid().ToString("N"), "ev-" + Guid.NewGuid().ToString("N"), triggeredAt);
}
