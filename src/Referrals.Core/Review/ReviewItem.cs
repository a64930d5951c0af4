namespace Referrals.Core.Review;

/// <summary>
/// A flagged referral waiting for a decision before its deadline; when the deadline passes, the program's lapse policy
/// decides. One item per referral.
/// </summary>
public sealed class ReviewItem
{
    private ReviewItem()
    {
        Reasons = "";
    }

    /// <summary>Opens an item.</summary>
    public ReviewItem(Guid tenantId, Guid referralId, string reasons, DateTimeOffset flaggedAt, DateTimeOffset deadline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasons);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ReferralId = referralId;
        Reasons = reasons;
        FlaggedAt = flaggedAt;
        Deadline = deadline;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The flagged referral.</summary>
    public Guid ReferralId { get; private set; }

    /// <summary>Why it was flagged, comma-separated reason names.</summary>
    public string Reasons { get; private set; }

    /// <summary>When it was flagged.</summary>
    public DateTimeOffset FlaggedAt { get; private set; }

    /// <summary>When the lapse policy takes over.</summary>
    public DateTimeOffset Deadline { get; private set; }

    /// <summary>The decision.</summary>
    public ReviewStatus Status { get; private set; }

    /// <summary>Who decided: a user name, or <c>lapse-policy</c>.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When it was decided.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The reviewer's note.</summary>
    public string? Note { get; private set; }

    /// <summary>Records a decision. Deciding again is refused so two reviewers cannot overwrite each other.</summary>
    /// <exception cref="InvalidOperationException">Already decided.</exception>
    public void Decide(bool approve, string decidedBy, string? note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (Status != ReviewStatus.Open)
        {
            throw new InvalidOperationException($"This referral was already {Status.ToString().ToLowerInvariant()} by {DecidedBy}.");
        }

        Status = approve ? ReviewStatus.Approved : ReviewStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = now;
        Note = note;
    }
}
