namespace Referrals.Core.Asks;

/// <summary>One line of the ask timeline: after <see cref="Trigger"/>, wait <see cref="DelayDays"/>, then ask through <see cref="Channel"/>.</summary>
public sealed class AskTimelineStep
{
    /// <summary>The event this step answers; must match the <see cref="AskTimeline"/> property it sits in.</summary>
    public AskTrigger Trigger { get; set; }

    /// <summary>Whole days between the event and the ask, 0-365; 0 asks at once.</summary>
    public int DelayDays { get; set; }

    /// <summary>How the ask reaches the contact.</summary>
    public AskChannel Channel { get; set; }

    /// <summary>With <see cref="AskChannel.Task"/>: whether the person calls, writes or asks in a meeting. Default: a call.</summary>
    public AskTaskKind TaskKind { get; set; } = AskTaskKind.Call;

    /// <summary>
    /// The name of one of the program's ideal-client profiles (<see cref="Tenants.ProgramSettings.IdealClients"/>) this ask is
    /// about, or null for the generic ideal referral; templates read the profile as <c>ideal_client</c>.
    /// </summary>
    public string? IdealClientName { get; set; }

    /// <summary>False turns the trigger off: events of this kind record a skipped ask with <see cref="AskSkipReason.TriggerDisabled"/>.</summary>
    public bool Enabled { get; set; } = true;
}
