using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace Referrals.Benchmarks.Platform;

/// <summary>
/// What the platform's randomness costs on this machine, to read the rule benchmarks against: the code generator
/// draws 6 bytes from <see cref="RandomNumberGenerator"/> and every new ledger entry calls <see cref="Guid.NewGuid"/>.
/// </summary>
[MemoryDiagnoser]
public class RandomnessBenchmarks
{
    private readonly byte[] _sixBytes = new byte[6];
    private RandomNumberGenerator _random = null!;

    [GlobalSetup]
    public void Setup() => _random = RandomNumberGenerator.Create();

    [GlobalCleanup]
    public void Cleanup() => _random.Dispose();

    [Benchmark(Baseline = true)]
    public Guid NewGuid() => Guid.NewGuid();

    [Benchmark]
    public byte[] SixRandomBytes()
    {
        _random.GetBytes(_sixBytes);
        return _sixBytes;
    }

    [Benchmark]
    public Guid Version7Guid() => Guid.CreateVersion7(FixedTimes.OrderPlaced);
}
