using System.Diagnostics.Metrics;

namespace Referrals.Core.Persistence;

/// <summary>
/// The inbox writer's instruments (meter <see cref="MeterName"/>): how many deliveries each group commit carries and
/// how long its insert and its commit take. Read them with <c>dotnet-counters monitor --counters Referrals.Inbox</c>
/// or a <see cref="MeterListener"/>; unobserved, recording costs next to nothing.
/// </summary>
public static class InboxMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Referrals.Inbox";

    /// <summary>Histogram of deliveries per batch (one batch = one transaction), counted before duplicates are removed.</summary>
    public const string BatchSizeName = "referrals.inbox.batch.size";

    /// <summary>Histogram of the time, in milliseconds, from the batch's transaction start to its last row inserted.</summary>
    public const string InsertDurationName = "referrals.inbox.batch.insert.duration";

    /// <summary>Histogram of the time, in milliseconds, of the batch's commit.</summary>
    public const string CommitDurationName = "referrals.inbox.batch.commit.duration";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(BatchSizeName, "{delivery}", "Deliveries per group commit");

    internal static readonly Histogram<double> InsertDuration = Meter.CreateHistogram<double>(InsertDurationName, "ms", "Time to insert one batch");

    internal static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(CommitDurationName, "ms", "Time to commit one batch");
}
