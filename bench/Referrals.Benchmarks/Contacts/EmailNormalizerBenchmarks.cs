using BenchmarkDotNet.Attributes;
using Referrals.Core.Contacts;

namespace Referrals.Benchmarks.Contacts;

/// <summary>
/// <see cref="EmailNormalizer.Normalize"/> on a Gmail address with dots, a tag and the googlemail domain, and on
/// a plain address that only needs trimming and lower-casing.
/// </summary>
[MemoryDiagnoser]
public class EmailNormalizerBenchmarks
{
    private string _gmail = "";
    private string _plain = "";

    [GlobalSetup]
    public void Setup()
    {
        _gmail = " A.n.n.a+promo@GoogleMail.com ";
        _plain = "jane.referred@example.com";
    }

    [Benchmark]
    public string? Gmail() => EmailNormalizer.Normalize(_gmail);

    [Benchmark(Baseline = true)]
    public string? Plain() => EmailNormalizer.Normalize(_plain);
}
