namespace Referrals.Core.Asks;

/// <summary>
/// When and how the program asks (DESIGN.md §2.1): one <see cref="AskTimelineStep"/> per <see cref="AskTrigger"/>, the
/// cadence interval and the frequency cap. Bound from <c>Referrals:Program:Timeline</c>; checked by
/// <see cref="AskTimelineValidator"/>. Every default is a public constant.
/// </summary>
public sealed class AskTimeline
{
    /// <summary>Default days between a paid order and its ask: 7, time enough for the order to arrive.</summary>
    public const int DefaultPurchaseDelayDays = 7;

    /// <summary>Default days between delivery (or completed work) and its ask: 3.</summary>
    public const int DefaultFulfilmentDelayDays = 3;

    /// <summary>Default days between a solved problem and its ask: 1, while the relief is fresh.</summary>
    public const int DefaultProblemSolvedDelayDays = 1;

    /// <summary>Default days before-start asks wait: 0, at once.</summary>
    public const int DefaultBeforeStartDelayDays = 0;

    /// <summary>Default days a cadence ask waits after its cadence tick: 0.</summary>
    public const int DefaultCadenceDelayDays = 0;

    /// <summary>Default days a manual ask waits: 0, at once.</summary>
    public const int DefaultManualDelayDays = 0;

    /// <summary>Default days the advocate news waits after its tick: 0.</summary>
    public const int DefaultAdvocateNewsDelayDays = 0;

    /// <summary>Default days between two advocate news to the same contact: 30, about monthly.</summary>
    public const int DefaultAdvocateNewsIntervalDays = 30;

    /// <summary>Advocate news is e-mail only.</summary>
    public const AskChannel AdvocateNewsChannel = AskChannel.Email;

    /// <summary>Default days between cadence asks to the same contact: 90, once a quarter.</summary>
    public const int DefaultCadenceIntervalDays = 90;

    /// <summary>Default shortest gap between two asks to one contact, in days: 30. A contact asked exactly this long ago may be asked again.</summary>
    public const int DefaultFrequencyCapDays = 30;

    /// <summary>Default channel after a purchase: e-mail.</summary>
    public const AskChannel DefaultPurchaseChannel = AskChannel.Email;

    /// <summary>Default channel after fulfilment: e-mail.</summary>
    public const AskChannel DefaultFulfilmentChannel = AskChannel.Email;

    /// <summary>Default channel after a solved problem: a task (a call from the person who solved it).</summary>
    public const AskChannel DefaultProblemSolvedChannel = AskChannel.Task;

    /// <summary>Default channel before work starts: a task (asked in the meeting).</summary>
    public const AskChannel DefaultBeforeStartChannel = AskChannel.Task;

    /// <summary>Default channel of cadence asks: e-mail.</summary>
    public const AskChannel DefaultCadenceChannel = AskChannel.Email;

    /// <summary>Default channel of manual asks: e-mail.</summary>
    public const AskChannel DefaultManualChannel = AskChannel.Email;

    /// <summary>After a paid order.</summary>
    public AskTimelineStep Purchase { get; set; } = Step(AskTrigger.Purchase, DefaultPurchaseDelayDays, DefaultPurchaseChannel);

    /// <summary>After delivery or completed work.</summary>
    public AskTimelineStep Fulfilment { get; set; } = Step(AskTrigger.Fulfilment, DefaultFulfilmentDelayDays, DefaultFulfilmentChannel);

    /// <summary>After a solved problem.</summary>
    public AskTimelineStep ProblemSolved { get; set; } = Step(AskTrigger.ProblemSolved, DefaultProblemSolvedDelayDays, DefaultProblemSolvedChannel);

    /// <summary>Before work starts.</summary>
    public AskTimelineStep BeforeStart { get; set; } = Step(AskTrigger.BeforeStart, DefaultBeforeStartDelayDays, DefaultBeforeStartChannel);

    /// <summary>On the cadence (every <see cref="CadenceIntervalDays"/>).</summary>
    public AskTimelineStep Cadence { get; set; } = Step(AskTrigger.Cadence, DefaultCadenceDelayDays, DefaultCadenceChannel);

    /// <summary>Asked for by hand.</summary>
    public AskTimelineStep Manual { get; set; } = Step(AskTrigger.Manual, DefaultManualDelayDays, DefaultManualChannel);

    /// <summary>
    /// The advocate news to advocates and referral partners, every <see cref="AdvocateNewsIntervalDays"/>. Off by
    /// default: the program owner opts in; each contact receives it only with marketing consent.
    /// </summary>
    public AskTimelineStep AdvocateNews { get; set; } = new()
    {
        Trigger = AskTrigger.AdvocateNews,
        DelayDays = DefaultAdvocateNewsDelayDays,
        Channel = AdvocateNewsChannel,
        Enabled = false,
    };

    /// <summary>Days between two advocate news to one contact, 1-3650.</summary>
    public int AdvocateNewsIntervalDays { get; set; } = DefaultAdvocateNewsIntervalDays;

    /// <summary>Days between cadence asks to one contact, 1-3650.</summary>
    public int CadenceIntervalDays { get; set; } = DefaultCadenceIntervalDays;

    /// <summary>Shortest gap between two asks to one contact, in days, 0-365; 0 turns the cap off.</summary>
    public int FrequencyCapDays { get; set; } = DefaultFrequencyCapDays;

    /// <summary>The step for <paramref name="trigger"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trigger"/> is not a defined trigger.</exception>
    public AskTimelineStep StepFor(AskTrigger trigger) => trigger switch
    {
        AskTrigger.Purchase => Purchase,
        AskTrigger.Fulfilment => Fulfilment,
        AskTrigger.ProblemSolved => ProblemSolved,
        AskTrigger.BeforeStart => BeforeStart,
        AskTrigger.Cadence => Cadence,
        AskTrigger.Manual => Manual,
        AskTrigger.AdvocateNews => AdvocateNews,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Not an ask trigger."),
    };

    private static AskTimelineStep Step(AskTrigger trigger, int delayDays, AskChannel channel) =>
        new() { Trigger = trigger, DelayDays = delayDays, Channel = channel };
}
