using System.Diagnostics;
using System.Globalization;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// The machine's load while a phase runs: the 1-minute load average sampled every 2 s, the share of all cores busy
/// (from <c>/proc/stat</c>, everyone's work, including a PostgreSQL server and other people's builds), and this
/// process's CPU time. Linux only; elsewhere the figures stay empty.
/// </summary>
public sealed class MachineLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _loads = [];
    private readonly Task _sampler;
    private readonly (long Busy, long Total)? _cpuAtStart;
    private readonly TimeSpan _processCpuAtStart;
    private (long Busy, long Total)? _cpuAtEnd;
    private TimeSpan _processCpuAtEnd;

    private MachineLoad()
    {
        _cpuAtStart = ReadCpu();
        _processCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _sampler = SampleAsync(_stop.Token);
    }

    public static MachineLoad Start() => new();

    public double MinLoad => _loads.Count == 0 ? double.NaN : _loads.Min();

    public double MaxLoad => _loads.Count == 0 ? double.NaN : _loads.Max();

    /// <summary>Busy share of all cores between start and stop, 0–1.</summary>
    public double BusyShare => _cpuAtStart is { } a && _cpuAtEnd is { } b && b.Total > a.Total ? (double)(b.Busy - a.Busy) / (b.Total - a.Total) : double.NaN;

    public TimeSpan ProcessCpu => _processCpuAtEnd - _processCpuAtStart;

    public static string LoadAverageNow() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _processCpuAtEnd = Process.GetCurrentProcess().TotalProcessorTime;
        _cpuAtEnd = ReadCpu();
        await _stop.CancelAsync();
        await _sampler;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    public override string ToString() => Format.Invariant(
        $"1-min load average {MinLoad:0.0}–{MaxLoad:0.0} (sampled every 2 s), all cores {BusyShare:P0} busy, this process {ProcessCpu.TotalSeconds:0.00} s CPU");

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (ReadLoad() is { } load)
                {
                    lock (_loads)
                    {
                        _loads.Add(load);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            if (ReadLoad() is { } load)
            {
                lock (_loads)
                {
                    _loads.Add(load);
                }
            }
        }
    }

    private static double? ReadLoad()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) && double.TryParse(File.ReadAllText(path).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
    }

    // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...; idle and iowait are not busy.
    private static (long Busy, long Total)? ReadCpu()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        var fields = File.ReadLines(path).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
