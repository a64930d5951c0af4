namespace Referrals.Core.Rewards;

/// <summary>What the issuer is asked to pay or take back.</summary>
/// <param name="EntryId">The ledger entry.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Beneficiary">Advocate, friend or cause.</param>
/// <param name="ContactId">The contact, for advocates and friends.</param>
/// <param name="CauseId">The cause, for donations.</param>
/// <param name="Kind">How it is paid.</param>
/// <param name="Amount">The amount to move, always positive.</param>
/// <param name="IdempotencyKey">The same for every attempt of this entry.</param>
public sealed record RewardIssueRequest(Guid EntryId, Guid TenantId, Beneficiary Beneficiary, Guid? ContactId, string? CauseId,
    RewardKind Kind, Money Amount, string IdempotencyKey);
