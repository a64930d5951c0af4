namespace Referrals.Core.Jobs;

/// <summary>What a sweep found.</summary>
/// <param name="InboxReleased">Inbox claims released after their lease ran out.</param>
/// <param name="OutboxReleased">Outbox claims released after their lease ran out.</param>
/// <param name="InboxPending">Inbox messages waiting.</param>
/// <param name="OutboxPending">Outbox messages waiting.</param>
public sealed record SweepResult(int InboxReleased, int OutboxReleased, int InboxPending, int OutboxPending);
