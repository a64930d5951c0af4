using System.Diagnostics.Metrics;
using System.Globalization;
using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Load;

/// <summary>
/// In the bridge child: sums of the inbox writer's instruments (<see cref="InboxMetrics"/>) since start, so the driver can
/// take the difference over a phase and see the group commit's cycle: batches, deliveries per batch, insert and commit time.
/// </summary>
internal sealed class InboxWriterStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _batches;
    private long _deliveries;
    private long _insertMicroseconds;
    private long _commitMicroseconds;

    public InboxWriterStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InboxMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == InboxMetrics.BatchSizeName)
            {
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _deliveries, value);
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            var microseconds = (long)(value * 1000);
            if (instrument.Name == InboxMetrics.InsertDurationName)
            {
                Interlocked.Add(ref _insertMicroseconds, microseconds);
            }
            else if (instrument.Name == InboxMetrics.CommitDurationName)
            {
                Interlocked.Add(ref _commitMicroseconds, microseconds);
            }
        });
        _listener.Start();
    }

    /// <summary>"batches deliveries insert-μs commit-μs", summed since start.</summary>
    public string Snapshot() => string.Create(CultureInfo.InvariantCulture,
        $"{Interlocked.Read(ref _batches)} {Interlocked.Read(ref _deliveries)} {Interlocked.Read(ref _insertMicroseconds)} {Interlocked.Read(ref _commitMicroseconds)}");

    public void Dispose() => _listener.Dispose();
}
