namespace Referrals.Core.Configuration;

/// <summary>How background work runs (<c>Referrals:Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary>Default inbox rows handled per batch.</summary>
    public const int DefaultBatchSize = 200;

    /// <summary>Default seconds a worker's claim on a batch lasts before another worker may take it.</summary>
    public const int DefaultLeaseSeconds = 120;

    /// <summary>Default Hangfire worker count.</summary>
    public const int DefaultWorkers = 2;

    /// <summary>Hangfire storage: <c>InMemory</c> (embedded default), <c>PostgreSql</c> or <c>SqlServer</c>.</summary>
    public string Storage { get; set; } = "InMemory";

    /// <summary>Hangfire workers in this process.</summary>
    public int Workers { get; set; } = DefaultWorkers;

    /// <summary>Inbox or outbox rows claimed per batch.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Seconds a claim lasts; a crashed worker's rows are retried after it.</summary>
    public int LeaseSeconds { get; set; } = DefaultLeaseSeconds;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = Messaging.RetrySchedule.DefaultMaxAttempts;

    /// <summary>Register the recurring jobs (drain, outbox, maturation, sweeper). Default true.</summary>
    public bool RegisterRecurringJobs { get; set; } = true;
}
