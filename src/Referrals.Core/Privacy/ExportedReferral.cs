using Referrals.Core.Referrals;

namespace Referrals.Core.Privacy;

/// <summary>A referral the contact made (as advocate) or received (as friend).</summary>
public sealed record ExportedReferral
{
    /// <summary>The referral's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The advocate.</summary>
    public required Guid AdvocateContactId { get; init; }

    /// <summary>The friend, once a contact.</summary>
    public Guid? FriendContactId { get; init; }

    /// <summary>The friend's name as the advocate gave it.</summary>
    public string? FriendName { get; init; }

    /// <summary>The friend's e-mail as given.</summary>
    public string? FriendEmail { get; init; }

    /// <summary>How it came about.</summary>
    public required ReferralSource Source { get; init; }

    /// <summary>Where it is.</summary>
    public required ReferralState State { get; init; }

    /// <summary>Why it was rejected or flagged.</summary>
    public string? Reason { get; init; }

    /// <summary>The converting order's id.</summary>
    public string? ConvertingOrderId { get; init; }

    /// <summary>The converting order's total.</summary>
    public required ExportedMoney Revenue { get; init; }

    /// <summary>Depth in the referral chain.</summary>
    public required int Depth { get; init; }

    /// <summary>Started.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>First visit.</summary>
    public DateTimeOffset? VisitedAt { get; init; }

    /// <summary>Conversion.</summary>
    public DateTimeOffset? ConvertedAt { get; init; }

    /// <summary>Rewarded.</summary>
    public DateTimeOffset? RewardedAt { get; init; }
}
