namespace Referrals.Benchmarks.Load;

/// <summary>The bridge child's <see cref="LoadServer.InboxPath"/> answer.</summary>
internal sealed record InboxSnapshot(long Rows, long Batches, long Deliveries, long InsertMicroseconds, long CommitMicroseconds, long CpuMilliseconds);
