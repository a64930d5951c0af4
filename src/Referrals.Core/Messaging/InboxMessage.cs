namespace Referrals.Core.Messaging;

/// <summary>
/// An incoming event (a webhook delivery, a form post) stored before anything is done with it, so nothing is lost
/// if the process dies. <c>(Source, DeliveryId)</c> is unique: a repeated delivery is a no-op.
/// </summary>
public sealed class InboxMessage : IQueuedMessage
{
    private InboxMessage()
    {
        Source = DeliveryId = Topic = TenantKey = "";
        Payload = [];
    }

    /// <summary>Creates an unprocessed message.</summary>
    public InboxMessage(string source, string deliveryId, string? eventId, string topic, string tenantKey, byte[] payload, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(payload);
        Source = source;
        DeliveryId = deliveryId;
        EventId = eventId;
        Topic = topic;
        TenantKey = tenantKey;
        Payload = payload;
        ReceivedAt = receivedAt;
        NextAttemptAt = receivedAt;
    }

    /// <summary>Row id; increases with arrival, so processing in id order follows arrival.</summary>
    public long Id { get; private set; }

    /// <summary>Where it came from, for example <c>shopify</c>.</summary>
    public string Source { get; private set; }

    /// <summary>The sender's id for this delivery (Shopify's <c>X-Shopify-Webhook-Id</c>).</summary>
    public string DeliveryId { get; private set; }

    /// <summary>The sender's id for the event, shared by deliveries of the same event (<c>X-Shopify-Event-Id</c>).</summary>
    public string? EventId { get; private set; }

    /// <summary>What happened, for example <c>orders/paid</c>.</summary>
    public string Topic { get; private set; }

    /// <summary>The tenant's key (a shop domain).</summary>
    public string TenantKey { get; private set; }

    /// <summary>The raw body, exactly as received.</summary>
    public byte[] Payload { get; private set; }

    /// <summary>When it was received.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When it was handled; null until then.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>How many times handling was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next try may start.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last error, kept for the dead-letter queue.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was given up on after too many attempts.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>The worker's claim: unique per claim, so two workers never handle the same row.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>When the claim lapses; a crashed worker's rows are taken again after it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}
