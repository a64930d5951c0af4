using Referrals.Core.Satisfaction;

namespace Referrals.Core.Asks;

/// <summary>Everything <see cref="AskPlanner.Plan"/> needs to decide one ask; the caller loads it.</summary>
public sealed record AskPlanInput
{
    /// <summary>The event that plans the ask.</summary>
    public required AskTrigger Trigger { get; init; }

    /// <summary>When the event happened; the ask is due <see cref="AskTimelineStep.DelayDays"/> after it.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>The program's timeline (steps and frequency cap).</summary>
    public required AskTimeline Timeline { get; init; }

    /// <summary>The program's satisfaction gate; decides whether <see cref="LastScore"/> is a detractor's.</summary>
    public required GateThresholds Gate { get; init; }

    /// <summary>The contact agreed to marketing e-mail.</summary>
    public required bool MarketingConsent { get; init; }

    /// <summary>The contact's personal data was erased.</summary>
    public required bool Redacted { get; init; }

    /// <summary>The contact's last satisfaction score (0-10), or null when they never answered.</summary>
    public int? LastScore { get; init; }

    /// <summary>When the contact was last asked (an ask sent), or null when never.</summary>
    public DateTimeOffset? LastAskedAt { get; init; }

    /// <summary>The contact has another ask waiting to be sent.</summary>
    public bool OpenAskExists { get; init; }
}
