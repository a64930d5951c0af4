using Referrals.Core.Tenants;

namespace Referrals.Core.Asks;

/// <summary>Checks an <see cref="AskTimeline"/>. Every problem names its key under <see cref="Prefix"/> and says how to fix it.</summary>
public static class AskTimelineValidator
{
    /// <summary>The configuration section the timeline is bound from.</summary>
    public const string Prefix = ProgramSettingsValidator.Prefix + ":Timeline";

    /// <summary>The longest delay of a step, in days.</summary>
    public const int MaximumDelayDays = 365;

    /// <summary>The longest frequency cap, in days.</summary>
    public const int MaximumFrequencyCapDays = 365;

    /// <summary>The longest cadence interval, in days.</summary>
    public const int MaximumCadenceIntervalDays = 3650;

    /// <summary>Returns every problem with <paramref name="timeline"/>; an empty list means valid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is null.</exception>
    public static IReadOnlyList<SettingsProblem> Validate(AskTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var problems = new List<SettingsProblem>();
        void Add(string key, string message) => problems.Add(new SettingsProblem($"{Prefix}:{key}", message));

        foreach (var trigger in Enum.GetValues<AskTrigger>())
        {
            var key = trigger.ToString();
            var step = timeline.StepFor(trigger);
            if (step is null)
            {
                Add(key, $"The {key} step is missing. Remove the setting to use the default, or set Enabled to false to turn the trigger off.");
                continue;
            }

            if (step.Trigger != trigger)
            {
                Add($"{key}:{nameof(AskTimelineStep.Trigger)}", $"The {key} step says it is for '{step.Trigger}'. Set Trigger to {key} or remove it.");
            }

            if (step.DelayDays is < 0 or > MaximumDelayDays)
            {
                Add($"{key}:{nameof(AskTimelineStep.DelayDays)}", $"{step.DelayDays} days is outside 0-{MaximumDelayDays}. Use 0 to ask at once.");
            }

            if (!Enum.IsDefined(step.Channel))
            {
                Add($"{key}:{nameof(AskTimelineStep.Channel)}", $"'{step.Channel}' is not a channel. Use one of: {string.Join(", ", Enum.GetNames<AskChannel>())}.");
            }

            if (!Enum.IsDefined(step.TaskKind))
            {
                Add($"{key}:{nameof(AskTimelineStep.TaskKind)}", $"'{step.TaskKind}' is not a way to ask by hand. Use one of: {string.Join(", ", Enum.GetNames<AskTaskKind>())}.");
            }
        }

        if (timeline.CadenceIntervalDays is < 1 or > MaximumCadenceIntervalDays)
        {
            Add(nameof(AskTimeline.CadenceIntervalDays), $"{timeline.CadenceIntervalDays} days is outside 1-{MaximumCadenceIntervalDays}. {AskTimeline.DefaultCadenceIntervalDays} asks once a quarter; set Cadence:Enabled to false to stop cadence asks.");
        }

        if (timeline.AdvocateNewsIntervalDays is < 1 or > MaximumCadenceIntervalDays)
        {
            Add(nameof(AskTimeline.AdvocateNewsIntervalDays), $"{timeline.AdvocateNewsIntervalDays} days is outside 1-{MaximumCadenceIntervalDays}. {AskTimeline.DefaultAdvocateNewsIntervalDays} sends it about monthly; set AdvocateNews:Enabled to false to stop it.");
        }

        if (timeline.AdvocateNews is { Channel: not AskTimeline.AdvocateNewsChannel } news)
        {
            Add($"{nameof(AskTimeline.AdvocateNews)}:{nameof(AskTimelineStep.Channel)}", $"The advocate news is sent by e-mail only, not '{news.Channel}'. Set Channel to {AskTimeline.AdvocateNewsChannel} or remove it.");
        }

        if (timeline.FrequencyCapDays is < 0 or > MaximumFrequencyCapDays)
        {
            Add(nameof(AskTimeline.FrequencyCapDays), $"{timeline.FrequencyCapDays} days is outside 0-{MaximumFrequencyCapDays}. {AskTimeline.DefaultFrequencyCapDays} is the default; 0 turns the cap off.");
        }

        return problems;
    }
}
