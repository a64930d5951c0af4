using Referrals.Core.Asks;

namespace Referrals.Core.Privacy;

/// <summary>An ask planned for, sent to or answered by the contact.</summary>
public sealed record ExportedAsk
{
    /// <summary>The ask's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>What triggered it.</summary>
    public required AskTrigger Trigger { get; init; }

    /// <summary>How it reaches the contact.</summary>
    public required AskChannel Channel { get; init; }

    /// <summary>Where it is.</summary>
    public required AskState State { get; init; }

    /// <summary>Why it was skipped.</summary>
    public AskSkipReason? SkipReason { get; init; }

    /// <summary>Due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Sent.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Answered.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The 0-10 answer.</summary>
    public int? Score { get; init; }
}
