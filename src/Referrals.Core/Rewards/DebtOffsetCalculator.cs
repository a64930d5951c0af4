namespace Referrals.Core.Rewards;

/// <summary>
/// Debt is what claw-backs could not collect after a payout. A new reward pays it off before anything is paid out;
/// when that reward is then refunded or voided before it is paid, the part of the repayment it no longer covers goes
/// back to the debt (a positive offset, a "return").
/// </summary>
public static class DebtOffsetCalculator
{
    /// <summary>The beneficiary's debt from their ledger entries: uncollected claw-backs less offsets already made (net of returns).</summary>
    public static decimal OutstandingDebt(IEnumerable<LedgerEntry> beneficiaryEntries)
    {
        ArgumentNullException.ThrowIfNull(beneficiaryEntries);
        decimal uncollected = 0, offset = 0;
        foreach (var entry in beneficiaryEntries)
        {
            if (entry.Type == LedgerEntryType.ClawBack && entry.State == LedgerEntryState.Outstanding)
            {
                uncollected -= entry.Amount;
            }
            else if (entry.Type == LedgerEntryType.DebtOffset)
            {
                offset -= entry.Amount;
            }
        }

        return Math.Max(0m, uncollected - offset);
    }

    /// <summary>
    /// How much of the debt that an unpaid <paramref name="reward"/> paid off goes back to the debt: all of it when the
    /// reward was voided, otherwise what its offsets exceed what is left of the reward after its claw-backs. Zero once
    /// that was returned (the return is one of <paramref name="related"/>), so applying it again changes nothing.
    /// </summary>
    /// <param name="reward">A reward that was approved but not paid out (approved, or voided before its payout).</param>
    /// <param name="related">The entries related to <paramref name="reward"/>: its claw-backs, offsets and returns.</param>
    /// <returns>A positive amount to return, or zero.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static decimal RepaymentToReturn(LedgerEntry reward, IEnumerable<LedgerEntry> related)
    {
        ArgumentNullException.ThrowIfNull(reward);
        ArgumentNullException.ThrowIfNull(related);
        decimal clawedBack = 0, repaid = 0;
        foreach (var entry in related)
        {
            if (entry.RelatedEntryId != reward.Id)
            {
                continue;
            }

            if (entry.Type == LedgerEntryType.ClawBack)
            {
                clawedBack -= entry.Amount;
            }
            else if (entry.Type == LedgerEntryType.DebtOffset)
            {
                repaid -= entry.Amount;
            }
        }

        var covered = reward.State == LedgerEntryState.Voided ? 0m : Math.Max(0m, reward.Amount - clawedBack);
        return Math.Max(0m, repaid - covered);
    }

    /// <summary>
    /// How much of the debt returned for <paramref name="reward"/> must be taken again because the reward was paid after
    /// all: its payout used the repayment (it paid the reward less its offsets), so the repayment stands. The returns
    /// (positive offsets) less the withdrawals already made; zero when nothing was returned or it was withdrawn.
    /// </summary>
    /// <param name="reward">A reward whose payout the issuer carried out.</param>
    /// <param name="related">The entries related to <paramref name="reward"/>: its claw-backs, offsets, returns and withdrawals.</param>
    /// <returns>A positive amount to withdraw, or zero.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    internal static decimal ReturnToWithdraw(LedgerEntry reward, IEnumerable<LedgerEntry> related)
    {
        ArgumentNullException.ThrowIfNull(reward);
        ArgumentNullException.ThrowIfNull(related);
        decimal returned = 0, withdrawn = 0;
        foreach (var entry in related)
        {
            if (entry.RelatedEntryId != reward.Id || entry.Type != LedgerEntryType.DebtOffset)
            {
                continue;
            }

            if (entry.Amount > 0)
            {
                returned += entry.Amount;
            }
            else if (entry.IsDebtReturnWithdrawal)
            {
                withdrawn -= entry.Amount;
            }
        }

        return Math.Max(0m, returned - withdrawn);
    }

    /// <summary>How much of a payout of <paramref name="payout"/> goes to paying off <paramref name="debt"/>.</summary>
    public static decimal OffsetFor(decimal payout, decimal debt) => payout <= 0 || debt <= 0 ? 0m : Math.Min(payout, debt);
}
