using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Load;

/// <summary>The load command's results and its end-state checks.</summary>
internal sealed class LoadReport
{
    public List<LoadResult> Results { get; } = [];

    /// <summary>What the end-state checks found wrong; empty when they passed.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Inbox rows per database after the ingest phases.</summary>
    public Dictionary<StorageProvider, long> InboxRows { get; } = [];

    /// <summary>Group commits the inbox writer made, per database, warm-up included.</summary>
    public Dictionary<StorageProvider, long> InboxBatches { get; } = [];

    /// <summary>Orders the drain phase processed, per database.</summary>
    public Dictionary<StorageProvider, long> Drained { get; } = [];
}
