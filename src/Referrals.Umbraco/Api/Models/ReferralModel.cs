using Referrals.Core.Referrals;

namespace Referrals.Umbraco.Api.Models;

/// <summary>A referral as the backoffice lists it (<c>ReferralItem</c> in docs/umbraco-api.md).</summary>
public sealed record ReferralModel(
    Guid Id, Guid AdvocateId, string? AdvocateName, string? AdvocateEmail,
    Guid? FriendContactId, string? FriendName, string? FriendEmail,
    string? Code, ReferralSource Source, ReferralState State, string? Reason, string? AttributionRule, string? ConvertingOrderId,
    MoneyModel Revenue, int Depth, Guid? ParentReferralId, Guid RootAdvocateId,
    DateTimeOffset CreatedAt, DateTimeOffset? VisitedAt, DateTimeOffset? ConvertedAt, DateTimeOffset? RewardedAt);
