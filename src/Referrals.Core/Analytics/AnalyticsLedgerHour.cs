using Referrals.Core.Rewards;

namespace Referrals.Core.Analytics;

/// <summary>
/// The ledger entries of one tenant written in one hour (<c>CreatedAt</c>), by currency, type and current state.
/// Kept by the engine like <see cref="AnalyticsHour"/>: a state change moves the entry between rows of its creation hour.
/// </summary>
public sealed class AnalyticsLedgerHour
{
    /// <summary>The tenant.</summary>
    public Guid TenantId { get; set; }

    /// <summary>The hour of <c>LedgerEntries.CreatedAt</c> (<see cref="RollupHours.Of"/>).</summary>
    public long Hour { get; set; }

    /// <summary>The entries' currency.</summary>
    public string Currency { get; set; } = "";

    /// <summary>The entries' type.</summary>
    public LedgerEntryType Type { get; set; }

    /// <summary>The entries' state now.</summary>
    public LedgerEntryState State { get; set; }

    /// <summary>How many entries.</summary>
    public int Entries { get; set; }

    /// <summary>Their signed sum.</summary>
    public decimal Amount { get; set; }
}
