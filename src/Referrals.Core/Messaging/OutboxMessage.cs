namespace Referrals.Core.Messaging;

/// <summary>
/// An effect on the outside world (issue a credit, create a code, send an e-mail), written in the same transaction
/// as the change that needs it and carried out later, at least once. <see cref="IdempotencyKey"/> is unique, and
/// handlers pass it on so the far side can deduplicate too.
/// </summary>
public sealed class OutboxMessage : IQueuedMessage
{
    private OutboxMessage()
    {
        IdempotencyKey = Kind = Payload = "";
    }

    /// <summary>Creates a pending message.</summary>
    public OutboxMessage(Guid tenantId, string kind, string idempotencyKey, string payload, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentNullException.ThrowIfNull(payload);
        TenantId = tenantId;
        Kind = kind;
        IdempotencyKey = idempotencyKey;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>Row id.</summary>
    public long Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Which handler carries it out, for example <c>reward.issue</c>.</summary>
    public string Kind { get; private set; }

    /// <summary>Unique: writing the same effect twice keeps one row.</summary>
    public string IdempotencyKey { get; private set; }

    /// <summary>The handler's input, as JSON.</summary>
    public string Payload { get; private set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was carried out; null until then.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What the far side called the result (a transaction id).</summary>
    public string? ExternalRef { get; set; }

    /// <summary>How many times it was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next try may start.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last error.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was given up on.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>The worker's claim.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>When the claim lapses.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}
