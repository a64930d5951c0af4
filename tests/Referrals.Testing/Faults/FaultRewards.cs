namespace Referrals.Testing.Faults;

/// <summary>The reward the fault scenarios' shop pays: store credit per referred order, no hold.</summary>
public static class FaultRewards
{
    /// <summary>Store credit per referred order, in <see cref="Currency"/>.</summary>
    public const decimal PerOrder = 10m;

    /// <summary>The shop's currency.</summary>
    public const string Currency = "EUR";
}
