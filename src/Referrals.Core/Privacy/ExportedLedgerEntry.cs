using Referrals.Core.Rewards;

namespace Referrals.Core.Privacy;

/// <summary>A reward ledger entry in the contact's favour.</summary>
public sealed record ExportedLedgerEntry
{
    /// <summary>The entry's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Reward, claw-back or debt offset.</summary>
    public required LedgerEntryType Type { get; init; }

    /// <summary>Advocate, friend or cause.</summary>
    public required Beneficiary Beneficiary { get; init; }

    /// <summary>Store credit, discount code, ...</summary>
    public required RewardKind Kind { get; init; }

    /// <summary>The amount.</summary>
    public required ExportedMoney Amount { get; init; }

    /// <summary>Pending, approved, issued, ...</summary>
    public required LedgerEntryState State { get; init; }

    /// <summary>The order it is for.</summary>
    public required string OrderId { get; init; }

    /// <summary>The referral it is for.</summary>
    public Guid? ReferralId { get; init; }

    /// <summary>Held until.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>The issuer's reference.</summary>
    public string? ExternalRef { get; init; }

    /// <summary>Note.</summary>
    public string? Note { get; init; }

    /// <summary>Created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
