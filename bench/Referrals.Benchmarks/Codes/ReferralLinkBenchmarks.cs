using BenchmarkDotNet.Attributes;
using Referrals.Core.Codes;

namespace Referrals.Benchmarks.Codes;

/// <summary><see cref="ReferralLink.Create"/> for a storefront with a base path, as shown to an advocate.</summary>
[MemoryDiagnoser]
public class ReferralLinkBenchmarks
{
    private Uri _baseUrl = null!;

    [GlobalSetup]
    public void Setup() => _baseUrl = new Uri("https://shop.example/en/");

    [Benchmark]
    public Uri Create() => ReferralLink.Create(_baseUrl, "ANNA-7KQ2M9");
}
