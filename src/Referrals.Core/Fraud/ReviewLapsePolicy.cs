namespace Referrals.Core.Fraud;

/// <summary>What happens to a flagged referral nobody reviewed before its deadline.</summary>
public enum ReviewLapsePolicy
{
    /// <summary>The referral is approved, so a busy merchant does not silently cheat honest advocates.</summary>
    ApproveOnLapse = 0,

    /// <summary>The referral is rejected.</summary>
    RejectOnLapse = 1,

    /// <summary>The referral stays in the queue until someone decides.</summary>
    KeepWaiting = 2,
}
