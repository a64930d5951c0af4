namespace Referrals.Umbraco.Api.Models;

/// <summary>A member's referral facts, for the member workspace tab.</summary>
public sealed record MemberReferralsModel(Guid MemberKey, Guid? ContactId, string? Email, string? Code, string? Link, int Referrals, int Converted, AskModel? LastAsk);

/// <summary>The answer to "invite to refer".</summary>
public sealed record MemberInviteModel(Guid ContactId, string Code, string? Link, AskModel Ask);
