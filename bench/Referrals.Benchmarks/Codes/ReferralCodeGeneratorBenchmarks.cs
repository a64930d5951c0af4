using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Referrals.Core.Codes;

namespace Referrals.Benchmarks.Codes;

/// <summary>
/// <see cref="ReferralCodeGenerator.Generate(string?)"/> with the default options and the operating system's
/// cryptographic generator, as the hosts wire it: with a name prefix, with a name that needs folding, and without.
/// </summary>
[MemoryDiagnoser]
public class ReferralCodeGeneratorBenchmarks
{
    private RandomNumberGenerator _random = null!;
    private ReferralCodeGenerator _generator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _random = RandomNumberGenerator.Create();
        _generator = new ReferralCodeGenerator(_random, new ReferralCodeOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _random.Dispose();

    [Benchmark(Baseline = true)]
    public GeneratedCode WithoutPrefix() => _generator.Generate(null);

    [Benchmark]
    public GeneratedCode WithNamePrefix() => _generator.Generate("Anna");

    [Benchmark]
    public GeneratedCode WithFoldedNamePrefix() => _generator.Generate("Søren-Åge");
}
