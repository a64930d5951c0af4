namespace Referrals.Core.Messaging;

/// <summary>What the inbox and the outbox share: a row that workers claim with a lease, retry and dead-letter.</summary>
public interface IQueuedMessage
{
    /// <summary>Row id, increasing with arrival.</summary>
    long Id { get; }

    /// <summary>When it was handled; null until then.</summary>
    DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>How many times handling was tried.</summary>
    int Attempts { get; set; }

    /// <summary>When the next try may start.</summary>
    DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last error.</summary>
    string? LastError { get; set; }

    /// <summary>When it was given up on.</summary>
    DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>The current worker's claim.</summary>
    Guid? ClaimToken { get; set; }

    /// <summary>When the claim lapses.</summary>
    DateTimeOffset? ClaimedUntil { get; set; }
}
