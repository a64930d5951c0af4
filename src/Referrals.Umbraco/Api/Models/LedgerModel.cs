using Referrals.Core.Rewards;

namespace Referrals.Umbraco.Api.Models;

/// <summary>A reward ledger entry (<c>LedgerItem</c> in docs/umbraco-api.md).</summary>
public sealed record LedgerModel(
    Guid Id, LedgerEntryType Type, Beneficiary Beneficiary, Guid? ContactId, string? ContactName, string? CauseId, Guid? ReferralId,
    string OrderId, RewardKind Kind, MoneyModel Amount, LedgerEntryState State, DateTimeOffset? HoldUntil, Guid? RelatedEntryId,
    string? ExternalRef, string? Note, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
