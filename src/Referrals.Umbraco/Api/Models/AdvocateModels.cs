using Referrals.Core.Contacts;
using Referrals.Core.Referrals;

namespace Referrals.Umbraco.Api.Models;

/// <summary>An advocate in the list.</summary>
public sealed record AdvocateSummaryModel(
    Guid Id, string Name, string? Email, ContactKind Kind, string? Code, int Referrals, int Converted, MoneyModel Revenue,
    int BestCustomerScore, int? LastSatisfactionScore, Guid? MemberKey, DateTimeOffset CreatedAt);

/// <summary>The advocate's own facts on the detail page.</summary>
public sealed record AdvocateModel(
    Guid Id, string? FirstName, string? LastName, string Name, string? Email, string? Phone, ContactKind Kind, bool MarketingConsent,
    int OrdersCount, MoneyModel TotalSpent, int? LastSatisfactionScore, int BestCustomerScore, Guid? MemberKey, bool Redacted,
    DateTimeOffset CreatedAt);

/// <summary>One of the advocate's codes.</summary>
public sealed record CodeModel(Guid Id, string Code, string? Link, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>One referral in the advocate's downline.</summary>
public sealed record TreeNodeModel(
    Guid ReferralId, Guid? ParentReferralId, Guid AdvocateId, Guid? FriendContactId, string? FriendName, int Depth, ReferralState State,
    MoneyModel Revenue);

/// <summary>The advocate's downline: their referrals, their friends' referrals, and so on.</summary>
public sealed record TreeModel(int Referrals, int MaxDepth, MoneyModel Revenue, IReadOnlyList<TreeNodeModel> Nodes);

/// <summary>Everything the advocate detail page shows.</summary>
public sealed record AdvocateDetailModel(
    AdvocateModel Advocate, IReadOnlyList<CodeModel> Codes, IReadOnlyList<ReferralModel> Referrals, TreeModel Tree,
    IReadOnlyList<LedgerModel> Ledger, IReadOnlyList<AskModel> Asks);
