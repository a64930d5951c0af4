using Microsoft.Extensions.Time.Testing;
using Referrals.Core.Engine;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// Hands out orders <c>first</c>…<c>first + count − 1</c> and records, per order, its time, outcome and SQL tally.
/// Each order's slot is written by one worker only; the shared totals are locked.
/// </summary>
public sealed class OrderRecorder
{
    private readonly OrderWorkload _workload;
    private readonly FakeTimeProvider _clock;
    private readonly TimeSpan _clockStep;
    private readonly bool _countSql;
    private readonly long[] _ticks;
    private readonly OrderStatus?[] _status;
    private readonly bool[] _done;
    private readonly int[] _commands;
    private readonly long[] _finishedAt;
    private readonly long _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private int _next;
    private int _failures;

    public OrderRecorder(OrderWorkload workload, OrderEventProcessor processor, FakeTimeProvider clock, TimeSpan clockStep, bool countSql, int first, int count)
    {
        _workload = workload;
        Processor = processor;
        _clock = clock;
        _clockStep = clockStep;
        _countSql = countSql;
        First = first;
        Count = count;
        _ticks = new long[count];
        _status = new OrderStatus?[count];
        _done = new bool[count];
        _commands = new int[count];
        _finishedAt = new long[count];
    }

    public OrderEventProcessor Processor { get; }

    public int First { get; }

    public int Count { get; }

    public SqlTally Referred { get; } = new();

    public SqlTally Plain { get; } = new();

    public int Failures => Volatile.Read(ref _failures);

    public string? FirstError { get; private set; }

    /// <summary>The next order number to process, or null when all were handed out.</summary>
    public int? Take()
    {
        var slot = Interlocked.Increment(ref _next) - 1;
        return slot < Count ? First + slot : null;
    }

    /// <summary>Order <paramref name="index"/>, paid now by the fake clock, which then moves on by the clock step.</summary>
    public PaidOrder NextOrder(int index)
    {
        var paidAt = _clock.GetUtcNow();
        _clock.Advance(_clockStep);
        return _workload.Order(index, paidAt);
    }

    public SqlTally? NewTally() => _countSql ? new SqlTally() : null;

    public void Record(int index, long ticks, OrderStatus status, SqlTally? tally)
    {
        var slot = index - First;
        _ticks[slot] = ticks;
        _status[slot] = status;
        _done[slot] = true;
        _finishedAt[slot] = System.Diagnostics.Stopwatch.GetTimestamp() - _startedAt;
        if (tally is not null)
        {
            _commands[slot] = tally.Commands;
            (OrderWorkload.IsReferred(index) ? Referred : Plain).Add(tally);
        }
    }

    public void RecordFailure(int index, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Interlocked.Increment(ref _failures);
        lock (_gate)
        {
            FirstError ??= $"order {index}: {error.GetType().Name}: {error.Message}";
        }
    }

    /// <summary>Orders processed successfully.</summary>
    public IEnumerable<int> Completed() => Enumerable.Range(0, Count).Where(s => _done[s]).Select(s => First + s);

    public long TicksOf(int index) => _ticks[index - First];

    public OrderStatus StatusOf(int index) => _status[index - First] ?? throw new InvalidOperationException($"Order {index} was not processed.");

    public int CommandsOf(int index) => _commands[index - First];

    /// <summary>Orders per second in consecutive chunks of <paramref name="size"/> completions, to show drift as the tables grow.</summary>
    public IReadOnlyList<double> ChunkRates(int size)
    {
        var finished = Enumerable.Range(0, Count).Where(s => _done[s]).Select(s => _finishedAt[s]).Order().ToArray();
        var rates = new List<double>();
        for (var end = size; end < finished.Length; end += size)
        {
            var seconds = (finished[end] - finished[end - size]) / (double)System.Diagnostics.Stopwatch.Frequency;
            rates.Add(size / seconds);
        }

        return rates;
    }
}
