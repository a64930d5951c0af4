namespace Referrals.Core.Rewards;

/// <summary>A settled claw-back or debt offset of a reward, which its payout subtracts.</summary>
/// <param name="Id">The ledger entry.</param>
/// <param name="Type">A claw-back or a debt offset (a return to the debt is a positive offset).</param>
/// <param name="Amount">Its signed amount: negative for claw-backs and offsets, positive for returns.</param>
/// <param name="CreatedAt">When it was written.</param>
internal sealed record SettledReduction(Guid Id, LedgerEntryType Type, decimal Amount, DateTimeOffset CreatedAt);
