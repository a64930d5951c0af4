using Referrals.Core.Satisfaction;

namespace Referrals.Core.Asks;

/// <summary>
/// Turns an event into a scheduled or skipped ask (DESIGN.md §2.1, §4 Ask). Pure and thread-safe; the caller loads the
/// contact's facts into an <see cref="AskPlanInput"/> and stores the result.
/// </summary>
/// <remarks>
/// <para>The rules, checked in this order; the first that applies is the recorded reason:</para>
/// <list type="number">
/// <item><see cref="AskSkipReason.ContactRedacted"/>: an erased contact is never asked.</item>
/// <item><see cref="AskSkipReason.TriggerDisabled"/>: the program turned the trigger's step off.</item>
/// <item><see cref="AskSkipReason.NoConsent"/>: only <see cref="AskChannel.Email"/> needs marketing consent. An on-site
/// block is shown to a customer who is on the site anyway, and a task is a person calling, writing or meeting a client
/// they already deal with, so neither needs e-mail consent.</item>
/// <item><see cref="AskSkipReason.LastScoreDetractor"/>: the last score is at or below the gate's detractor maximum
/// (they get service recovery, not another ask, until a better score replaces it).</item>
/// <item><see cref="AskSkipReason.OpenAskExists"/>: another ask is waiting to be sent.</item>
/// <item><see cref="AskSkipReason.WithinFrequencyCap"/>: the last ask was sent less than the cap before the new ask's
/// due time; exactly the cap apart is allowed.</item>
/// </list>
/// <para>The rules are the same for every trigger, <see cref="AskTrigger.Manual"/> included.</para>
/// </remarks>
public static class AskPlanner
{
    /// <summary>Plans one ask.</summary>
    /// <returns>A scheduled ask due at the event time plus the step's delay, or a skip with its reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/>, its timeline or its gate is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The trigger is not defined, or the last score is outside 0-10.</exception>
    public static AskPlan Plan(AskPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Timeline, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Gate, nameof(input));
        var step = input.Timeline.StepFor(input.Trigger);
        var dueAt = input.EventTime.ToUniversalTime().AddDays(step.DelayDays);
        AskPlan Skip(AskSkipReason reason) => AskPlan.Skip(reason, step.Channel, dueAt);

        if (ContactRule(step.Enabled, step.Channel, input.MarketingConsent, input.Redacted, input.LastScore, input.Gate) is { } reason)
        {
            return Skip(reason);
        }

        if (input.OpenAskExists)
        {
            return Skip(AskSkipReason.OpenAskExists);
        }

        if (input.LastAskedAt is { } lastAsked && dueAt - lastAsked < TimeSpan.FromDays(input.Timeline.FrequencyCapDays))
        {
            return Skip(AskSkipReason.WithinFrequencyCap);
        }

        return AskPlan.Schedule(dueAt, step.Channel);
    }

    /// <summary>
    /// Checks a scheduled ask again just before it is sent: the rules about the contact and the program (redacted,
    /// trigger turned off, e-mail consent for <paramref name="channel"/>, last score a detractor). The open-ask and
    /// frequency-cap rules were applied when the ask was planned and are not checked again.
    /// </summary>
    /// <param name="trigger">The ask's trigger; its step in <paramref name="timeline"/> says whether it is still enabled.</param>
    /// <param name="channel">The ask's own channel (not the step's current one).</param>
    /// <param name="timeline">The program's current timeline.</param>
    /// <param name="gate">The program's current gate.</param>
    /// <param name="marketingConsent">The contact's consent now.</param>
    /// <param name="redacted">The contact is redacted now.</param>
    /// <param name="lastScore">The contact's last score now.</param>
    /// <returns>The reason to skip, or null to send.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> or <paramref name="gate"/> is null.</exception>
    public static AskSkipReason? CheckBeforeSending(AskTrigger trigger, AskChannel channel, AskTimeline timeline, GateThresholds gate,
        bool marketingConsent, bool redacted, int? lastScore)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(gate);
        return ContactRule(timeline.StepFor(trigger).Enabled, channel, marketingConsent, redacted, lastScore, gate);
    }

    private static AskSkipReason? ContactRule(bool enabled, AskChannel channel, bool marketingConsent, bool redacted, int? lastScore, GateThresholds gate)
    {
        if (redacted)
        {
            return AskSkipReason.ContactRedacted;
        }

        if (!enabled)
        {
            return AskSkipReason.TriggerDisabled;
        }

        if (channel == AskChannel.Email && !marketingConsent)
        {
            return AskSkipReason.NoConsent;
        }

        return lastScore is { } score && SatisfactionGate.Classify(score, gate).Category == SatisfactionCategory.Detractor
            ? AskSkipReason.LastScoreDetractor
            : null;
    }
}
