using Referrals.Core.Review;

namespace Referrals.Umbraco.Api.Models;

/// <summary>A flagged referral waiting for (or past) a decision.</summary>
public sealed record ReviewItemModel(
    Guid Id, Guid ReferralId, IReadOnlyList<string> Reasons, DateTimeOffset FlaggedAt, DateTimeOffset Deadline, ReviewStatus Status,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Note, ReferralModel? Referral);

/// <summary>Body of <c>POST /review/{id}/approve</c>.</summary>
public sealed class ApproveRequest
{
    /// <summary>Optional note, at most 500 characters.</summary>
    public string? Note { get; set; }
}

/// <summary>Body of <c>POST /review/{id}/reject</c>.</summary>
public sealed class RejectRequest
{
    /// <summary>Why the referral is rejected: 3–500 characters.</summary>
    public string? Reason { get; set; }
}
