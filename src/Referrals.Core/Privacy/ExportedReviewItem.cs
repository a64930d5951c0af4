using Referrals.Core.Review;

namespace Referrals.Core.Privacy;

/// <summary>A review of one of the contact's referrals.</summary>
public sealed record ExportedReviewItem
{
    /// <summary>The referral reviewed.</summary>
    public required Guid ReferralId { get; init; }

    /// <summary>Why it was flagged.</summary>
    public required string Reasons { get; init; }

    /// <summary>Open, approved, rejected.</summary>
    public required ReviewStatus Status { get; init; }

    /// <summary>Flagged.</summary>
    public required DateTimeOffset FlaggedAt { get; init; }

    /// <summary>Decided.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The reviewer's note.</summary>
    public string? Note { get; init; }
}
