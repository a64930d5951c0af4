using BenchmarkDotNet.Attributes;
using Referrals.Core;
using Referrals.Core.Attribution;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Fraud;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Benchmarks.Orders;

/// <summary>
/// Every pure rule one paid order goes through, in the order the processor applies them, with the database
/// replaced by in-memory lookups: normalize the buyer's e-mail, fingerprint the shipping address, extract and key
/// the codes, attribute, run the fraud checks, plan the rewards and write them as pending ledger entries.
/// This is the CPU floor under DESIGN §10's "attribution + fraud + ledger ≥ 1,000 orders/s".
/// </summary>
[MemoryDiagnoser]
public class PaidOrderRulesBenchmarks
{
    private readonly Guid _tenant = new("e5141a16-9fb2-4a5e-b172-4d8f6e0a2c54");
    private readonly Guid _friend = new("f6252b27-a0c3-4b6f-8283-5e9f7a1b3d65");
    private readonly AttributionPolicy _attributionPolicy = new();
    private readonly FraudPolicy _fraudPolicy = new();
    private OrderAttributionFacts _order = null!;
    private Dictionary<string, Guid> _codes = null!;
    private Dictionary<Guid, ReferralParty> _advocates = null!;
    private ProgramSettings _settings = null!;
    private PostalAddress _shippingAddress = null!;
    private string _buyerEmail = "";

    [GlobalSetup]
    public void Setup()
    {
        _buyerEmail = "Jane.Referred@Example.com";
        _shippingAddress = new PostalAddress("Vesterbrogade 41", "3. tv.", "København V", "1620", "DK");
        _order = SampleOrder.Facts();
        _codes = SampleOrder.CodeDirectory();
        _settings = SampleOrder.ProgramWithCharityAndFriendReward();
        var advocate = new ReferralParty
        {
            NormalizedEmail = "anna@gmail.com",
            CustomerId = "gid://shopify/Customer/6001",
            AddressFingerprint = AddressFingerprint.Compute(new PostalAddress("Nørregade 12", null, "København K", "1165", "DK")),
            NormalizedPhone = "+4520123456",
        };
        _advocates = new Dictionary<Guid, ReferralParty>
        {
            [SampleOrder.FriendCodeAdvocate] = advocate,
            [SampleOrder.Alice] = advocate,
        };
    }

    [Benchmark]
    public int ProcessPaidOrder()
    {
        var friend = new ReferralParty
        {
            NormalizedEmail = EmailNormalizer.Normalize(_buyerEmail),
            CustomerId = _order.CustomerId,
            AddressFingerprint = AddressFingerprint.Compute(_shippingAddress),
        };

        var candidates = new List<AttributionCandidate>();
        foreach (var sighting in CodeSightingExtractor.Extract(_order))
        {
            if (ReferralCodeKey.TryCreate(sighting.RawValue, out var key) && _codes.TryGetValue(key, out var advocateId))
            {
                candidates.Add(new AttributionCandidate(sighting.Rule, advocateId, key, SampleOrder.AliceVisit, FixedTimes.LinkClicked));
            }
        }

        var decision = AttributionEngine.Decide(_order, candidates, _attributionPolicy);
        if (!decision.Attributed)
        {
            return 0;
        }

        var assessment = FraudChecker.Check(
            new FraudCheckInput
            {
                Advocate = _advocates[decision.Winner.AdvocateContactId],
                Friend = friend,
                AdvocateReferralsInWindow = 1,
                Now = FixedTimes.OrderPlaced,
            },
            _fraudPolicy);
        if (assessment.Outcome == FraudOutcome.Rejected)
        {
            return 0;
        }

        var entries = new List<LedgerEntry>(3);
        foreach (var planned in RewardCalculator.Plan(_settings, new Money(SampleOrder.Total, SampleOrder.Currency), "wwf"))
        {
            var contact = planned.Beneficiary switch
            {
                Beneficiary.Advocate => decision.Winner.AdvocateContactId,
                Beneficiary.Friend => _friend,
                _ => (Guid?)null,
            };
            entries.Add(LedgerEntry.PendingReward(_tenant, _order.OrderId, planned.Beneficiary, contact, planned.CauseId,
                decision.Winner.ReferralId, planned.Kind, planned.Amount, FixedTimes.HoldEnds, FixedTimes.OrderPlaced));
        }

        return entries.Count;
    }
}
