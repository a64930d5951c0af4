namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>Which requests fail how: queued faults first (optionally for one operation), then a seeded random mode.</summary>
internal sealed class FakeFaultPlan
{
    private readonly Lock _lock = new();
    private readonly List<(FakeFault Fault, string? Operation)> _queue = [];
    private Random? _random;
    private double _probability;
    private FakeFault[] _randomFaults = [];

    public void Enqueue(FakeFault fault, int count, string? operation)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Add((fault, operation));
            }
        }
    }

    public void FailRandomly(double probability, int seed, FakeFault[] faults)
    {
        lock (_lock)
        {
            _probability = probability;
            _random = new Random(seed);
            _randomFaults = faults;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _random = null;
        }
    }

    /// <summary>The fault for the next request of a root field (or operation name), if any (consumed).</summary>
    public FakeFault? Next(string field, string? operationName)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(q => q.Operation is null
                || string.Equals(q.Operation, field, StringComparison.OrdinalIgnoreCase)
                || string.Equals(q.Operation, operationName, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                var fault = _queue[index].Fault;
                _queue.RemoveAt(index);
                return fault;
            }

            if (_random is not null && _randomFaults.Length > 0 && _random.NextDouble() < _probability)
            {
                return _randomFaults[_random.Next(_randomFaults.Length)];
            }

            return null;
        }
    }
}
