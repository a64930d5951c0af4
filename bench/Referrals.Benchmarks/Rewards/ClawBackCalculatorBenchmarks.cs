using BenchmarkDotNet.Attributes;
using Referrals.Core.Rewards;

namespace Referrals.Benchmarks.Rewards;

/// <summary>
/// <see cref="ClawBackCalculator.AmountFor"/> for a second partial refund: a 9.00 reward of which 2.00 was taken
/// back after a 20.00 refund, now a further 30.00 of the 90.00 order is refunded.
/// </summary>
[MemoryDiagnoser]
public class ClawBackCalculatorBenchmarks
{
    private decimal _reward;
    private decimal _alreadyClawedBack;
    private decimal _orderTotal;
    private decimal _refundedBefore;
    private decimal _refundedNow;

    [GlobalSetup]
    public void Setup()
    {
        _reward = 9.00m;
        _alreadyClawedBack = 2.00m;
        _orderTotal = SampleOrder.Total;
        _refundedBefore = 20.00m;
        _refundedNow = 30.00m;
    }

    [Benchmark]
    public decimal SecondPartialRefund() =>
        ClawBackCalculator.AmountFor(_reward, _alreadyClawedBack, _orderTotal, _refundedBefore, _refundedNow, SampleOrder.Currency);
}
