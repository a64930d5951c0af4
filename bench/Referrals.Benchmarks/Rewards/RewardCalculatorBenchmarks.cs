using BenchmarkDotNet.Attributes;
using Referrals.Core;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;

namespace Referrals.Benchmarks.Rewards;

/// <summary>
/// <see cref="RewardCalculator.Plan"/> for the sample order (90.00 EUR) in a double-sided program with a
/// charity share: three planned rewards (advocate, cause, friend).
/// </summary>
[MemoryDiagnoser]
public class RewardCalculatorBenchmarks
{
    private ProgramSettings _settings = null!;
    private Money _orderTotal;

    [GlobalSetup]
    public void Setup()
    {
        _settings = SampleOrder.ProgramWithCharityAndFriendReward();
        _orderTotal = new Money(SampleOrder.Total, SampleOrder.Currency);
    }

    [Benchmark]
    public IReadOnlyList<PlannedReward> PlanWithCharityAndFriend() => RewardCalculator.Plan(_settings, _orderTotal, "WWF");
}
