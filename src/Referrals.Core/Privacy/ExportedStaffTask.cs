using Referrals.Core.Thanks;

namespace Referrals.Core.Privacy;

/// <summary>A task staff were given about the contact: a thank-you card or call, a service recovery, an ask by hand.</summary>
public sealed record ExportedStaffTask
{
    /// <summary>What the task is.</summary>
    public required StaffTaskKind Kind { get; init; }

    /// <summary>Where it is.</summary>
    public required StaffTaskState State { get; init; }

    /// <summary>The suggested words (a card's message, a call script).</summary>
    public required string SuggestedMessage { get; init; }

    /// <summary>The address the card goes to, as it was when the task was made.</summary>
    public string? PostalAddress { get; init; }

    /// <summary>The contact's referral link printed on the card.</summary>
    public string? ReferralLink { get; init; }

    /// <summary>Due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Done.</summary>
    public DateTimeOffset? DoneAt { get; init; }
}
