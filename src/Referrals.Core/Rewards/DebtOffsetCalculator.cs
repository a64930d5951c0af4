namespace Referrals.Core.Rewards;

/// <summary>
/// Debt is what claw-backs could not collect after a payout. A new reward pays it off before anything is paid out.
/// </summary>
public static class DebtOffsetCalculator
{
    /// <summary>The beneficiary's debt from their ledger entries: uncollected claw-backs less offsets already made.</summary>
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

    /// <summary>How much of a payout of <paramref name="payout"/> goes to paying off <paramref name="debt"/>.</summary>
    public static decimal OffsetFor(decimal payout, decimal debt) => payout <= 0 || debt <= 0 ? 0m : Math.Min(payout, debt);
}
