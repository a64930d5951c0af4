namespace Referrals.Core.Rewards;

/// <summary>A charity an advocate can give part of their reward to.</summary>
public sealed class Cause
{
    /// <summary>A stable, short identifier (letters, digits, hyphens), used in ledger entries.</summary>
    public string Id { get; set; } = "";

    /// <summary>The name shown to advocates.</summary>
    public string Name { get; set; } = "";
}
