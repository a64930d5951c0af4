using Referrals.Core.Rewards;

namespace Referrals.Testing.Engine;

/// <summary>
/// The money one beneficiary's ledger must account for, once no claw-back is waiting for the issuer: what was paid
/// out less what was collected back equals what the rewards are still worth after refunds plus the debt still owed.
/// A debt repayment kept by a reward that was refunded, or one debt paid off twice, breaks the equality.
/// </summary>
/// <param name="PaidOut">What the issuer paid out.</param>
/// <param name="Collected">What claw-backs collected back through the issuer.</param>
/// <param name="Earned">The rewards not voided, less all their claw-backs.</param>
/// <param name="Debt">The debt still owed (<see cref="DebtOffsetCalculator.OutstandingDebt"/>).</param>
public sealed record LedgerBalance(decimal PaidOut, decimal Collected, decimal Earned, decimal Debt)
{
    /// <summary>Reads the balance from the beneficiary's entries and what the issuer paid (each payout key once).</summary>
    /// <param name="entries">Every ledger entry of one beneficiary.</param>
    /// <param name="payouts">The issuer's payout calls; a repeated idempotency key is one payout.</param>
    public static LedgerBalance Of(IReadOnlyCollection<LedgerEntry> entries, IEnumerable<RewardIssueRequest> payouts)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(payouts);
        var paidOut = payouts.GroupBy(p => p.IdempotencyKey).Sum(g => g.First().Amount.Amount);
        var collected = -entries.Where(e => e.Type == LedgerEntryType.ClawBack && e.State == LedgerEntryState.Issued).Sum(e => e.Amount);
        var earned = entries.Where(e => e.Type == LedgerEntryType.Reward && e.State != LedgerEntryState.Voided)
            .Sum(r => r.Amount + entries.Where(c => c.RelatedEntryId == r.Id && c.Type == LedgerEntryType.ClawBack).Sum(c => c.Amount));
        return new LedgerBalance(paidOut, collected, earned, DebtOffsetCalculator.OutstandingDebt(entries));
    }

    /// <summary>Whether paid out less collected equals earned plus debt.</summary>
    public bool Balances => PaidOut - Collected == Earned + Debt;
}
