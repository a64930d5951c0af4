using Referrals.Core.Satisfaction;

namespace Referrals.Core.Asks;

/// <summary>
/// One planned ask of one contact (DESIGN.md §4 Ask): Scheduled → Sent → Answered, or Skipped with a reason, or
/// Cancelled. The methods enforce the state machine. <c>(TenantId, ContactId, Trigger, SourceKey)</c> is unique, so
/// the same event plans at most one ask.
/// </summary>
public sealed class Ask
{
    private Ask()
    {
        SourceKey = "";
    }

    private Ask(Guid tenantId, Guid contactId, AskTrigger trigger, string sourceKey, AskPlan plan, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        ContactId = contactId;
        Trigger = trigger;
        SourceKey = sourceKey;
        Channel = plan.Channel;
        DueAt = plan.DueAt;
        CreatedAt = now;
        if (plan.SkipReason is { } reason)
        {
            State = AskState.Skipped;
            SkipReason = reason;
            ClosedAt = now;
        }
    }

    /// <summary>The ask's id; rating links carry it.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The contact asked.</summary>
    public Guid ContactId { get; private set; }

    /// <summary>The event that planned the ask.</summary>
    public AskTrigger Trigger { get; private set; }

    /// <summary>The event's own key (an order id, a ticket id, a cadence period), for idempotency.</summary>
    public string SourceKey { get; private set; }

    /// <summary>How the ask reaches the contact.</summary>
    public AskChannel Channel { get; private set; }

    /// <summary>When the ask is to be sent.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Where the ask is in its life.</summary>
    public AskState State { get; private set; }

    /// <summary>Why the ask was skipped; set only in <see cref="AskState.Skipped"/>.</summary>
    public AskSkipReason? SkipReason { get; private set; }

    /// <summary>When the ask was planned.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the ask was handed to its channel.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When the contact answered.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>When the ask was skipped or cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The contact's answer, 0-10.</summary>
    public int? Score { get; private set; }

    /// <summary>Creates the ask <paramref name="plan"/> describes: Scheduled, or Skipped with the plan's reason.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sourceKey"/> is empty.</exception>
    public static Ask FromPlan(Guid tenantId, Guid contactId, AskTrigger trigger, string sourceKey, AskPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Ask(tenantId, contactId, trigger, sourceKey, plan, now);
    }

    /// <summary>Records that the ask was handed to its channel.</summary>
    /// <exception cref="InvalidOperationException">The ask is not <see cref="AskState.Scheduled"/>.</exception>
    public void MarkSent(DateTimeOffset at)
    {
        ThrowUnless(AskState.Scheduled, "sent");
        State = AskState.Sent;
        SentAt = at;
    }

    /// <summary>Records that the ask will not be sent, and why (checked again at send time).</summary>
    /// <exception cref="InvalidOperationException">The ask is not <see cref="AskState.Scheduled"/>.</exception>
    public void MarkSkipped(AskSkipReason reason, DateTimeOffset at)
    {
        ThrowUnless(AskState.Scheduled, "skipped");
        State = AskState.Skipped;
        SkipReason = reason;
        ClosedAt = at;
    }

    /// <summary>Withdraws the ask before it is sent.</summary>
    /// <exception cref="InvalidOperationException">The ask is not <see cref="AskState.Scheduled"/>.</exception>
    public void Cancel(DateTimeOffset at)
    {
        ThrowUnless(AskState.Scheduled, "cancelled");
        State = AskState.Cancelled;
        ClosedAt = at;
    }

    /// <summary>Records the contact's answer. Single use: an ask is answered once; this is what makes rating links single-use.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0-10.</exception>
    /// <exception cref="InvalidOperationException">The ask is not <see cref="AskState.Sent"/> (for example already answered).</exception>
    public void MarkAnswered(int score, DateTimeOffset at)
    {
        SatisfactionGate.ThrowIfNotAScore(score);
        ThrowUnless(AskState.Sent, "answered");
        State = AskState.Answered;
        Score = score;
        AnsweredAt = at;
    }

    private void ThrowUnless(AskState expected, string verb)
    {
        if (State != expected)
        {
            throw new InvalidOperationException($"Ask {Id} is {State}; only a {expected} ask can be {verb}.");
        }
    }
}
