namespace Referrals.Core.Rewards;

/// <summary>Thrown when a ledger entry is asked to move to a state its life does not allow.</summary>
public sealed class InvalidLedgerTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InvalidLedgerTransitionException(LedgerEntryType type, LedgerEntryState from, LedgerEntryState to)
        : base($"A {type} entry in state {from} cannot become {to}.")
    {
        From = from;
        To = to;
    }

    /// <summary>The state the entry was in.</summary>
    public LedgerEntryState From { get; }

    /// <summary>The state that was asked for.</summary>
    public LedgerEntryState To { get; }
}
