using BenchmarkDotNet.Attributes;
using Referrals.Core.Attribution;

namespace Referrals.Benchmarks.Attribution;

/// <summary>
/// <see cref="AttributionEngine.Decide"/> alone: the sample order's three candidates, and a case where all four
/// rules match (given weakest first, so the priority sort has work to do).
/// </summary>
[MemoryDiagnoser]
public class AttributionEngineBenchmarks
{
    private readonly AttributionPolicy _policy = new();
    private OrderAttributionFacts _order = null!;
    private AttributionCandidate[] _threeCandidates = [];
    private AttributionCandidate[] _fourRules = [];

    [GlobalSetup]
    public void Setup()
    {
        _order = SampleOrder.Facts();
        _threeCandidates = SampleOrder.ThreeCandidates();
        _fourRules = SampleOrder.FourRules();
    }

    [Benchmark(Baseline = true)]
    public AttributionDecision ThreeCandidates() => AttributionEngine.Decide(_order, _threeCandidates, _policy);

    [Benchmark]
    public AttributionDecision FourRulesMatching() => AttributionEngine.Decide(_order, _fourRules, _policy);
}
