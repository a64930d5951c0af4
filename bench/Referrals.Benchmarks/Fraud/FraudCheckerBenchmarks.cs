using BenchmarkDotNet.Attributes;
using Referrals.Core.Fraud;

namespace Referrals.Benchmarks.Fraud;

/// <summary>
/// <see cref="FraudChecker.Check"/> with the default policy: every signal firing (same e-mail, customer id,
/// address, phone, IP + user agent, and over the velocity limit), and a clean referral for comparison.
/// </summary>
[MemoryDiagnoser]
public class FraudCheckerBenchmarks
{
    private const string UserAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private readonly FraudPolicy _policy = new();
    private FraudCheckInput _allSignals = null!;
    private FraudCheckInput _clean = null!;

    [GlobalSetup]
    public void Setup()
    {
        var advocate = new ReferralParty
        {
            NormalizedEmail = "anna@gmail.com",
            CustomerId = "gid://shopify/Customer/115310627314723954",
            AddressFingerprint = "5f2c3f3d0a8c4b1e9f7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d",
            NormalizedPhone = "+4520123456",
            IpAddress = "203.0.113.42",
            UserAgent = UserAgent,
        };

        // Equal values in separate string instances, as they would arrive from two database rows.
        var sameParty = new ReferralParty
        {
            NormalizedEmail = new string(advocate.NormalizedEmail.AsSpan()),
            CustomerId = new string(advocate.CustomerId.AsSpan()),
            AddressFingerprint = new string(advocate.AddressFingerprint.AsSpan()),
            NormalizedPhone = new string(advocate.NormalizedPhone.AsSpan()),
            IpAddress = new string(advocate.IpAddress.AsSpan()),
            UserAgent = new string(UserAgent.AsSpan()),
        };

        var stranger = new ReferralParty
        {
            NormalizedEmail = "jane.referred@example.com",
            CustomerId = "gid://shopify/Customer/207119551",
            AddressFingerprint = "0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d",
            NormalizedPhone = "+4531987654",
            IpAddress = "198.51.100.7",
            UserAgent = UserAgent,
        };

        _allSignals = new FraudCheckInput
        {
            Advocate = advocate,
            Friend = sameParty,
            AdvocateReferralsInWindow = FraudPolicy.DefaultVelocityLimit,
            Now = FixedTimes.OrderPlaced,
        };
        _clean = new FraudCheckInput
        {
            Advocate = advocate,
            Friend = stranger,
            AdvocateReferralsInWindow = 1,
            Now = FixedTimes.OrderPlaced,
        };
    }

    [Benchmark]
    public FraudAssessment AllSignals() => FraudChecker.Check(_allSignals, _policy);

    [Benchmark(Baseline = true)]
    public FraudAssessment Clean() => FraudChecker.Check(_clean, _policy);
}
