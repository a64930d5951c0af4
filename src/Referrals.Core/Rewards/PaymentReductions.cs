namespace Referrals.Core.Rewards;

/// <summary>
/// Which of a reward's settled reductions a payment really subtracted. A payout asks the issuer for the reward less the
/// reductions settled when it reads them; a repeat of the payout's key (its first try paid, but the record of that
/// never committed) gets back the first try's payment, which did not subtract the claw-backs settled since. Those
/// are the newest claw-backs, and together they are what the store paid beyond what the repeat asked for.
/// </summary>
internal static class PaymentReductions
{
    /// <summary>
    /// The reductions among <paramref name="settled"/> that a payment of <paramref name="paid"/> for a reward of
    /// <paramref name="rewardAmount"/> subtracted: all of them when it paid what they leave; when it paid more, all but
    /// the newest claw-backs that make up the difference (those are to be collected after the payout).
    /// </summary>
    /// <param name="paid">What the store paid for the payout's key.</param>
    /// <param name="rewardAmount">The reward's amount.</param>
    /// <param name="settled">The reductions the payout asked for subtracted: settled claw-backs, offsets and returns.</param>
    /// <returns>The ids of the reductions the payment subtracted.</returns>
    /// <remarks>
    /// When no newest claw-backs add up to the difference exactly (no writer leaves such a ledger: everything a repeat
    /// subtracts beyond its first try is a claw-back settled in between), the claw-backs that fit are left out and the
    /// rest of the difference stays unrecorded, as before this was reconciled. A payment of less than asked keeps all.
    /// </remarks>
    public static IReadOnlyList<Guid> SubtractedBy(decimal paid, decimal rewardAmount, IReadOnlyCollection<SettledReduction> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        // Not clamped at zero as a payout is: reductions beyond the reward (a refund that used it up) were still all
        // subtracted by a payout asked for after them, and a payment of more than nothing leaves out as many of them.
        var notSubtracted = paid - (rewardAmount + settled.Sum(r => r.Amount));
        var left = new HashSet<Guid>();
        // Newest first: claw-backs settled before the first try were subtracted by it too.
        foreach (var clawBack in settled.Where(r => r.Type == LedgerEntryType.ClawBack && r.Amount < 0).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id))
        {
            if (notSubtracted <= 0)
            {
                break;
            }

            if (-clawBack.Amount <= notSubtracted)
            {
                left.Add(clawBack.Id);
                notSubtracted += clawBack.Amount;
            }
        }

        return [.. settled.Where(r => !left.Contains(r.Id)).Select(r => r.Id)];
    }
}
