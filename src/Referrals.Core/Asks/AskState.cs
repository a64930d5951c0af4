namespace Referrals.Core.Asks;

/// <summary>Where an <see cref="Ask"/> is in its life: Scheduled → Sent → Answered, or Skipped / Cancelled.</summary>
public enum AskState
{
    /// <summary>Planned and waiting for its due time.</summary>
    Scheduled = 0,

    /// <summary>Handed to its channel (e-mail queued, on-site block shown, task created).</summary>
    Sent,

    /// <summary>The contact gave a score. Final.</summary>
    Answered,

    /// <summary>Not sent, for a recorded <see cref="AskSkipReason"/>. Final.</summary>
    Skipped,

    /// <summary>Withdrawn before it was sent, for example because the shop uninstalled the app. Final.</summary>
    Cancelled,
}
