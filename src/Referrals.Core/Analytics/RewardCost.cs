namespace Referrals.Core.Analytics;

/// <summary>The reward ledger of a period (entries by creation time), by currency, type and state.</summary>
/// <param name="Lines">One line per (currency, type, state) that has entries, ordered by currency, type, state.</param>
public sealed record RewardCost(IReadOnlyList<RewardCostLine> Lines)
{
    /// <summary>
    /// The net cost in <paramref name="currency"/>: rewards pending, approved or issued, less settled or collected
    /// claw-backs and debt offsets (see <see cref="RewardCostLine.CountsAsCost"/>); 0 when there is none.
    /// </summary>
    public decimal NetCost(string currency) =>
        Lines.Where(l => l.CountsAsCost && string.Equals(l.Currency, currency, StringComparison.OrdinalIgnoreCase)).Sum(l => l.Amount);
}
