namespace Referrals.Core.Asks;

/// <summary>The planner's verdict: schedule the ask at <see cref="DueAt"/> through <see cref="Channel"/>, or skip it for <see cref="SkipReason"/>.</summary>
public sealed record AskPlan
{
    private AskPlan(AskChannel channel, DateTimeOffset dueAt, AskSkipReason? skipReason)
    {
        Channel = channel;
        DueAt = dueAt;
        SkipReason = skipReason;
    }

    /// <summary>The channel of the timeline step (also recorded on a skipped ask).</summary>
    public AskChannel Channel { get; }

    /// <summary>When the ask is due: the event time plus the step's delay.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>Why the ask is skipped, or null when it is scheduled.</summary>
    public AskSkipReason? SkipReason { get; }

    /// <summary>The ask is to be sent at <see cref="DueAt"/>.</summary>
    public bool IsScheduled => SkipReason is null;

    /// <summary>A scheduled ask.</summary>
    public static AskPlan Schedule(DateTimeOffset dueAt, AskChannel channel) => new(channel, dueAt, null);

    /// <summary>A skipped ask.</summary>
    public static AskPlan Skip(AskSkipReason reason, AskChannel channel, DateTimeOffset dueAt) => new(channel, dueAt, reason);
}
