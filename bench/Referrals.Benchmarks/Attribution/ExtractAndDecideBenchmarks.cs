using BenchmarkDotNet.Attributes;
using Referrals.Core.Attribution;
using Referrals.Core.Codes;

namespace Referrals.Benchmarks.Attribution;

/// <summary>
/// Attribution of the sample order from end to end, minus the database: extract the sightings, key each code
/// with <see cref="ReferralCodeKey"/>, resolve the key in an in-memory directory (standing in for the indexed
/// lookup), build the candidates and decide. Without and with an invited-e-mail match, which makes four rules.
/// </summary>
[MemoryDiagnoser]
public class ExtractAndDecideBenchmarks
{
    private readonly AttributionPolicy _policy = new();
    private OrderAttributionFacts _order = null!;
    private Dictionary<string, Guid> _codes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _order = SampleOrder.Facts();
        _codes = SampleOrder.CodeDirectory();
    }

    [Benchmark(Baseline = true)]
    public AttributionDecision FixtureOrder() => AttributionEngine.Decide(_order, Resolve(invited: false), _policy);

    [Benchmark]
    public AttributionDecision FixtureOrderPlusInvitedEmail() => AttributionEngine.Decide(_order, Resolve(invited: true), _policy);

    private List<AttributionCandidate> Resolve(bool invited)
    {
        var sightings = CodeSightingExtractor.Extract(_order);
        var candidates = new List<AttributionCandidate>(sightings.Count + 1);
        foreach (var sighting in sightings)
        {
            if (ReferralCodeKey.TryCreate(sighting.RawValue, out var key) && _codes.TryGetValue(key, out var advocate))
            {
                var fromVisit = sighting.Rule != AttributionRule.DiscountCode;
                candidates.Add(new AttributionCandidate(
                    sighting.Rule,
                    advocate,
                    key,
                    fromVisit ? SampleOrder.AliceVisit : null,
                    fromVisit ? FixedTimes.LinkClicked : null));
            }
        }

        if (invited)
        {
            candidates.Add(new AttributionCandidate(
                AttributionRule.InvitedEmail, SampleOrder.Alice, null, SampleOrder.AliceInvitation, FixedTimes.OrderPlaced.AddDays(-20)));
        }

        return candidates;
    }
}
