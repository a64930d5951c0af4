using Referrals.Core.Rewards;

namespace Referrals.Core.Analytics;

/// <summary>Ledger entries of one currency, type and state written in a period, and their signed sum.</summary>
/// <param name="Currency">The ISO 4217 currency.</param>
/// <param name="Type">Reward (positive), claw-back or debt offset (both stored negative; a debt offset returned to the debt is positive).</param>
/// <param name="State">The entries' state now.</param>
/// <param name="Entries">How many entries.</param>
/// <param name="Amount">Their signed sum.</param>
public sealed record RewardCostLine(string Currency, LedgerEntryType Type, LedgerEntryState State, int Entries, decimal Amount)
{
    /// <summary>
    /// Whether the line is part of the program's cost: everything except voided rewards (never paid) and outstanding
    /// claw-backs (not recovered yet; they only reduce the cost once collected or offset).
    /// </summary>
    public bool CountsAsCost => State is not (LedgerEntryState.Voided or LedgerEntryState.Outstanding);
}
