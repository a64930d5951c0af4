namespace Referrals.Core.Rewards;

/// <summary>Who a ledger entry is for.</summary>
public enum Beneficiary
{
    /// <summary>The customer who referred.</summary>
    Advocate = 0,

    /// <summary>The referred friend (the second side of a double-sided reward).</summary>
    Friend = 1,

    /// <summary>A charity cause the advocate picked.</summary>
    Cause = 2,
}
