using BenchmarkDotNet.Attributes;
using Referrals.Core.Attribution;

namespace Referrals.Benchmarks.Attribution;

/// <summary>
/// <see cref="CodeSightingExtractor.Extract"/> on the sample order: one discount code, one referral note
/// attribute, and a landing page with <c>?ref=</c> that Shopify's <c>landing_site_ref</c> repeats.
/// </summary>
[MemoryDiagnoser]
public class CodeSightingExtractorBenchmarks
{
    private OrderAttributionFacts _order = null!;

    [GlobalSetup]
    public void Setup() => _order = SampleOrder.Facts();

    [Benchmark]
    public IReadOnlyList<CodeSighting> Extract() => CodeSightingExtractor.Extract(_order);
}
