using Referrals.Core.Rewards;

namespace Referrals.Core.Tests.Rewards;

/// <summary>Ledger entries in the states the reward tests start from.</summary>
internal static class LedgerEntryFactory
{
    public static readonly Guid TenantId = new("6f1c1a52-2b8e-4f0f-9a77-0c5d3e1b9a01");
    public static readonly Guid AdvocateId = new("0b9e3c1d-7a44-4d6e-8f21-5e2c9b7a6d02");
    public static readonly Guid ReferralId = new("c3d4e5f6-1a2b-4c3d-9e8f-7a6b5c4d3e03");
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset HoldUntil = CreatedAt.AddDays(30);

    public static LedgerEntry PendingReward(decimal amount = 10m, string currency = "EUR") =>
        LedgerEntry.PendingReward(TenantId, "order-1001", Beneficiary.Advocate, AdvocateId, null, ReferralId,
            RewardKind.StoreCredit, new Money(amount, currency), HoldUntil, CreatedAt);

    public static LedgerEntry ApprovedReward(decimal amount = 10m)
    {
        var reward = PendingReward(amount);
        reward.Approve(HoldUntil);
        return reward;
    }

    public static LedgerEntry IssuedReward(decimal amount = 10m)
    {
        var reward = ApprovedReward(amount);
        reward.MarkIssued("store-credit-tx-1", HoldUntil.AddMinutes(1));
        return reward;
    }

    public static LedgerEntry OutstandingClawBack(LedgerEntry issuedReward, string refundId, decimal amount)
    {
        var clawBack = LedgerEntry.ClawBackOf(issuedReward, refundId, amount, HoldUntil.AddDays(2));
        clawBack.MarkOutstanding("Rewards are paid by hand.", HoldUntil.AddDays(2));
        return clawBack;
    }
}
