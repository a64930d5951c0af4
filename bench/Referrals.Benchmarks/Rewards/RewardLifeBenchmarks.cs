using BenchmarkDotNet.Attributes;
using Referrals.Core;
using Referrals.Core.Rewards;

namespace Referrals.Benchmarks.Rewards;

/// <summary>
/// A reward's whole life in memory: <see cref="LedgerEntry.PendingReward"/>, <see cref="LedgerEntry.Approve"/>
/// when the hold ends, <see cref="LedgerEntry.MarkIssued"/> when the issuer paid it. No database.
/// </summary>
[MemoryDiagnoser]
public class RewardLifeBenchmarks
{
    private readonly Guid _tenant = new("e5141a16-9fb2-4a5e-b172-4d8f6e0a2c54");
    private readonly Money _amount = new(9.00m, SampleOrder.Currency);

    [Benchmark]
    public LedgerEntry PendingApproveIssue()
    {
        var entry = LedgerEntry.PendingReward(_tenant, "gid://shopify/Order/820982911946154508", Beneficiary.Advocate,
            SampleOrder.Alice, null, SampleOrder.AliceVisit, RewardKind.StoreCredit, _amount, FixedTimes.HoldEnds, FixedTimes.OrderPlaced);
        entry.Approve(FixedTimes.HoldEnds);
        entry.MarkIssued("gid://shopify/StoreCreditAccountCreditTransaction/4711", FixedTimes.Issued);
        return entry;
    }
}
