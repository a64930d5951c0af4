using BenchmarkDotNet.Attributes;
using Referrals.Core;
using Referrals.Core.Rewards;

namespace Referrals.Benchmarks.Rewards;

/// <summary>
/// <see cref="DebtOffsetCalculator.OutstandingDebt"/> over one advocate's 100 ledger rows, built through the
/// ledger's own factory and state methods: 40 issued rewards, 20 outstanding claw-backs (debt), 20 claw-backs
/// the issuer collected, and 20 debt offsets. Passed as a list (what a query returns) and as an array.
/// </summary>
[MemoryDiagnoser]
public class DebtOffsetCalculatorBenchmarks
{
    public const int Rows = 100;

    private List<LedgerEntry> _entries = null!;
    private LedgerEntry[] _entriesArray = [];

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new Guid("e5141a16-9fb2-4a5e-b172-4d8f6e0a2c54");
        var advocate = SampleOrder.Alice;
        _entries = new List<LedgerEntry>(Rows);
        for (var i = 0; i < 20; i++)
        {
            var orderId = $"gid://shopify/Order/{1000 + i}";
            var reward = IssuedReward(tenant, advocate, orderId, 10m + i);
            var secondReward = IssuedReward(tenant, advocate, orderId + "-2", 8m);

            var uncollected = LedgerEntry.ClawBackOf(reward, $"refund-{i}-a", 4m, FixedTimes.Issued.AddDays(2));
            uncollected.MarkOutstanding("Store credit already spent.", FixedTimes.Issued.AddDays(3));

            var collected = LedgerEntry.ClawBackOf(reward, $"refund-{i}-b", 1m, FixedTimes.Issued.AddDays(2));
            collected.MarkIssued($"gid://shopify/StoreCreditAccountDebitTransaction/{i}", FixedTimes.Issued.AddDays(3));

            var offset = LedgerEntry.DebtOffsetOf(secondReward, 1.5m, FixedTimes.Issued.AddDays(4));

            _entries.AddRange([reward, secondReward, uncollected, collected, offset]);
        }

        _entriesArray = [.. _entries];
    }

    [Benchmark(Baseline = true)]
    public decimal OverList() => DebtOffsetCalculator.OutstandingDebt(_entries);

    [Benchmark]
    public decimal OverArray() => DebtOffsetCalculator.OutstandingDebt(_entriesArray);

    private static LedgerEntry IssuedReward(Guid tenant, Guid advocate, string orderId, decimal amount)
    {
        var reward = LedgerEntry.PendingReward(tenant, orderId, Beneficiary.Advocate, advocate, null, null,
            RewardKind.StoreCredit, new Money(amount, SampleOrder.Currency), FixedTimes.HoldEnds, FixedTimes.OrderPlaced);
        reward.Approve(FixedTimes.HoldEnds);
        reward.MarkIssued("gid://shopify/StoreCreditAccountCreditTransaction/" + orderId[^4..], FixedTimes.Issued);
        return reward;
    }
}
