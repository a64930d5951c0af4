using BenchmarkDotNet.Attributes;
using Referrals.Core.Codes;

namespace Referrals.Benchmarks.Codes;

/// <summary>
/// <see cref="ReferralCodeKey.TryCreate(string?, out string)"/> on codes as friends type them: lower case with
/// a hyphen, and with the look-alikes O (for 0) and I/l (for 1) that the key folds.
/// </summary>
[MemoryDiagnoser]
public class ReferralCodeKeyBenchmarks
{
    [Params("anna-7kq2m9", "olivia-7kq2ml", "OLIVIA 7KQ2MI")]
    public string Input { get; set; } = "";

    [Benchmark]
    public string TryCreate() => ReferralCodeKey.TryCreate(Input, out var key) ? key : "";
}
